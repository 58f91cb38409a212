import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disagreements } from '../../src/artefacts/agree';
import type { DynamicsArtefact } from '../../src/artefacts/dynamicsSchema';
import type { LessonArtefact } from '../../src/artefacts/schema';

const read = <T>(name: string) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
const lesson = read<LessonArtefact>('lesson.small.json');
const dynamics = read<DynamicsArtefact>('dynamics.small.json');

describe('disagreements', () => {
  it('finds none between the fixtures trained together', () => {
    expect(disagreements(lesson, dynamics)).toEqual([]);
  });

  it('names each field that differs with both values', () => {
    const other = { ...dynamics, environment: { ...dynamics.environment, backend: 'cpu' as const, seed: 1 }, dataSize: 5 };
    expect(disagreements(lesson, other)).toEqual([
      'environment.backend: lesson.json has wasm, dynamics.json has cpu',
      'environment.seed: lesson.json has 7, dynamics.json has 1',
      'data set size: lesson.json has 120, dynamics.json has 5',
    ]);
  });
});
