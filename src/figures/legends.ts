const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Size of every figure's text, in SVG pixels. Plot's default of 10 shrinks below 8 CSS pixels when
 * a 440-pixel figure is scaled to a phone's 343-pixel column; 12 keeps it above 9.
 */
export const FONT_SIZE = 12;

/** One entry of a categorical legend. */
export interface Swatch {
  label: string;
  color: string;
}

/**
 * A categorical legend drawn as plain SVG (Plot's own swatches legend is HTML, which cannot sit
 * inside the figure's single SVG).
 */
export function swatchLegend(swatches: Swatch[], document: Document, { radius = 4.5, fontSize = FONT_SIZE } = {}): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  svg.setAttribute('font-family', 'system-ui, sans-serif');
  svg.setAttribute('font-size', String(fontSize));
  svg.setAttribute('fill', 'currentColor');
  const height = 2 * radius + 8;
  let x = radius + 1;
  for (const { label, color } of swatches) {
    const dot = document.createElementNS(SVG_NS, 'circle');
    dot.setAttribute('cx', String(x));
    dot.setAttribute('cy', String(height / 2));
    dot.setAttribute('r', String(radius));
    dot.setAttribute('fill', color);
    dot.setAttribute('stroke', 'white');
    const text = document.createElementNS(SVG_NS, 'text');
    text.setAttribute('x', String(x + radius + 5));
    text.setAttribute('y', String(height / 2));
    text.setAttribute('dy', '0.35em');
    text.textContent = label;
    svg.append(dot, text);
    // Text is not measured under jsdom, so space entries by a generous estimate of the label's width.
    x += radius + 5 + estimateWidth(label, fontSize) + 18 + radius;
  }
  svg.setAttribute('width', String(Math.ceil(x)));
  svg.setAttribute('height', String(height));
  return svg;
}

/** Roughly how wide a label is: CJK characters are about one em, Latin ones about 0.6 em. */
export function estimateWidth(label: string, fontSize: number): number {
  let ems = 0;
  for (const ch of label) ems += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return Math.ceil(ems * fontSize);
}

/** Stacks legends top to bottom in one SVG. */
export function stackLegends(parts: Element[], document: Document, gap = 6): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  let y = 0;
  let width = 0;
  for (const part of parts) {
    svg.appendChild(toGroup(part, y, document));
    y += Number(part.getAttribute('height')) + gap;
    width = Math.max(width, Number(part.getAttribute('width')));
  }
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(Math.max(0, y - gap)));
  return svg;
}

/**
 * Moves an SVG's children into a group shifted down by `dy` that keeps the SVG's text attributes;
 * Plot's <style> is left out because the page styles the figure as a whole.
 */
export function toGroup(svg: Element, dy: number, document: Document): Element {
  const group = document.createElementNS(SVG_NS, 'g');
  if (dy) group.setAttribute('transform', `translate(0,${dy})`);
  for (const name of ['fill', 'font-family', 'font-size', 'text-anchor']) {
    const value = svg.getAttribute(name);
    if (value !== null) group.setAttribute(name, value);
  }
  for (const child of Array.from(svg.childNodes)) {
    if ((child as Element).tagName?.toLowerCase() !== 'style') group.appendChild(child);
  }
  return group;
}
