import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { strictTranslate, type Translate } from '../../src/site/strings';

// An i18next instance set up as Starlight sets up its own: one namespace, flat dotted keys.
const i18n = i18next.createInstance();
await i18n.init({
  resources: {
    ja: { starlight: { 'variant.online': 'オンライン学習', 'figure.title': '{{variant}}の後', 'raw.text': '{{text}}' } },
    en: { starlight: { 'variant.online': 'online learning', 'figure.title': 'After {{variant}}', 'raw.text': '{{text}}' } },
  },
  fallbackLng: 'ja',
});
const fixed = i18n.getFixedT('ja', 'starlight') as unknown as Translate;
fixed.exists = (key, options) => i18n.exists(key, { ns: 'starlight', ...options });

describe('strictTranslate', () => {
  it('translates into the language it was given, with values', () => {
    expect(strictTranslate(fixed, 'ja')('figure.title', { variant: 'X' })).toBe('Xの後');
    expect(strictTranslate(fixed, 'en')('variant.online')).toBe('online learning');
  });

  it('inserts values unescaped, leaving escaping to Astro and the SVG renderer', () => {
    expect(strictTranslate(fixed, 'en')('raw.text', { text: 'a & b < c' })).toBe('a & b < c');
  });

  it('throws for a missing key instead of printing the key', () => {
    expect(() => strictTranslate(fixed, 'en')('variant.stochastic')).toThrow('Missing UI string "variant.stochastic" for language en');
  });

  it('throws for a missing value instead of leaving a hole', () => {
    expect(() => strictTranslate(fixed, 'en')('figure.title', { other: 1 })).toThrow(/uses \{\{variant\}\} but was given only: other/);
  });
});
