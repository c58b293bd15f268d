import { defineConfig } from 'vitest/config';

// Unit and exercise tests run in Node; chart tests opt into happy-dom per file.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
