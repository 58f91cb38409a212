/** The part of Starlight's `Astro.locals.t` (i18next) that the lesson's components use. */
export interface Translate {
  (key: string, options?: Record<string, unknown>): string;
  exists: (key: string, options?: Record<string, unknown>) => boolean;
}

/**
 * Wraps `t` so that a missing key or a missing `{{value}}` throws instead of printing the key or
 * nothing (i18next's fallbacks). Values go in unescaped: Astro and the SVG renderer escape text
 * themselves, so i18next's HTML escaping would show "&amp;" to the reader.
 */
export function strictTranslate(t: Translate, lang: string): (key: string, values?: Record<string, unknown>) => string {
  return (key, values = {}) => {
    if (!t.exists(key, { lng: lang })) {
      throw new Error(`Missing UI string "${key}" for language ${lang}. Add it to src/content/i18n/ (every language has the same keys).`);
    }
    const missingInterpolationHandler = (_text: string, match: string[]) => {
      const given = Object.keys(values).join(', ') || 'none';
      throw new Error(`UI string "${key}" (${lang}) uses ${match[0]} but was given only: ${given}.`);
    };
    return t(key, { ...values, lng: lang, missingInterpolationHandler, interpolation: { escapeValue: false } });
  };
}
