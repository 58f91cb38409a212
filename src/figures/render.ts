import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { FONT_SIZE, toGroup } from './legends';

/** What a figure says about itself: the accessible name and the longer description. */
export interface FigureMeta {
  /** Stable id, used to prefix every id inside the SVG so figures on one page never clash. */
  id: string;
  title: string;
  description: string;
}

/** A figure before rendering: the plot's options and, optionally, a legend placed above it. */
export interface FigureSpec {
  plot: Plot.PlotOptions;
  /** Builds the legend from the rendered plot (a Plot legend) or on its own (hand-made SVG). */
  legend: (plot: SVGSVGElement & Plot.Plot, document: Document) => Element;
}

const { document: sharedDocument } = new JSDOM('<!DOCTYPE html><body></body>').window;
const SVG_NS = 'http://www.w3.org/2000/svg';
const LEGEND_GAP = 8;
/** The most children one SVG group keeps; see splitLargeGroups. */
export const MAX_GROUP_CHILDREN = 32;

function sizeOf(svg: Element): { width: number; height: number } {
  return { width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')) };
}

/**
 * Rounds the decimal numbers inside attribute values (coordinates, paths, transforms) to one
 * place: figures are drawn at most at their SVG size, where a tenth of a pixel is below what a
 * screen shows, and these digits are most of a page's weight (two places made the
 * learning-dynamics page a fifth heavier). It also keeps the bytes free of float noise. Text
 * content, such as numbers in a description, is left as written.
 */
export function roundNumbers(markup: string): string {
  const round = (n: string) => {
    const rounded = Number(Number(n).toFixed(1));
    return String(Object.is(rounded, -0) ? 0 : rounded);
  };
  return markup.replace(/="([^"]*)"/g, (_attribute, value: string) => `="${value.replace(/-?\d+\.\d{2,}/g, round)}"`);
}

/**
 * Renumbers every id in the markup as `<figure id>-<n>` in order of appearance. Plot numbers its
 * clip paths with a process-wide counter, so without this the bytes would depend on how many
 * figures were drawn before.
 */
export function stableIds(markup: string, prefix: string): string {
  const ids = [...markup.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!).filter((id) => !id.startsWith('figure-'));
  let result = markup;
  ids.forEach((id, n) => {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    result = result.replace(new RegExp(`(["#])${escaped}([")])`, 'g'), `$1${prefix}-${n + 1}$2`);
  });
  return result;
}

/**
 * Splits every group of more than MAX_GROUP_CHILDREN children into nested groups of that many, in
 * order, so the drawing is unchanged. Starlight's table of contents looks for sections with a
 * selector that has a sibling combinator (`h2 ~ *`), which the browser matches by walking each
 * element's earlier siblings: a thousand dots side by side took it 150 ms on a desktop, and
 * several times that on a phone, blocking the page after it loaded.
 */
function splitLargeGroups(svg: Element): void {
  for (const group of Array.from(svg.querySelectorAll('g'))) {
    const children = Array.from(group.children);
    if (children.length <= MAX_GROUP_CHILDREN) continue;
    for (let i = 0; i < children.length; i += MAX_GROUP_CHILDREN) {
      const part = sharedDocument.createElementNS(SVG_NS, 'g');
      part.append(...children.slice(i, i + MAX_GROUP_CHILDREN));
      group.append(part);
    }
  }
}

/**
 * The one place that draws: renders the spec with Plot into a jsdom document and returns a single
 * `<svg role="img">` holding the legend above the plot, with a <title> and <desc>. No client
 * JavaScript and no canvas are needed.
 */
export function renderFigure(spec: FigureSpec, meta: FigureMeta): string {
  const plot = Plot.plot({ ...spec.plot, document: sharedDocument }) as unknown as SVGSVGElement & Plot.Plot;
  if (plot.tagName.toLowerCase() !== 'svg') {
    throw new Error(`figure ${meta.id}: Plot returned <${plot.tagName}>; keep title, caption and legends out of the plot options`);
  }
  plot.setAttribute('font-size', String(FONT_SIZE));
  const legend = spec.legend(plot, sharedDocument);
  const legendSize = sizeOf(legend);
  const plotSize = sizeOf(plot);
  const top = legendSize.height + LEGEND_GAP;
  const width = Math.max(legendSize.width, plotSize.width);
  const height = top + plotSize.height;

  const svg = sharedDocument.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', 'img');
  const prefix = `figure-${meta.id}`;
  svg.setAttribute('aria-labelledby', `${prefix}-title ${prefix}-desc`);
  svg.setAttribute('class', 'lesson-figure');
  svg.setAttribute('style', 'max-width:100%;height:auto;overflow:visible');
  const title = sharedDocument.createElementNS(SVG_NS, 'title');
  title.setAttribute('id', `${prefix}-title`);
  title.textContent = meta.title;
  const desc = sharedDocument.createElementNS(SVG_NS, 'desc');
  desc.setAttribute('id', `${prefix}-desc`);
  desc.textContent = meta.description;
  svg.append(title, desc, toGroup(legend, 0, sharedDocument), toGroup(plot, top, sharedDocument));
  // Plot names each mark's group with aria-label ("dot", "x-axis tick"). Inside role="img" those
  // names are never read, yet ARIA forbids them on a <g> without a role, and they would be English
  // on every page; the name moves to data-mark, where tests and stylesheets can still find it.
  for (const element of svg.querySelectorAll('[aria-label]')) {
    element.setAttribute('data-mark', element.getAttribute('aria-label')!);
    element.removeAttribute('aria-label');
  }
  splitLargeGroups(svg);
  return stableIds(roundNumbers(svg.outerHTML), `${prefix}-svg`);
}
