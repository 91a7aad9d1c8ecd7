// @vitest-environment happy-dom
/**
 * The tables of destructive steps and network rules, checked as tables: every destructive step has
 * pages that fire it (in each language ChatGPT speaks, and in one nothing is recorded of) and near
 * misses it stays quiet on; every network rule has an endpoint the fixture site answers, so the end
 * to end tests can fire it; every step, network rule and anchor says what it rests on.
 * (Page rules: rules-page.test.ts and rule-tables.test.ts; network samples: rules-network.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { RULES_BY_SURFACE } from '@/lib/rules/all';
import { NETWORK_RULES } from '@/lib/rules/network-rules';
import { SURFACES } from '@/lib/surfaces';
import { DESTRUCTIVE_STEPS, destructiveStepFor } from '@/lib/warning/destructive-steps';
import { ENDPOINTS } from '../fixtures/endpoints';
import { DELETION_WORDS, deletionDialog, portalReview, type DialogLanguage } from './helpers/deletion-dialogs';

interface StepPage {
  /** Path and hash. */
  at: string;
  html: string;
}
const page = (at: string, html: string): StepPage => ({ at, html });
const LANGS = Object.keys(DELETION_WORDS) as DialogLanguage[];

const STEP_FIXTURES: Record<string, { fires: StepPage[]; quiet: StepPage[] }> = {
  'chatgpt.delete-account.confirm': {
    fires: [
      ...LANGS.map((lang) => page('/#settings/Account', deletionDialog(lang))),
      // The dialog opens over any route.
      page('/c/6789-abc#settings/Account', deletionDialog('de')),
      page('/', deletionDialog('es')),
    ],
    quiet: [
      ...LANGS.flatMap((lang) => [page('/#settings/Account', deletionDialog(lang, 'cancel')), page('/#settings/Account', deletionDialog(lang, 'close'))]),
      page('/#settings/Account', '<div role="dialog"><div role="tablist"><button role="tab">Account</button></div><p>Delete account <button data-target>Delete</button></p></div>'),
      page('/#settings/DataControls', '<div role="dialog"><h2>Request data export - are you sure?</h2><button>Cancel</button><button data-target>Confirm export</button></div>'),
      page('/#settings/DataControls', '<div role="dialog"><h2>Clear your chat history - are you sure?</h2><button>Cancel</button><button data-target>Confirm deletion</button></div>'),
      page('/#settings/DataControls', '<div role="dialog"><h2>Alle Chats löschen?</h2><button>Abbrechen</button><button data-target>Alle löschen</button></div>'),
      page('/#settings/Account', '<div role="dialog"><h2>Delete account</h2><p>You need to have logged in within the last 10 minutes.</p><button>Cancel</button><button data-target>Refresh login</button></div>'),
      page('/', '<article><h1>How to delete your account</h1><p>Type DELETE to unlock <a data-target href="#">Permanently delete my account</a></p></article>'),
    ],
  },
  'privacy.delete-account.submit': {
    fires: [
      page('/', portalReview('Delete my ChatGPT account')),
      page('/jan-2024', portalReview('Delete my OpenAI account')),
      page('/', portalReview('ChatGPT Personal Data Removal Request')),
      page('/policies', portalReview('Delete my ChatGPT account', 'Confirm request')),
    ],
    quiet: [
      page('/', portalReview('Download my data')),
      page('/', portalReview('Do not train on my content')),
      page('/', '<button data-target>Delete my ChatGPT account</button>'),
      page('/', portalReview('Delete my ChatGPT account', 'Send login link')),
    ],
  },
  'sora.delete-account.confirm': {
    fires: [page('/settings', '<div role="dialog"><button data-target>Delete account</button></div>')],
    quiet: [page('/drafts', '<button data-target>Delete account</button>'), page('/settings', '<button data-target>Delete cameo</button>')],
  },
};

function stepAt(surface: (typeof DESTRUCTIVE_STEPS)[number]['surface'], sample: StepPage) {
  document.body.innerHTML = sample.html;
  const [pathname, hash = ''] = sample.at.split(/(?=#)/);
  return destructiveStepFor(surface, { pathname: pathname!, hash }, document.querySelector('[data-target]')!)?.id ?? null;
}

describe('destructive steps', () => {
  for (const step of DESTRUCTIVE_STEPS) {
    const fixtures = STEP_FIXTURES[step.id];
    if (!fixtures) continue;
    describe(step.id, () => {
      fixtures.fires.forEach((sample, i) => it(`fires on page ${i + 1}`, () => expect(stepAt(step.surface, sample)).toBe(step.id)));
      fixtures.quiet.forEach((sample, i) => it(`stays quiet on near miss ${i + 1}`, () => expect(stepAt(step.surface, sample)).toBeNull()));
    });
  }

  it('every step has a page that fires it and a near miss (meta-test); no fixture without its step', () => {
    expect(DESTRUCTIVE_STEPS.filter((s) => !STEP_FIXTURES[s.id]?.fires.length || !STEP_FIXTURES[s.id]?.quiet.length).map((s) => s.id)).toEqual([]);
    expect(Object.keys(STEP_FIXTURES).filter((id) => !DESTRUCTIVE_STEPS.some((s) => s.id === id))).toEqual([]);
  });

  it("ChatGPT's step fires in every language the fixtures speak, the unknown one included", () => {
    const fired = STEP_FIXTURES['chatgpt.delete-account.confirm']!.fires.map((p) => p.html);
    for (const lang of LANGS) expect(fired).toContain(deletionDialog(lang));
  });
});

describe('network rules and the fixture site', () => {
  it('every network rule has an endpoint the fixture site answers, on a host of its surface', () => {
    // The rule's own filter with its wildcard filled in by an id of each shape the facts file records.
    const IDS = ['69666ca2c39081919af589edb0c796d9', 'ch_69666ca2a63c81918e80eaf4ddfe8815'];
    const served = (rule: (typeof NETWORK_RULES)[number]) =>
      IDS.map((id) => rule.filter.replace(/\*/g, id))
        .filter((path) => rule.path.test(path))
        .some((path) =>
          ENDPOINTS.some(
            (e) =>
              e.method === rule.method &&
              e.hosts.some((h) => (SURFACES[rule.surface].hosts as readonly string[]).includes(h)) &&
              (typeof e.path === 'string' ? e.path === path : e.path.test(path)),
          ),
        );
    expect(NETWORK_RULES.filter((r) => !served(r)).map((r) => r.id)).toEqual([]);
  });
});

describe('what each entry rests on', () => {
  const confidences = ['C', 'S', 'I'];
  it('every destructive step, network rule and anchor carries its basis: the fact and its confidence', () => {
    const entries = [...DESTRUCTIVE_STEPS, ...NETWORK_RULES, ...Object.values(RULES_BY_SURFACE).flatMap((s) => s.anchors ?? [])];
    const lacking = entries.filter((e) => !(e.basis.fact.length > 10 && confidences.includes(e.basis.confidence))).map((e) => e.id);
    expect(lacking).toEqual([]);
  });

  it("every ChatGPT and privacy portal page rule carries its basis", () => {
    const rules = [...RULES_BY_SURFACE.chatgpt.rules, ...RULES_BY_SURFACE.privacy.rules];
    expect(rules.filter((r) => !r.basis || !confidences.includes(r.basis.confidence)).map((r) => r.id)).toEqual([]);
  });
});
