/**
 * The site's languages, shared by astro.config.mjs (Starlight's `locales`) and the link to the
 * other language, so that adding a language happens in one place. Japanese, the lesson's original
 * language, sits at the site root; English under /en/.
 */
export const locales = {
  root: { label: '日本語', lang: 'ja' },
  en: { label: 'English', lang: 'en' },
} as const;

/** A key of `locales`: 'root' or a path prefix such as 'en'. */
export type Locale = keyof typeof locales;

/** Starlight's name for the locale served at the site root. */
export const defaultLocale: Locale = 'root';

/** The path prefix of a locale, as Starlight's route data names it (undefined at the root). */
export function routeLocale(locale: Locale): string | undefined {
  return locale === 'root' ? undefined : locale;
}

/**
 * The path of the same page in locale `to`, given the current path and Starlight's current
 * locale (undefined at the root). Content mirrors path for path, so only the prefix changes.
 */
export function translationPath(pathname: string, from: string | undefined, to: Locale, base = '/'): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  if (!pathname.startsWith(root) && `${pathname}/` !== root) {
    throw new Error(`The path ${pathname} is outside the site's base ${root}.`);
  }
  const inSite = pathname.slice(root.length);
  const prefix = from ? `${from}/` : '';
  // The locale's own index may come without its trailing slash ("/en"); treat it as "/en/".
  const page = inSite === from ? '' : inSite.startsWith(prefix) ? inSite.slice(prefix.length) : inSite;
  const target = routeLocale(to);
  return `${root}${target ? `${target}/` : ''}${page}`;
}
