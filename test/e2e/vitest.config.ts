import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

// End-to-end tests: the built extension (.output/, as users get it) in Debian's Chromium and
// Firefox ESR, against the fixture site. One file at a time: two cores, two real browsers.
export default defineConfig({
  resolve: { alias: { '@': resolve(import.meta.dirname, '../..') } },
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/e2e.json' }]],
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    env: { TZ: 'Europe/Berlin' },
  },
});
