/**
 * `npm run check:content`: every page in content/ (Japanese) has an English twin in content/en/
 * and the other way round, both with valid front matter, the same sections in the same order and
 * the same figures, logs and data references. Prints one line per problem (file:line: message).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkFrontMatter, compareOutlines, outline, type ContentProblem } from './contentParity';

/** Page paths relative to `dir`, skipping the folders of other languages. */
function pages(dir: string, skip: string[] = []): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return skip.includes(name) ? [] : pages(path).map((p) => join(name, p));
    return /\.mdx?$/.test(name) ? [name] : [];
  });
}

/** All problems of the content folder `root` (Japanese at its top, English under en/). */
export function checkContent(root: string): ContentProblem[] {
  const ja = pages(root, ['en']);
  const en = existsSync(join(root, 'en')) ? pages(join(root, 'en')) : [];
  const problems: ContentProblem[] = [];
  const show = (path: string) => relative(process.cwd(), path);
  for (const page of ja.filter((p) => !en.includes(p))) {
    problems.push({ file: show(join(root, page)), message: `has no English version: add ${show(join(root, 'en', page))}` });
  }
  for (const page of en.filter((p) => !ja.includes(p))) {
    problems.push({ file: show(join(root, 'en', page)), message: `has no Japanese version: add ${show(join(root, page))}` });
  }
  for (const page of [...ja.map((p) => join(root, p)), ...en.map((p) => join(root, 'en', p))]) {
    problems.push(...checkFrontMatter(show(page), readFileSync(page, 'utf8')));
  }
  for (const page of ja.filter((p) => en.includes(p))) {
    const jaFile = join(root, page);
    const enFile = join(root, 'en', page);
    problems.push(
      ...compareOutlines(show(jaFile), outline(readFileSync(jaFile, 'utf8')), show(enFile), outline(readFileSync(enFile, 'utf8'))),
    );
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkContent(process.argv[2] ?? 'content');
  for (const p of problems) console.error(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  console.error(problems.length ? `check:content: ${problems.length} problem(s)` : 'check:content: both languages match');
  process.exit(problems.length ? 1 : 0);
}
