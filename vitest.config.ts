import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs no build, browser or LibreOffice (npm run test:unit, the fast loop);
// `e2e` works on the builds made once by its global setup, in Chromium and LibreOffice.
export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**'],
          testTimeout: 20_000,
          pool: 'threads',
          isolate: false,
          globalSetup: ['test/temp-root.ts'],
          setupFiles: ['test/fast-check-seed.ts', 'test/pdfjs-hooks.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/temp-root.ts', 'test/e2e/global-setup.ts'],
          setupFiles: ['test/fast-check-seed.ts', 'test/pdfjs-hooks.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
