import { expect } from 'vitest';
import type { Harness, Page } from './browser';

/**
 * Light or dark. Chromium emulates prefers-color-scheme; Firefox over WebDriver BiDi cannot, so
 * there the page's own dark rules (its prefers-color-scheme: dark blocks) are applied as they are
 * (media feature emulation in BiDi: https://github.com/w3c/webdriver-bidi/issues/750).
 */
export async function useScheme(h: Harness, page: Page, scheme: 'light' | 'dark') {
  if (h.name === 'chromium') return page.setColorScheme(scheme);
  if (scheme === 'light') return;
  const applied = await page.evaluate(() => {
    let count = 0;
    for (const sheet of [...document.styleSheets]) {
      const rules = [...sheet.cssRules].filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && /prefers-color-scheme:\s*dark/.test(r.conditionText));
      for (const media of rules) for (const rule of [...media.cssRules]) sheet.insertRule(rule.cssText, sheet.cssRules.length), count++;
    }
    return count;
  });
  expect(applied).toBeGreaterThan(0);
}
