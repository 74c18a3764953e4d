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
      {
        // The built extension in Debian's Chromium (tests/helpers/e2e): one browser per file,
        // files one after another (a browser per core is all a 2-core machine has room for),
        // after the other projects so they do not compete for the CPU.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/helpers/e2e/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
