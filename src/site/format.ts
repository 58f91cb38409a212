import type { Quantity } from '../artefacts/quantity';

/** How a number is written: fixed decimals, and whether to group thousands (not for a seed). */
export interface FormatOptions {
  /** Exactly this many decimals; without it, whole numbers get none and others three significant digits. */
  digits?: number;
  /** Group thousands ("1,100"); true unless the number is an identifier such as a seed. */
  grouping?: boolean;
}

const MINUS = '\u2212';

/**
 * Formats with a true minus sign (U+2212) instead of a hyphen, as the figures' axes do, so that
 * "−5" reads the same in the prose and on the plot.
 */
function withMinus(format: Intl.NumberFormat, value: number): string {
  return format
    .formatToParts(value)
    .map((part) => (part.type === 'minusSign' ? MINUS : part.value))
    .join('');
}

/**
 * A quantity as the page's language writes it (Intl.NumberFormat for `lang`). Strings pass as
 * they are. A number that is not finite throws, so a page never prints NaN or Infinity.
 */
export function formatQuantity(value: Quantity, lang: string, { digits, grouping = true }: FormatOptions = {}): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) throw new Error(`Cannot print ${value}: the page only quotes finite numbers.`);
  // Three significant digits keep a small default value such as a learning rate of 0.005 exact.
  const precision: Intl.NumberFormatOptions =
    digits !== undefined
      ? { minimumFractionDigits: digits, maximumFractionDigits: digits }
      : Number.isInteger(value)
        ? { maximumFractionDigits: 0 }
        : { maximumSignificantDigits: 3 };
  return withMinus(new Intl.NumberFormat(lang, { ...precision, useGrouping: grouping }), value);
}

/**
 * Facts for a sentence (a figure's description): numbers formatted for `lang` with at most two
 * decimals (the figures round them already), strings unchanged.
 */
export function formatFacts(facts: Record<string, Quantity>, lang: string): Record<string, string> {
  const format = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  return Object.fromEntries(
    Object.entries(facts).map(([key, value]) => {
      if (typeof value === 'string') return [key, value];
      if (!Number.isFinite(value)) throw new Error(`Cannot print the fact ${key} = ${value}: the page only quotes finite numbers.`);
      return [key, withMinus(format, value)];
    }),
  );
}
