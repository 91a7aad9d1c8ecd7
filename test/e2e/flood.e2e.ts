// Issue 18: a page that floods the content script with observations costs a bounded number of
// writes and leaves one trace with a count, in both browsers (lib/background/page-limits.ts).
import { expect, it } from 'vitest';
import { BUDGET_PER_SPAN } from '@/lib/background/page-limits';
import { eventually } from './harness/eventually';
import { fixtureUrl, inEachBrowser } from './harness/suite';

const FLOOD = 3000;

inEachBrowser('flood', (h) => {
  it('3,000 confirmations a page shows become at most the budget of observations, and one counted trace', async () => {
    const url = fixtureUrl('privacy.openai.com', '/flood.html');
    const page = await h().newPage(url);
    await eventually(async () => expect(await page.text('#result')).toBe(`shown ${FLOOD}`), 60_000);
    const limit = BUDGET_PER_SPAN.other;
    // Every observation past the budget is refused, and the refusals are one line with their count.
    const trace = await eventually(async () => {
      const { refused } = await h().inExtension(() => ext.storage.session.get('refused'));
      const flood = ((refused ?? []) as { error: string; host: string; count: number }[]).filter(
        (r) => r.host === 'privacy.openai.com' && /too many privacy-request-sent observations/.test(r.error),
      );
      expect(flood).toHaveLength(1);
      expect(flood[0]!.count).toBe(FLOOD - limit);
      return flood[0]!;
    }, 60_000);
    expect(Object.keys(trace).sort()).toEqual(['at', 'count', 'error', 'host']);
    const written = (await h().ledger()).filter((e) => e.kind === 'privacy-request-sent');
    expect(written.length).toBeGreaterThanOrEqual(1);
    expect(written.length).toBeLessThanOrEqual(limit);
    await page.close();
  });
});
