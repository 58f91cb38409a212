import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../scripts/checkContent';

const page = (title: string, body: string) => `---\ntitle: ${title}\ndescription: about ${title}\n---\n\n${body}\n`;
const body = `## One\n\n<Value of="online.msPerUpdate" /> and <Value of="batch.totalMs" per="online.totalMs" />\n\n<Figure id="dataset">x</Figure>\n\n### Two\n\n<TrainingLog variant="online" />\n`;

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'minibatch-content-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
const messages = (root: string) =>
  checkContent(root).map((p) => `${p.file.split('/').slice(-2).join('/')}${p.line ? `:${p.line}` : ''}: ${p.message}`);

describe('checkContent', () => {
  it('passes the real content and a matching pair', () => {
    expect(checkContent('content')).toEqual([]);
    expect(messages(site({ 'index.mdx': page('日本語', body), 'en/index.mdx': page('English', body) }))).toEqual([]);
  });

  it('names a page that exists in one language only, and the file to add', () => {
    const root = site({
      'index.mdx': page('a', body),
      'en/index.mdx': page('a', body),
      'extra.mdx': page('b', body),
      'en/only.md': page('c', body),
    });
    const found = messages(root);
    expect(found).toContainEqual(expect.stringMatching(/extra\.mdx: has no English version: add .*en\/extra\.mdx$/));
    expect(found).toContainEqual(expect.stringMatching(/en\/only\.md: has no Japanese version: add .*only\.md$/));
  });

  it('reports broken front matter with its line', () => {
    const found = messages(site({ 'index.mdx': `---\ntitle:\nthis is not yaml\n---\n${body}`, 'en/index.mdx': `## One\n${body}` }));
    expect(found.some((m) => /\/index\.mdx:2: front matter title is empty$/.test(m))).toBe(true);
    expect(found.some((m) => /index\.mdx:2: front matter has no description/.test(m))).toBe(true);
    expect(found.some((m) => /index\.mdx:3: front matter line is not "key: value": this is not yaml/.test(m))).toBe(true);
    expect(found.some((m) => /en\/index\.mdx:1: missing front matter/.test(m))).toBe(true);
    const quoted = `---\ntitle: "a: b"\ndescription: c\n---\n\n${body}\n`;
    const colon = messages(site({ 'index.mdx': quoted.replace('"a: b"', 'a: b'), 'en/index.mdx': quoted }));
    expect(colon).toEqual([
      expect.stringMatching(
        /\/index\.mdx:2: front matter value contains ": ", which YAML cannot read unquoted: put the value in double quotes$/,
      ),
    ]);
  });

  it('reports a missing section, a figure out of order and a data reference quoted in one language only', () => {
    const en = body
      .replace('### Two', '')
      .replace('<Figure id="dataset">x</Figure>', '<Figure id="prediction-online">x</Figure>')
      .replace('batch.totalMs', 'batch.msPerUpdate');
    const found = messages(site({ 'index.mdx': page('a', body), 'en/index.mdx': page('a', en) }));
    expect(found.some((m) => /en\/index\.mdx: sections differ from .*index\.mdx from heading 2 on \(levels 2 vs 2,3\)/.test(m))).toBe(true);
    expect(found.some((m) => /en\/index\.mdx:\d+: has Figure prediction-online where .*index\.mdx:\d+ has Figure dataset/.test(m))).toBe(
      true,
    );
    expect(found.some((m) => /does not quote batch\.totalMs, which .* quotes/.test(m))).toBe(true);
    expect(found.some((m) => /quotes batch\.msPerUpdate, which .* does not/.test(m))).toBe(true);
  });
});
