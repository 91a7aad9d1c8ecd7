// axe over every page a user reaches, from the sample ledger: the popup, the dashboard with all its
// sections (welcome, add, After Sora, timeline, access, deadlines, settings, import/export, erase),
// the printable report and the privacy policy; light and dark, at a desktop's 1280 px and a phone's
// 360 px; in English in both browsers and in German in Chromium (Firefox takes its extensions'
// language from its own UI, and Debian's firefox-esr ships no German language pack to switch to).
// 0 serious or critical; the moderate and minor ones are printed, one line per page and setting.
//
// The parameters are data: each page is opened once per browser and language and audited in each
// scheme and width in turn (light before dark: Firefox's dark rules are applied to the page and stay).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeAudit, isSerious, type AxeFinding } from './harness/axe';
import { launch, type BrowserName, type Harness } from './harness/browser';
import { useScheme } from './harness/scheme';
import { seedSampleLedger } from './harness/screenshots';

const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [1280, 360] as const;
const RUNS: { browser: BrowserName; language: string }[] = [
  { browser: 'chromium', language: 'en' },
  { browser: 'chromium', language: 'de' },
  { browser: 'firefox', language: 'en' },
];

/** Each page, and what shows it is drawn in full, the backup reminder included (the dashboard draws its later sections as the ledger is read). */
const PAGES = [
  { name: 'popup', path: 'popup.html', ready: ['[data-testid="latest-events"]'] },
  { name: 'dashboard, every section', path: 'options.html#welcome', ready: ['main[aria-busy="false"] #erase [data-testid="erase"]', '[data-testid="backup-nudge"]'] },
  { name: 'report', path: 'report.html?scope=all', ready: ['[data-testid="print"]'] },
  { name: 'privacy policy', path: 'privacy-policy.html', ready: ['main table'] },
];

for (const { browser, language } of RUNS) {
  describe(`axe audit [${browser}, ${language}]`, () => {
    let harness: Harness | undefined;
    const h = () => harness!;
    beforeAll(async () => {
      harness = await launch(browser, inject('fixturePort'), { language });
      await seedSampleLedger(harness);
      // The backup reminder shows from the first entry, so that it is audited too.
      await harness.inExtension(() => ext.storage.local.set({ settings: { backupAfterEntries: 1 } }));
    });
    afterAll(async () => {
      await harness?.close();
    });

    for (const { name, path, ready } of PAGES) {
      it(`${name}: no serious or critical violation, light and dark, 1280 and 360 px`, async () => {
        const page = await h().extensionPage(path);
        for (const selector of ready) await page.waitFor(selector, 60_000);
        expect(await page.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${language}`));
        const serious: (AxeFinding & { where: string })[] = [];
        for (const scheme of SCHEMES) {
          await useScheme(h(), page, scheme);
          for (const width of WIDTHS) {
            await page.setViewport(width, 800);
            const where = `${browser} ${language} ${scheme} ${width}px ${name}`;
            const { violations, passes } = await axeAudit(page);
            const minor = violations.filter((v) => !isSerious(v));
            console.log(`axe, ${where}: ${passes} rules passed; moderate or minor: ${minor.length ? JSON.stringify(minor) : 'none'}`);
            serious.push(...violations.filter(isSerious).map((v) => ({ ...v, where })));
          }
        }
        expect(serious).toEqual([]);
        await page.close();
      });
    }
  });
}
