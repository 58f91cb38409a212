import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '~': new URL('./src', import.meta.url).pathname } },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Training tests run real TensorFlow.js; the data set and model are small but not instant.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
