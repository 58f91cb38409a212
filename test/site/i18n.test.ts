import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/site/locales';

const dir = new URL('../../src/content/i18n/', import.meta.url);
const read = (file: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const languages = Object.values(locales)
    .map((l) => `${l.lang}.json`)
    .sort();

  it('has one file per language of the site', () => {
    expect(files).toEqual(languages);
  });

  it('has the same keys in every language', () => {
    const [first, ...rest] = files.map((f) => Object.keys(read(f)).sort());
    for (const keys of rest) expect(keys).toEqual(first);
  });

  it('has a non-empty string for every key', () => {
    for (const file of files) {
      for (const [key, value] of Object.entries(read(file))) {
        expect(typeof value === 'string' && value.trim().length > 0, `${file}: ${key}`).toBe(true);
      }
    }
  });

  it('uses the same {{values}} in every language', () => {
    const [first, ...rest] = files.map(read);
    for (const other of rest) {
      for (const key of Object.keys(first!)) {
        expect(placeholders(String(other[key])), key).toEqual(placeholders(String(first![key])));
      }
    }
  });
});
