import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  // WxtVitest gives unit tests WXT's fake browser and the `@/` alias, like the real build.
  plugins: [WxtVitest()],
  test: {
    // CI runs the suite a second time on Node 22 (.ci/run), into a report of its own.
    reporters: ['default', ['json', { outputFile: process.env.LL_UNIT_REPORT ?? 'test-results/unit.json' }]],
    include: ['test/unit/**/*.test.{ts,tsx}'],
    // Property tests and round trips over thousands of events run long on a busy 2-core machine.
    testTimeout: 30_000,
    // Calendar tests pin their own zones; the default must not depend on the machine.
    env: { TZ: 'Europe/Berlin' },
  },
});
