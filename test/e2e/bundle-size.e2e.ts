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
      // Sora, ChatGPT, the privacy portal (the API platform has none: nothing there can be watched).
      expect(sizes.filter((s) => s.name.startsWith('content-scripts/')).length).toBeGreaterThanOrEqual(3);
      for (const s of sizes) expect(s.kb, s.name).toBeLessThanOrEqual(s.budgetKb);
    });
  });
}
