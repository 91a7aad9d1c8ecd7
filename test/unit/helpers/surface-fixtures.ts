/**
 * Runs one surface's fixtures (test/fixtures/rules/<surface>.ts) against its tables
 * (lib/rules/<surface>.ts): each page rule, network rule, destructive step and route anchor fires on
 * its samples, with its fields, and stays quiet on its near misses. That every entry has both is
 * the meta-test's (test/unit/rules/tables.test.ts). Needs a happy-dom test environment.
 */
import { describe, expect, it } from 'vitest';
import { DETAILS, type EventKind } from '@/lib/ledger/events';
import { RULES_BY_SURFACE } from '@/lib/rules/all';
import { DESTRUCTIVE_STEPS, destructiveStepFor } from '@/lib/rules/destructive-steps';
import { matchRequest } from '@/lib/rules/network-engine';
import { NETWORK_RULES } from '@/lib/rules/network-rules';
import { findIn } from '@/lib/rules/page-reader';
import { anchorsFor, rulesFor, type Anchor } from '@/lib/rules/page-rules';
import type { SurfaceId } from '@/lib/facts/surfaces';
import { FIXTURES_BY_SURFACE } from '../../fixtures/rules/all';
import type { StepPage } from '../../fixtures/rules/fixtures';
import { describeRuleSamples } from './page-samples';

/** The destructive step a page's `data-target` button is, on this surface, or null. */
export function stepAt(surface: SurfaceId, sample: StepPage): string | null {
  document.body.innerHTML = sample.html;
  const [pathname, hash = ''] = sample.at.split(/(?=#)/);
  return destructiveStepFor(surface, { pathname: pathname!, hash }, document.querySelector('[data-target]')!)?.id ?? null;
}

/** Whether the anchor applies on the page's route and language, and the page shows it. */
function anchorHolds(anchor: Anchor, sample: StepPage): boolean {
  document.body.innerHTML = sample.html;
  const applies = rulesFor([anchor], sample.at).length === 1 && anchorsFor([anchor], sample.lang).length === 1;
  return applies && findIn([document.documentElement], anchor.expect).length > 0;
}

export function describeSurfaceFixtures(surface: SurfaceId): void {
  const fixtures = FIXTURES_BY_SURFACE[surface];
  const rules = RULES_BY_SURFACE[surface];
  const networkRules = NETWORK_RULES.filter((r) => r.surface === surface);
  const steps = DESTRUCTIVE_STEPS.filter((s) => s.surface === surface);
  const anchors = rules.anchors ?? [];
  // A table the surface has no entry in gets no block: vitest fails an empty one.

  if (rules.rules.length > 0) describe('page rules', () => describeRuleSamples(rules.rules, fixtures.page));

  if (networkRules.length > 0) describe('network rules', () => {
    // Matched against every surface's rules, as the background matches a request.
    for (const rule of networkRules) {
      const samples = fixtures.network[rule.id];
      if (!samples) continue;
      describe(rule.id, () => {
        samples.fires.forEach((sample, i) => {
          it(`fires on sample ${i + 1}, with its fields`, () => {
            const found = matchRequest(sample, NETWORK_RULES).filter((f) => f.rule.id === rule.id);
            expect(found.map((f) => f.details)).toEqual([sample.details]);
            expect(DETAILS[rule.kind as EventKind].safeParse(found[0]!.details).success).toBe(true);
          });
        });
        samples.quiet.forEach((sample, i) => {
          it(`stays quiet on near miss ${i + 1}`, () => {
            expect(matchRequest(sample, NETWORK_RULES).filter((f) => f.rule.id === rule.id)).toEqual([]);
          });
        });
      });
    }
  });

  if (steps.length > 0) describe('destructive steps', () => {
    for (const step of steps) {
      const pages = fixtures.steps[step.id];
      if (!pages) continue;
      describe(step.id, () => {
        pages.fires.forEach((sample, i) => it(`fires on page ${i + 1}`, () => expect(stepAt(step.surface, sample)).toBe(step.id)));
        pages.quiet.forEach((sample, i) => it(`stays quiet on near miss ${i + 1}`, () => expect(stepAt(step.surface, sample)).toBeNull()));
      });
    }
  });

  if (anchors.length > 0) describe('route anchors (detector health)', () => {
    for (const anchor of anchors) {
      const pages = fixtures.anchors[anchor.id];
      if (!pages) continue;
      it(`${anchor.id}: found on its route, missed on a layout the rules do not know`, () => {
        expect(anchorHolds(anchor, pages.shows)).toBe(true);
        expect(anchorHolds(anchor, pages.lacks)).toBe(false);
      });
    }
  });
}
