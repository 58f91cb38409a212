import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The configuration file that lists the experiment's settings and variants. */
export const CONFIG_PATH = fileURLToPath(new URL('./config.json', import.meta.url));

const finite = z.number().finite();

/** One training variant: an id used in page references, and its batch size. */
export const variantConfigSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, starting with a letter'),
  batchSize: z.number().int().positive(),
});

/** The experiment's settings, shared by every variant. */
export const experimentConfigSchema = z
  .object({
    seed: z
      .number()
      .int()
      .positive()
      .max(2 ** 31 - 1),
    learningRate: finite.positive(),
    epochs: z.number().int().positive(),
    signalCount: z.number().int().positive(),
    backgroundCount: z.number().int().positive(),
    gridSize: z.number().int().min(2),
    extent: z.tuple([finite, finite]),
    variants: z.array(variantConfigSchema).min(1),
  })
  .superRefine((config, ctx) => {
    const [low, high] = config.extent;
    if (!(low < high)) ctx.addIssue({ code: 'custom', path: ['extent'], message: 'must be [low, high] with low < high' });
    const size = config.signalCount + config.backgroundCount;
    const seen = new Set<string>();
    config.variants.forEach((variant, i) => {
      if (seen.has(variant.id)) {
        ctx.addIssue({ code: 'custom', path: ['variants', i, 'id'], message: `duplicate variant id "${variant.id}"` });
      }
      seen.add(variant.id);
      if (variant.batchSize > size) {
        ctx.addIssue({
          code: 'custom',
          path: ['variants', i, 'batchSize'],
          message: `is ${variant.batchSize}, larger than the data set (${size} points)`,
        });
      }
    });
  });

export type VariantConfig = z.infer<typeof variantConfigSchema>;
export type ExperimentConfig = z.infer<typeof experimentConfigSchema>;

/** Validates a parsed configuration, throwing one error that lists every problem with its path. */
export function parseConfig(value: unknown, source = 'configuration'): ExperimentConfig {
  const result = experimentConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`Invalid experiment settings in ${source}:\n${problems.join('\n')}\nFix these values and run again.`);
}

/** Reads and validates the experiment configuration file. */
export function loadConfig(path = CONFIG_PATH): ExperimentConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the experiment configuration ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); fix the syntax and run again.`);
  }
  return parseConfig(value, path);
}
