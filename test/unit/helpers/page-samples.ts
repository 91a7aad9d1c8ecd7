/**
 * Runs page-rule samples (test/fixtures/rules/<surface>.ts): snippets of a page that must fire a rule
 * (with the fields it must extract) and near misses it must stay quiet on, as the content script
 * would. test/unit/rules/tables.test.ts checks every rule has both.
 * Needs a happy-dom test environment.
 */
import { describe, expect, it } from 'vitest';
import { DETAILS, type EventKind } from '@/lib/ledger/events';
import { RULES_BY_SURFACE } from '@/lib/rules/all';
import { PageState, rememberFields, scan, SETTLE_MS, stillMissing, type Finding, type ScanContext } from '@/lib/rules/page-engine';
import { rulesFor, type PageRule } from '@/lib/rules/page-rules';
import { surfaceOfUrl } from '@/lib/facts/surfaces';
import type { NearMiss, RuleSamples } from '../../fixtures/rules/fixtures';

const happyDOM = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

/** Renders a sample, scans it as the content script would (first render, then the change), returns what fired. */
export function run(sample: NearMiss): Finding[] {
  happyDOM().setURL(sample.url);
  document.body.innerHTML = sample.html;
  const surface = surfaceOfUrl(sample.url)!;
  const rules = rulesFor(RULES_BY_SURFACE[surface].rules, location.pathname + location.hash);
  const state = new PageState();
  const scanAt = (now: number) => {
    const ctx: ScanContext = { doc: document, rules, state, now };
    rememberFields(ctx);
    return scan([document.documentElement], ctx);
  };
  const found = scanAt(0);
  if (typeof sample.then === 'string') document.body.innerHTML = sample.then;
  else sample.then?.(document);
  if (sample.then) found.push(...scanAt(SETTLE_MS));
  return found;
}

/** One describe block per rule: each sample fires it alone, with its fields; each near miss stays quiet. */
export function describeRuleSamples(rules: readonly PageRule[], samples: Readonly<Record<string, RuleSamples>>) {
  for (const rule of rules) {
    const fixtures = samples[rule.id];
    if (!fixtures) continue;
    describe(rule.id, () => {
      fixtures.fires.forEach((sample, i) => {
        it(`fires on sample ${i + 1}, with its fields, and nothing else fires`, () => {
          const found = run(sample);
          expect(found.map((f) => [f.rule.id, f.details])).toEqual([[rule.id, sample.details]]);
          // The fields are what the event schema accepts: the background would record them.
          expect(DETAILS[rule.kind as EventKind].safeParse(found[0]!.details).success).toBe(true);
          expect(found[0]!.shownText.length).toBeGreaterThan(0);
        });
      });
      fixtures.quiet.forEach((sample, i) => {
        it(`stays quiet on near miss ${i + 1}`, () => {
          expect(run(sample).filter((f) => f.rule.id === rule.id)).toEqual([]);
        });
      });
      if (rule.expect) {
        it('finds what it expects on its page, and misses it elsewhere', () => {
          const missing = (sample: NearMiss) => {
            run(sample);
            return stillMissing({ doc: document, rules: [rule], state: new PageState(), now: 0 });
          };
          expect(missing(fixtures.expected!)).toEqual([]);
          expect(missing({ url: fixtures.expected!.url, html: '<main>Something else</main>' })).toEqual([rule.id]);
        });
      }
    });
  }
}
