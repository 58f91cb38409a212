import { describe, expect, it } from 'vitest';
import { defaultLocale, locales, routeLocale, translationPath } from '../../src/site/locales';

describe('locales', () => {
  it('serves Japanese at the root and English under /en/', () => {
    expect(defaultLocale).toBe('root');
    expect(locales.root.lang).toBe('ja');
    expect(locales.en.lang).toBe('en');
    expect(routeLocale('root')).toBeUndefined();
    expect(routeLocale('en')).toBe('en');
  });
});

describe('translationPath', () => {
  it('swaps the locale prefix and keeps the rest of the path', () => {
    expect(translationPath('/', undefined, 'en')).toBe('/en/');
    expect(translationPath('/en/', 'en', 'root')).toBe('/');
    expect(translationPath('/guide/step/', undefined, 'en')).toBe('/en/guide/step/');
    expect(translationPath('/en/guide/step/', 'en', 'root')).toBe('/guide/step/');
    expect(translationPath('/en', 'en', 'root')).toBe('/');
  });

  it('keeps the base the site is served under', () => {
    expect(translationPath('/docs/', undefined, 'en', '/docs')).toBe('/docs/en/');
    expect(translationPath('/docs/en/', 'en', 'root', '/docs/')).toBe('/docs/');
    expect(() => translationPath('/other/', undefined, 'en', '/docs/')).toThrow(/outside the site's base/);
  });

  it('does not mistake a page whose name starts like a locale for that locale', () => {
    expect(translationPath('/english/', undefined, 'en')).toBe('/en/english/');
  });
});
