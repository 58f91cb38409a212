import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseDynamicsArtefact } from '../../src/artefacts/io';
import { dynamicsFacts, dynamicsFigureIds, renderDynamicsFigure, type DynamicsLabels } from '../../src/figures';
import { expectSvgSnapshot } from '../snapshot';

const fixture = parseDynamicsArtefact(
  JSON.parse(readFileSync(new URL('../fixtures/dynamics.small.json', import.meta.url), 'utf8')),
  'test/fixtures/dynamics.small.json',
);
const labels: DynamicsLabels = {
  variants: { batch: 'batch', online: 'online', minibatch: 'minibatch' },
  loss: 'loss',
  updates: 'updates',
  samples: 'samples',
  seconds: 'seconds',
  batchSize: 'batch size',
  msPerUpdate: 'ms per update',
  msPerEpoch: 'ms per epoch',
  afterEpochs: 'after 2 epochs',
  afterBudget: 'after 0.02 s',
  baseline: 'constant',
  epoch: (e) => `epoch ${e}`,
  seed: (s) => `seed ${s}`,
  continued: (v) => `${v}, continued`,
  output: 'model output',
};
const snapshot = (name: string) => new URL(`./snapshots/${name}.svg`, import.meta.url).pathname;

function render(id: string): SVGSVGElement {
  const markup = renderDynamicsFigure(id, fixture, { title: `Figure ${id}`, description: `What ${id} shows`, labels });
  const { document } = new JSDOM(`<!DOCTYPE html><body>${markup}</body>`).window;
  expect(document.body.children).toHaveLength(1);
  return document.body.firstElementChild as SVGSVGElement;
}

describe('dynamics figures', () => {
  it('are the eight the lesson refers to', () => {
    expect(dynamicsFigureIds).toEqual([
      'loss-updates',
      'loss-samples',
      'loss-time',
      'epochs-grid',
      'sweep-time',
      'sweep-loss',
      'seeds-loss',
      'seeds-grid',
    ]);
  });

  for (const id of dynamicsFigureIds) {
    it(`${id} is one accessible svg with its title and description, and matches its snapshot`, () => {
      const svg = render(id);
      expect(svg.getAttribute('role')).toBe('img');
      const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
      expect(svg.querySelector(`title[id="${titleId}"]`)!.textContent).toBe(`Figure ${id}`);
      expect(svg.querySelector(`desc[id="${descId}"]`)!.textContent).toBe(`What ${id} shows`);
      expectSvgSnapshot(svg.outerHTML, snapshot(`dynamics-${id}`));
    });
  }

  it('loss curves draw one line per variant and the constant guess as a rule', () => {
    for (const id of ['loss-updates', 'loss-samples', 'loss-time']) {
      const svg = render(id);
      expect(svg.querySelectorAll('g[data-mark="line"] path')).toHaveLength(3);
      expect(svg.querySelectorAll('g[data-mark="rule"] line')).toHaveLength(1);
    }
  });

  it('the epochs grid has one panel per snapshot and a row for the long run', () => {
    const { snapshotEpochs, long } = fixture.config;
    const panels = render('epochs-grid').querySelectorAll('g[data-mark="rect"] rect');
    expect(panels).toHaveLength(3 * snapshotEpochs.length + long.snapshotEpochs.length);
  });

  it('the seeds grid and curves show every seed of every variant', () => {
    const seeds = fixture.config.seeds.length;
    expect(render('seeds-grid').querySelectorAll('g[data-mark="rect"] rect')).toHaveLength(3 * seeds);
    expect(render('seeds-loss').querySelectorAll('g[data-mark="line"] path')).toHaveLength(3 * seeds);
  });

  it('the sweep figures put a dot at every batch size for both series', () => {
    const sizes = fixture.config.sweep.batchSizes.length;
    for (const id of ['sweep-time', 'sweep-loss']) expect(render(id).querySelectorAll('g[data-mark="dot"] path')).toHaveLength(2 * sizes);
  });

  it('facts quote finite numbers for every figure', () => {
    for (const id of dynamicsFigureIds) {
      for (const value of Object.values(dynamicsFacts(id, fixture)))
        if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
    }
  });

  it('an unknown id names the known ones', () => {
    expect(() => renderDynamicsFigure('loss-nowhere', fixture, { title: '', description: '', labels })).toThrow(/Known: loss-updates/);
  });
});
