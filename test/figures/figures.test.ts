import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseLessonArtefact } from '../../src/artefacts/io';
import { figureFacts, figureIds, gridFacts, MAX_GROUP_CHILDREN, OUTPUT_LEVELS, renderFigure, type FigureLabels } from '../../src/figures';
import { expectSvgSnapshot } from '../snapshot';

const fixture = parseLessonArtefact(
  JSON.parse(readFileSync(new URL('../fixtures/lesson.small.json', import.meta.url), 'utf8')),
  'test/fixtures/lesson.small.json',
);
const labels: FigureLabels = { x1: 'x1', x2: 'x2', signal: 'signal', background: 'background', output: 'model output' };
const text = (id: string) => ({ title: `Figure ${id}`, description: `What ${id} shows`, labels });
const snapshot = (name: string) => new URL(`./snapshots/${name}.svg`, import.meta.url).pathname;

function parse(svg: string): SVGSVGElement {
  const { document } = new JSDOM(`<!DOCTYPE html><body>${svg}</body>`).window;
  expect(document.body.children).toHaveLength(1);
  return document.body.firstElementChild as SVGSVGElement;
}

function expectAccessible(svg: SVGSVGElement, id: string): void {
  expect(svg.tagName.toLowerCase()).toBe('svg');
  expect(svg.getAttribute('role')).toBe('img');
  const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
  expect(svg.querySelector(`title[id="${titleId}"]`)!.textContent).toBe(`Figure ${id}`);
  expect(svg.querySelector(`desc[id="${descId}"]`)!.textContent).toBe(`What ${id} shows`);
}

const points = fixture.dataset.x1.length;

describe('datasetScatter', () => {
  const markup = renderFigure('dataset', fixture, text('dataset'));

  it('draws every point in two colours, a legend and labelled axes', () => {
    const svg = parse(markup);
    expectAccessible(svg, 'dataset');
    // Every data point plus the legend's two swatches.
    expect(svg.querySelectorAll('circle')).toHaveLength(points + 2);
    const fills = new Set(
      Array.from(svg.querySelectorAll('circle'), (c) => c.getAttribute('fill') ?? c.parentElement!.closest('[fill]')!.getAttribute('fill')),
    );
    expect(fills).toEqual(new Set(['#D55E00', '#0072B2']));
    const words = Array.from(svg.querySelectorAll('text'), (t) => t.textContent);
    expect(words).toEqual(expect.arrayContaining(['signal', 'background']));
    expect(words.some((w) => w?.startsWith('x1'))).toBe(true);
    expect(words.some((w) => w?.startsWith('x2'))).toBe(true);
  });

  it('matches its snapshot', () => expectSvgSnapshot(markup, snapshot('datasetScatter')));
});

describe('predictionContour', () => {
  for (const variant of fixture.variants) {
    const id = `prediction-${variant.id}`;
    const markup = renderFigure(id, fixture, text(id));

    it(`${id}: filled contours, a ten-level colour legend and the points on top`, () => {
      const svg = parse(markup);
      expectAccessible(svg, id);
      const contours = Array.from(svg.querySelectorAll('g[data-mark="contour"] path'));
      // One path per level; a level above the model's highest output has nothing to fill.
      expect(contours).toHaveLength(OUTPUT_LEVELS.length);
      const drawn = contours.filter((p) => (p.getAttribute('d') ?? '').length > 10).length;
      const max = Math.max(...variant.predictionGrid.values);
      expect(drawn).toBe(OUTPUT_LEVELS.filter((level) => level < max).length);
      // The lowest level covers the whole square, so the contour is never empty.
      expect(contours[0]!.getAttribute('fill')).toBe('rgb(255, 255, 255)');
      const ramp = svg.querySelectorAll('rect[height="10"]');
      expect(ramp).toHaveLength(10);
      expect(svg.querySelectorAll('circle')).toHaveLength(points + 2);
      const last = Array.from(svg.querySelectorAll('g[data-mark]')).map((g) => g.getAttribute('data-mark'));
      expect(last.indexOf('dot')).toBeGreaterThan(last.indexOf('contour'));
    });

    it(`${id} matches its snapshot`, () => expectSvgSnapshot(markup, snapshot(`predictionContour-${variant.id}`)));
  }
});

describe('renderFigure', () => {
  it('gives the same bytes whatever was rendered before', () => {
    const first = renderFigure('prediction-online', fixture, text('prediction-online'));
    renderFigure('prediction-batch', fixture, text('prediction-batch'));
    renderFigure('dataset', fixture, text('dataset'));
    expect(renderFigure('prediction-online', fixture, text('prediction-online'))).toBe(first);
  });

  it(`keeps every group to ${MAX_GROUP_CHILDREN} children and every dot in its own mark`, () => {
    const svg = parse(renderFigure('dataset', fixture, text('dataset')));
    for (const group of svg.querySelectorAll('g')) expect(group.children.length).toBeLessThanOrEqual(MAX_GROUP_CHILDREN);
    const dots = Array.from(svg.querySelectorAll('g[data-mark="dot"]'), (g) => [
      g.getAttribute('fill'),
      g.querySelectorAll('circle').length,
    ]);
    const signal = fixture.dataset.label.filter((label) => label === 1).length;
    // Background first, so that the rarer signal points are drawn on top.
    expect(dots).toEqual([
      ['#0072B2', points - signal],
      ['#D55E00', signal],
    ]);
  });

  it('keeps ids unique across the figures of one page', () => {
    const ids = figureIds(fixture).flatMap((id) => [...renderFigure(id, fixture, text(id)).matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws the words it is given, in any language', () => {
    const ja = { x1: 'x1', x2: 'x2', signal: 'シグナル', background: 'バックグラウンド', output: 'モデルの出力' };
    const svg = parse(renderFigure('prediction-minibatch', fixture, { title: '図', description: '説明', labels: ja }));
    const words = Array.from(svg.querySelectorAll('text'), (t) => t.textContent);
    expect(words).toEqual(expect.arrayContaining(['シグナル', 'バックグラウンド', 'モデルの出力']));
  });

  it('rejects an unknown figure id, naming the known ones', () => {
    expect(() => renderFigure('prediction-adam', fixture, text('x'))).toThrow(
      /Unknown figure id "prediction-adam".*dataset, prediction-batch/,
    );
  });
});

describe('figure facts', () => {
  it('measures the signal region of a grid', () => {
    const grid = { order: 'x2-major' as const, x1: [-1, 0, 1], x2: [-1, 0, 1], values: [0, 0, 0, 0, 0.9, 0.8, 0, 0, 0] };
    expect(gridFacts(grid)).toEqual({ signalShare: 22.2, centreX1: 0.5, centreX2: 0, minOutput: 0, maxOutput: 0.9 });
    expect(gridFacts({ ...grid, values: grid.values.map(() => 0.2) })).toEqual({ signalShare: 0, minOutput: 0.2, maxOutput: 0.2 });
  });

  it('lists one figure per variant and the data set', () => {
    expect(figureIds(fixture)).toEqual(['dataset', 'prediction-batch', 'prediction-online', 'prediction-minibatch']);
    expect(figureFacts('dataset', fixture)).toMatchObject({ signalCount: 20, backgroundCount: 100 });
  });
});
