import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLessonArtefact, writeJsonAtomic } from '../../src/artefacts/io';

const fixturePath = new URL('../fixtures/lesson.small.json', import.meta.url).pathname;
const fixtureText = readFileSync(fixturePath, 'utf8');
const work = () => mkdtempSync(join(tmpdir(), 'minibatch-io-'));

describe('readLessonArtefact', () => {
  it('reads the committed fixture', () => {
    const artefact = readLessonArtefact(fixturePath);
    expect(artefact.variants.map((v) => v.updatesPerEpoch)).toEqual([1, 120, 12]);
  });

  it('says how to create a missing artefact', () => {
    expect(() => readLessonArtefact(join(work(), 'lesson.json'))).toThrow(/lesson\.json is missing; run `npm run train`/);
  });

  it('refuses a truncated file', () => {
    const path = join(work(), 'lesson.json');
    writeFileSync(path, fixtureText.slice(0, 1000));
    expect(() => readLessonArtefact(path)).toThrow(/corrupted or truncated \(not valid JSON\); run `npm run train`/);
  });

  it('refuses an artefact of another schema version', () => {
    const path = join(work(), 'lesson.json');
    writeFileSync(path, JSON.stringify({ ...JSON.parse(fixtureText), schemaVersion: 0 }));
    expect(() => readLessonArtefact(path)).toThrow(/has schema version 0, this code reads version 1; run `npm run train`/);
  });

  it('refuses an artefact with a NaN-free but invalid field, naming the field', () => {
    const path = join(work(), 'lesson.json');
    const broken = JSON.parse(fixtureText);
    broken.variants[1].predictionGrid.values.pop();
    writeFileSync(path, JSON.stringify(broken));
    expect(() => readLessonArtefact(path)).toThrow(/variants\.1\.predictionGrid: values must hold x1\.length \* x2\.length entries/);
    broken.variants[1].predictionGrid.values.push(null);
    writeFileSync(path, JSON.stringify(broken));
    expect(() => readLessonArtefact(path)).toThrow(/variants\.1\.predictionGrid\.values\.399: Expected number, received null/);
  });
});

describe('writeJsonAtomic', () => {
  it('replaces the file whole and leaves no temporary file', () => {
    const dir = work();
    const path = join(dir, 'out.json');
    writeJsonAtomic(path, { a: 1 });
    writeJsonAtomic(path, { a: 2 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ a: 2 });
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('fails clearly when the folder cannot be written, keeping the previous file', () => {
    const dir = work();
    const path = join(dir, 'out.json');
    writeJsonAtomic(path, { a: 1 });
    // A file where a folder should be fails for every user, root included (unlike permissions).
    writeFileSync(join(dir, 'blocked'), '');
    expect(() => writeJsonAtomic(join(dir, 'blocked', 'out.json'), { a: 2 })).toThrow(/Cannot write .*blocked\/out\.json: .*The previous file, if any, is unchanged\./);
    expect(() => writeJsonAtomic(join(dir, 'out.json', 'x.json'), { a: 2 })).toThrow(/Cannot write/);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ a: 1 });
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'out.json']);
  });
});
