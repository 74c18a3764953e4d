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
          exclude: [
            'tests/extension/**',
            'tests/e2e/**',
            'tests/e2e-firefox/**',
            'node_modules/**',
          ],
          testTimeout: 30_000,
          // Starting a feed server (an embedded PostgreSQL) takes seconds, and many more on a
          // busy 2-core machine: setup may wait that long, tests themselves stay at 30 s.
          hookTimeout: 60_000,
        },
      },
      {
        // Extension code runs against WXT's in-memory fake of the browser APIs.
        plugins: [WxtVitest()],
        test: {
          name: 'extension',
          include: ['tests/extension/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
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
      {
        // The Firefox build in Debian's firefox-esr over WebDriver BiDi (tests/helpers/e2e-firefox):
        // after the Chromium e2e, so no more than one browser runs at a time.
        test: {
          name: 'e2e-firefox',
          include: ['tests/e2e-firefox/**/*.e2e.test.ts'],
          globalSetup: ['tests/helpers/e2e-firefox/global-setup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
