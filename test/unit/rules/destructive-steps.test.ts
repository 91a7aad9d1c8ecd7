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
import { findIn } from '@/lib/rules/page-reader';
import { anchorsFor, rulesFor, type Anchor } from '@/lib/rules/page-rules';
import { NETWORK_RULES } from '@/lib/rules/network-rules';
import { SURFACES } from '@/lib/surfaces';
import { DESTRUCTIVE_STEPS, destructiveStepFor } from '@/lib/rules/destructive-steps';
import { ENDPOINTS } from '../../fixtures/endpoints';
import { DELETION_WORDS, deletionDialog, portalReview, type DialogLanguage } from '../helpers/deletion-dialogs';

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
    // Over any route, in the confirmation that says what goes with the account.
    fires: [page('/profile/alice', '<div role="alertdialog"><p>All your data, including profile, conversations…</p><button data-target>Delete account</button></div>')],
    quiet: [
      page('/drafts', '<div role="dialog"><h2>Settings</h2><button data-target>Delete account</button></div>'),
      page('/settings', '<button data-target>Delete cameo</button>'),
    ],
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

/** Pages that show each route anchor, and pages of the same route that do not (a layout the rules do not know). */
const ANCHOR_FIXTURES: Record<string, { shows: StepPage & { lang?: string }; lacks: StepPage & { lang?: string } }> = {
  'chatgpt.settings-dialog': {
    shows: page('/c/6789-abc#settings/DataControls', '<div role="dialog"><div role="tablist"><button role="tab">Datenkontrollen</button></div></div>'),
    lacks: page('/#settings/DataControls', '<div role="dialog"><div><button>Data controls</button></div></div>'),
  },
  'chatgpt.profile-button': {
    shows: page('/#settings/General', '<button data-testid="accounts-profile-button" aria-label="Profilmenü öffnen">Alice</button>'),
    lacks: page('/#settings/General', '<button aria-label="Open profile menu">Alice</button>'),
  },
  'chatgpt.account-delete-button': {
    shows: { ...page('/#settings/Account', '<p>Delete account <button>Delete</button></p>'), lang: 'en-US' },
    lacks: { ...page('/#settings/Account', '<p>Delete account <button>Remove</button></p>'), lang: 'en' },
  },
  'privacy.request-form': {
    shows: page('/policies', '<header><button>Make a Privacy Request</button></header>'),
    lacks: page('/policies', '<header><a href="/policies">Policies</a></header>'),
  },
};

describe('route anchors (detector health)', () => {
  const anchors = Object.values(RULES_BY_SURFACE).flatMap((s) => s.anchors ?? []);
  const holds = (anchor: Anchor, sample: StepPage & { lang?: string }) => {
    document.body.innerHTML = sample.html;
    const applies = rulesFor([anchor], sample.at).length === 1 && anchorsFor([anchor], sample.lang).length === 1;
    return applies && findIn([document.documentElement], anchor.expect).length > 0;
  };
  for (const anchor of anchors) {
    const fixtures = ANCHOR_FIXTURES[anchor.id];
    if (!fixtures) continue;
    it(`${anchor.id}: found on its route, missed on a layout the rules do not know`, () => {
      expect(holds(anchor, fixtures.shows)).toBe(true);
      expect(holds(anchor, fixtures.lacks)).toBe(false);
    });
  }

  it('every anchor has a page that shows it and one that lacks it (meta-test)', () => {
    expect(anchors.filter((a) => !ANCHOR_FIXTURES[a.id]).map((a) => a.id)).toEqual([]);
    expect(Object.keys(ANCHOR_FIXTURES).filter((id) => !anchors.some((a) => a.id === id))).toEqual([]);
  });

  it('an anchor that names English text is not looked for on a German page', () => {
    const english = anchors.find((a) => a.id === 'chatgpt.account-delete-button')!;
    expect(anchorsFor([english], 'de-DE')).toEqual([]);
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
