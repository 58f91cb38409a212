/** What a lesson page is made of, in order, as far as its translation must match it. */
export interface PageOutline {
  /** Heading levels in order (2 for ##, 3 for ###). */
  headings: { level: number; line: number }[];
  /** Figure ids and training-log variants, in order of appearance. */
  blocks: { ref: string; line: number }[];
  /** Every `<Value of="…">` reference, sorted and without repeats. */
  values: string[];
}

/** A problem found in a page, with where it is and how to fix it. */
export interface ContentProblem {
  file: string;
  line?: number;
  message: string;
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

/** Checks the front matter: present, closed, with a non-empty title and description. */
export function checkFrontMatter(file: string, text: string): ContentProblem[] {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    return [{ file, line: 1, message: 'missing front matter: start the file with ---, a title: line, a description: line and ---' }];
  }
  const problems: ContentProblem[] = [];
  const lines = match[1]!.split('\n');
  for (const key of ['title', 'description']) {
    const index = lines.findIndex((l) => l.startsWith(`${key}:`));
    if (index < 0) problems.push({ file, line: 2, message: `front matter has no ${key}: add a line "${key}: …"` });
    else if (!lines[index]!.slice(key.length + 1).trim()) problems.push({ file, line: index + 2, message: `front matter ${key} is empty` });
  }
  lines.forEach((l, i) => {
    if (l.trim() && !/^[A-Za-z][\w-]*:/.test(l) && !/^\s/.test(l)) {
      problems.push({ file, line: i + 2, message: `front matter line is not "key: value": ${l.trim()}` });
    }
    // YAML reads a second ": " in an unquoted value as a nested mapping and the build fails.
    const value = /^\s*[A-Za-z][\w-]*:\s+(.*)$/.exec(l)?.[1] ?? '';
    if (value && !/^["'|>]/.test(value) && /:\s/.test(value)) {
      problems.push({
        file,
        line: i + 2,
        message: `front matter value contains ": ", which YAML cannot read unquoted: put the value in double quotes`,
      });
    }
  });
  return problems;
}

/** Reads the outline of an MDX page, skipping code blocks. */
export function outline(text: string): PageOutline {
  const result: PageOutline = { headings: [], blocks: [], values: [] };
  const values = new Set<string>();
  let inCode = false;
  text.split('\n').forEach((lineText, i) => {
    const line = i + 1;
    if (lineText.startsWith('```')) inCode = !inCode;
    if (inCode) return;
    const heading = /^(#{2,6})\s/.exec(lineText);
    if (heading) result.headings.push({ level: heading[1]!.length, line });
    for (const m of lineText.matchAll(/<Figure\s+id="([^"]+)"/g)) result.blocks.push({ ref: `Figure ${m[1]}`, line });
    for (const m of lineText.matchAll(/<TrainingLog\s+variant="([^"]+)"/g)) result.blocks.push({ ref: `TrainingLog ${m[1]}`, line });
    for (const tag of lineText.matchAll(/<Value\s[^>]*>/g)) {
      for (const m of tag[0].matchAll(/\b(?:of|per)="([^"]+)"/g)) values.add(m[1]!);
    }
  });
  result.values = [...values].sort();
  return result;
}

/** Compares a page with its translation: same headings, figures and logs in order, same data references. */
export function compareOutlines(file: string, base: PageOutline, otherFile: string, other: PageOutline): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const levels = (o: PageOutline) => o.headings.map((h) => h.level).join(',');
  if (levels(base) !== levels(other)) {
    const at = base.headings.findIndex((h, i) => h.level !== other.headings[i]?.level);
    const index = at < 0 ? base.headings.length : at;
    problems.push({
      file: otherFile,
      line: other.headings[index]?.line,
      message: `sections differ from ${file} from heading ${index + 1} on (levels ${levels(other)} vs ${levels(base)}): give both languages the same sections in the same order`,
    });
  }
  const count = Math.max(base.blocks.length, other.blocks.length);
  for (let i = 0; i < count; i++) {
    const a = base.blocks[i];
    const b = other.blocks[i];
    if (a?.ref === b?.ref) continue;
    problems.push({
      file: otherFile,
      line: b?.line,
      message: `${b ? `has ${b.ref}` : 'ends'} where ${file}${a ? `:${a.line} has ${a.ref}` : ' ends'}: put the same figures and logs in the same order`,
    });
    break;
  }
  const missing = base.values.filter((v) => !other.values.includes(v));
  const extra = other.values.filter((v) => !base.values.includes(v));
  if (missing.length)
    problems.push({
      file: otherFile,
      message: `does not quote ${missing.join(', ')}, which ${file} quotes: quote the same data in both languages`,
    });
  if (extra.length)
    problems.push({
      file: otherFile,
      message: `quotes ${extra.join(', ')}, which ${file} does not: quote the same data in both languages`,
    });
  return problems;
}
