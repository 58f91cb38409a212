import type { Quantity } from '../artefacts/quantity';

/**
 * A quantity as the page's language writes it (Intl.NumberFormat for `lang`). Numbers get exactly
 * `digits` decimals; without `digits`, whole numbers get none and others two. Strings pass as they
 * are. A number that is not finite throws, so a page never prints NaN or Infinity.
 */
export function formatQuantity(value: Quantity, lang: string, digits?: number): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) throw new Error(`Cannot print ${value}: the page only quotes finite numbers.`);
  const fraction = digits ?? (Number.isInteger(value) ? 0 : 2);
  return new Intl.NumberFormat(lang, { minimumFractionDigits: fraction, maximumFractionDigits: fraction }).format(value);
}

/**
 * Facts for a sentence (a figure's description): numbers formatted for `lang` with at most two
 * decimals (the figures round them already), strings unchanged.
 */
export function formatFacts(facts: Record<string, Quantity>, lang: string): Record<string, string> {
  const format = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  return Object.fromEntries(
    Object.entries(facts).map(([key, value]) => {
      if (typeof value === 'string') return [key, value];
      if (!Number.isFinite(value)) throw new Error(`Cannot print the fact ${key} = ${value}: the page only quotes finite numbers.`);
      return [key, format.format(value)];
    }),
  );
}
