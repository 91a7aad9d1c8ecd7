// Bundle budgets (gzip), checked on the builds users get. Sizes are deterministic, so they are a
// test; timings are not, so they live in the benchmark (npm run bench).
import { describe, expect, it } from 'vitest';
import { bundleSizes } from './harness/bundles';
import { EXTENSION_DIRS } from './harness/paths';

for (const [browser, dir] of Object.entries(EXTENSION_DIRS)) {
  describe(`bundle budgets [${browser}]`, () => {
    it('every bundle stays within its budget', () => {
      const sizes = bundleSizes(dir);
      for (const s of sizes) console.log(`${browser} ${s.name}: ${s.kb.toFixed(1)} KB gzip (budget ${s.budgetKb} KB)`);
      expect(sizes.filter((s) => s.name.startsWith('content-scripts/')).length).toBeGreaterThanOrEqual(4);
      for (const s of sizes) expect(s.kb, s.name).toBeLessThanOrEqual(s.budgetKb);
    });
  });
}
