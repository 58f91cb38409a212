// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { defaultLocale, locales } from './src/site/locales.ts';

export default defineConfig({
  // The dev toolbar is only for `astro dev`, but it fetches from the network; keep it off.
  devToolbar: { enabled: false },
  // src/content/docs is a link to content/. Starlight decides whether to build asides and heading
  // links, and in which language, from a page's path under src/content/docs; Vite would otherwise
  // hand MDX pages to it under their real path in content/, and asides would silently stay plain.
  vite: { resolve: { preserveSymlinks: true } },
  integrations: [
    starlight({
      title: 'minibatch-explained',
      defaultLocale,
      locales,
      customCss: ['./src/styles/lesson.css'],
      components: { PageTitle: './src/components/PageTitle.astro' },
      // One page needs no search index; leaving Pagefind out also keeps its scripts off the page.
      pagefind: false,
      favicon: '/favicon.svg',
    }),
  ],
});
