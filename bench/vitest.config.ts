import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

// Benchmarks in Node (fake-indexeddb): `npx vitest run --config bench/vitest.config.ts`.
// Each prints its figures against their goals and writes bench/results/<name>.json.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['bench/**/*.bench.ts'],
    env: { TZ: 'Europe/Berlin' },
    // One at a time: timings from files run side by side would measure each other.
    fileParallelism: false,
    testTimeout: 600_000,
    // A benchmark may collect garbage before it times (globalThis.gc), so one size's garbage is not charged to the next.
    poolOptions: { forks: { execArgv: ['--expose-gc'] } },
  },
});
