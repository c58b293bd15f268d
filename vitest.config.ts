import { defineConfig } from 'vitest/config';

// Unit and exercise tests run in Node; chart tests opt into happy-dom per file.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // A browser's relayout or repaint can lag seconds behind on a busy
    // 2-core machine: expect.poll waits up to 15 s (vitest's default is 1 s),
    // so a wait for the page fails only when the page really never gets there.
    expect: { poll: { timeout: 15_000 } },
  },
});
