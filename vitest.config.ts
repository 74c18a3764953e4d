import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/extension/**', 'tests/e2e/**', 'node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        // Extension code runs against WXT's in-memory fake of the browser APIs.
        plugins: [WxtVitest()],
        test: {
          name: 'extension',
          include: ['tests/extension/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
