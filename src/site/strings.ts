/** How the lesson's components call Starlight's `Astro.locals.t` (i18next). */
interface LooseTranslate {
  (key: string, options?: Record<string, unknown>): string;
  exists: (key: string, options?: Record<string, unknown>) => boolean;
}

/**
 * Starlight's `Astro.locals.t` or a test double. Its keys are typed as the known UI string keys,
 * while components pass keys built at run time, so the call signature is left open here and the
 * key is checked by `exists` instead.
 */
export type Translate = { exists: LooseTranslate['exists'] } & ((...args: never[]) => unknown);

/**
 * Wraps `t` so that a missing key or a missing `{{value}}` throws instead of printing the key or
 * nothing (i18next's fallbacks). Values go in unescaped: Astro and the SVG renderer escape text
 * themselves, so i18next's HTML escaping would show "&amp;" to the reader.
 */
export function strictTranslate(t: Translate, lang: string): (key: string, values?: Record<string, unknown>) => string {
  const loose = t as unknown as LooseTranslate;
  return (key, values = {}) => {
    if (!loose.exists(key, { lng: lang })) {
      throw new Error(`Missing UI string "${key}" for language ${lang}. Add it to src/content/i18n/ (every language has the same keys).`);
    }
    const missingInterpolationHandler = (_text: string, match: string[]) => {
      const given = Object.keys(values).join(', ') || 'none';
      throw new Error(`UI string "${key}" (${lang}) uses ${match[0]} but was given only: ${given}.`);
    };
    return loose(key, { ...values, lng: lang, missingInterpolationHandler, interpolation: { escapeValue: false } });
  };
}
