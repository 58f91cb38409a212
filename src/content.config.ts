import { defineCollection, z } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import english from './content/i18n/en.json';

/**
 * Our own UI strings are required in every language: the schema takes its keys from en.json, so
 * a key missing from another language (or left empty) fails the build instead of showing the key.
 */
const lessonStrings = z.object(Object.fromEntries(Object.keys(english).map((key) => [key, z.string().min(1)])));

/** Starlight's collections: the pages (src/content/docs, a link to content/) and the UI strings. */
export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: lessonStrings }) }),
};
