// Bundle budgets (gzip), checked on the builds users get. Sizes are deterministic, so they are a
// test; timings are not, so they live in the benchmark (npm run bench).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIRS } from './harness/paths';

export const BUDGETS_KB = { contentScript: 12, popupInitial: 50, background: 60 } as const;

const gzKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** The JavaScript a page loads before its first render: its entry script and the modules it preloads. */
function initialScripts(dir: string, html: string): string[] {
  const page = readFileSync(join(dir, html), 'utf8');
  return [...page.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => join(dir, m[1]!));
}

for (const [browser, dir] of Object.entries(EXTENSION_DIRS)) {
  describe(`bundle budgets [${browser}]`, () => {
    const sizes: Record<string, number> = {};
    const report = (name: string, kb: number, budget: number) => {
      sizes[name] = kb;
      console.log(`${browser} ${name}: ${kb.toFixed(1)} KB gzip (budget ${budget} KB)`);
    };

    it('each content script stays within its budget', () => {
      const scripts = readdirSync(join(dir, 'content-scripts')).filter((f) => f.endsWith('.js'));
      expect(scripts.length).toBeGreaterThanOrEqual(4);
      for (const script of scripts) {
        const kb = gzKb(join(dir, 'content-scripts', script));
        report(`content-scripts/${script}`, kb, BUDGETS_KB.contentScript);
        expect(kb, script).toBeLessThanOrEqual(BUDGETS_KB.contentScript);
      }
    });

    it("the popup's initial JavaScript stays within its budget", () => {
      const files = initialScripts(dir, 'popup.html');
      expect(files.length).toBeGreaterThan(0);
      const kb = files.reduce((sum, f) => sum + gzKb(f), 0);
      report('popup (initial JS)', kb, BUDGETS_KB.popupInitial);
      expect(kb).toBeLessThanOrEqual(BUDGETS_KB.popupInitial);
    });

    it('the background stays within its budget', () => {
      const kb = gzKb(join(dir, 'background.js'));
      report('background.js', kb, BUDGETS_KB.background);
      expect(kb).toBeLessThanOrEqual(BUDGETS_KB.background);
    });
  });
}
