// @vitest-environment happy-dom
/**
 * Every page rule against small fixtures: snippets that must fire it (with the fields it must
 * extract) and near misses it must stay quiet on. The meta-test at the end fails for a rule
 * without both. A rule change in lib/rules/<surface>.ts comes with its fixture here.
 */
import { describe, expect, it } from 'vitest';
import { DETAILS, type EventKind } from '@/lib/events';
import { PAGE_REPORTABLE_KINDS } from '@/lib/messages';
import { PAGE_RULES, RULES_BY_SURFACE } from '@/lib/rules/all';
import { narrowScope, PageState, rememberFields, scan, SETTLE_MS, stillMissing, type Finding, type ScanContext } from '@/lib/rules/page-engine';
import { rulesFor } from '@/lib/rules/page-rules';
import { surfaceOfUrl } from '@/lib/surfaces';

interface Sample {
  /** The page's address: its path and hash decide which rules apply. */
  url: string;
  /** The page as it first renders. */
  html: string;
  /** The page after the user acted, SETTLE_MS later: new markup, or a change made in place. */
  then?: string | ((doc: Document) => void);
  /** What the rule extracts. */
  details: Record<string, unknown>;
}
type NearMiss = Omit<Sample, 'details'>;
interface RuleFixtures {
  fires: Sample[];
  quiet: NearMiss[];
  /** For a rule with `expect`: a page that has what the rule expects (a page without it is any near miss). */
  expected?: { url: string; html: string };
}

const SORA = 'https://sora.chatgpt.com';
const CAMEO_SETTINGS = `${SORA}/profile/cameo`;
const LEVELS = ['Only me', 'People I approve', 'Mutuals', 'Everyone'];
const whoCanUse = (checked: string, label = 'Who can use your cameo') =>
  `<div role="radiogroup" aria-label="${label}">${LEVELS.map((l) => `<button role="radio" aria-checked="${l === checked}">${l}</button>`).join('')}</div>`;
const nativeWhoCanUse = (checked: string) =>
  `<fieldset role="radiogroup"><legend>Who can use your character</legend>${LEVELS.map(
    (l) => `<label><input type="radio" name="who" ${l === checked ? 'checked' : ''}> ${l}</label>`,
  ).join('')}</fieldset>`;
const people = (label: string, ...handles: string[]) =>
  `<ul aria-label="${label}">${handles.map((h) => `<li><span>@${h}</span> <button aria-label="Remove @${h}">Remove</button></li>`).join('')}</ul>`;
const approved = (...handles: string[]) => people('Approved people', ...handles);
const status = (text: string, role = 'status') => `<div role="${role}">${text}</div>`;
const setText = (selector: string, text: string) => (doc: Document) => void (doc.querySelector(selector)!.textContent = text);

const PORTAL = 'https://privacy.openai.com/';
const SORA_LINKED = { linkedAccounts: ['chatgpt', 'api-platform'] };
const CHATGPT_LINKED = { linkedAccounts: ['sora', 'api-platform'] };

export const FIXTURES: Record<string, RuleFixtures> = {
  'sora.cameo-created': {
    fires: [
      { url: `${SORA}/profile`, html: status('Your cameo is ready'), details: {} },
      { url: `${SORA}/explore`, html: '<h2>CHARACTER CREATED</h2>', details: {} },
    ],
    quiet: [
      { url: `${SORA}/profile`, html: status('Your cameo is processing') },
      { url: `${SORA}/profile`, html: '<p>Your cameo is ready</p>' },
      { url: `${SORA}/profile`, html: '<div role="status" hidden>Cameo created</div>' },
    ],
  },
  'sora.audience-changed': {
    fires: [
      { url: CAMEO_SETTINGS, html: whoCanUse('Only me'), then: whoCanUse('Everyone'), details: { before: 'only-me', after: 'everyone' } },
      {
        url: `${SORA}/profile/characters/ch_123`,
        html: nativeWhoCanUse('Only me'),
        then: (doc) => void ((doc.querySelectorAll('input[type=radio]')[2] as HTMLInputElement).checked = true),
        details: { before: 'only-me', after: 'mutuals' },
      },
      { url: CAMEO_SETTINGS, html: whoCanUse('', 'Cameo permissions'), then: whoCanUse('People I approve', 'Cameo permissions'), details: { after: 'people-i-approve' } },
    ],
    quiet: [
      { url: CAMEO_SETTINGS, html: whoCanUse('Only me', 'Video quality'), then: whoCanUse('Everyone', 'Video quality') },
      { url: CAMEO_SETTINGS, html: whoCanUse('Mutuals'), then: whoCanUse('Mutuals') },
      { url: `${SORA}/explore`, html: whoCanUse('Only me'), then: whoCanUse('Everyone') },
    ],
    expected: { url: CAMEO_SETTINGS, html: whoCanUse('Only me') },
  },
  'sora.access-granted': {
    fires: [
      { url: CAMEO_SETTINGS, html: approved('bob'), then: approved('bob', 'carol'), details: { person: 'carol' } },
      { url: `${SORA}/profile/characters`, html: people('People with access'), then: people('People with access', 'dave'), details: { person: 'dave' } },
    ],
    quiet: [
      { url: CAMEO_SETTINGS, html: approved('bob', 'carol'), then: approved('bob') },
      { url: CAMEO_SETTINGS, html: people('Suggested people', 'bob'), then: people('Suggested people', 'bob', 'carol') },
      // Still loading when first seen: what arrives is the list as it was, not a grant.
      { url: CAMEO_SETTINGS, html: '<ul aria-label="Approved people" aria-busy="true"></ul>', then: approved('bob') },
    ],
  },
  'sora.access-revoked': {
    fires: [{ url: CAMEO_SETTINGS, html: approved('bob', 'carol'), then: approved('bob'), details: { person: 'carol' } }],
    quiet: [
      { url: CAMEO_SETTINGS, html: approved('bob'), then: approved('bob', 'carol') },
      { url: CAMEO_SETTINGS, html: approved('bob', 'carol'), then: approved('carol', 'bob') },
    ],
  },
  'sora.restrictions-changed': {
    fires: [
      {
        url: CAMEO_SETTINGS,
        html: `<label>Restrictions <textarea>No political videos</textarea></label>${status('')}`,
        then: setText('[role=status]', 'Restrictions saved'),
        details: { restrictions: 'No political videos' },
      },
      {
        url: `${SORA}/profile/characters/ch_9`,
        html: `<textarea aria-label="Character instructions"> Always smiling </textarea>${status('Instructions updated', 'alert')}`,
        details: { restrictions: 'Always smiling' },
      },
    ],
    quiet: [
      { url: CAMEO_SETTINGS, html: `<label>Restrictions <textarea>x</textarea></label>${status('Restrictions could not be saved')}` },
      { url: CAMEO_SETTINGS, html: `<label>Restrictions <textarea>x</textarea></label>${status('Saved')}` },
    ],
  },
  'sora.cameo-deleted': {
    fires: [
      { url: CAMEO_SETTINGS, html: status('Cameo deleted', 'alert'), details: {} },
      { url: `${SORA}/profile`, html: '<h1>Your character has been deleted</h1>', details: {} },
    ],
    quiet: [
      { url: CAMEO_SETTINGS, html: '<div role="alertdialog"><h2>Delete your cameo?</h2><button>Delete</button></div>' },
      { url: CAMEO_SETTINGS, html: status('Cameo deletion failed') },
      { url: CAMEO_SETTINGS, html: status('Video deleted') },
    ],
  },
  'sora.cameo-deleted.unclear': {
    fires: [{ url: `${SORA}/profile/characters/ch_1`, html: status('Deleted.'), details: {} }],
    quiet: [
      { url: `${SORA}/drafts`, html: status('Deleted') },
      { url: CAMEO_SETTINGS, html: status('Deleted 3 drafts') },
    ],
  },
  'sora.appearance.draft': {
    fires: [
      {
        url: `${SORA}/drafts`,
        html: '<ul aria-label="Drafts of me"><li><a href="https://sora.chatgpt.com/d/gen_01?token=x#y">Open draft</a> by @bob</li></ul>',
        details: { by: 'bob', where: 'draft', link: 'https://sora.chatgpt.com/d/gen_01' },
      },
      {
        url: `${SORA}/profile`,
        html: '<h2 id="h">Drafts with my character</h2><ol aria-labelledby="h"><li>@carol.c made a draft <a href="/d/gen_02">View</a></li></ol>',
        details: { by: 'carol.c', where: 'draft', link: 'https://sora.chatgpt.com/d/gen_02' },
      },
    ],
    quiet: [
      { url: `${SORA}/drafts`, html: '<ul aria-label="My drafts"><li><a href="/d/gen_03">Open draft</a> by @alice</li></ul>' },
      { url: `${SORA}/explore`, html: '<ul aria-label="Drafts of me"><li><a href="/d/gen_01">Open draft</a> by @bob</li></ul>' },
      { url: `${SORA}/drafts`, html: '<ul aria-label="Drafts of me"><li>Loading…</li></ul>' },
    ],
  },
  'sora.appearance.post': {
    fires: [
      {
        url: `${SORA}/profile`,
        html: '<ul aria-label="Appearances"><li><a href="/p/s_1">Post</a> by @carol</li></ul>',
        details: { by: 'carol', where: 'post', link: 'https://sora.chatgpt.com/p/s_1' },
      },
    ],
    quiet: [
      { url: `${SORA}/profile`, html: '<ul aria-label="Posts"><li><a href="/p/s_1">Post</a> by @alice</li></ul>' },
      { url: `${SORA}/drafts`, html: '<ul aria-label="Appearances"><li><a href="/p/s_1">Post</a> by @carol</li></ul>' },
    ],
  },
  'sora.account-deleted': {
    fires: [
      { url: `${SORA}/settings`, html: '<h1>Your account has been deleted</h1>', details: SORA_LINKED },
      { url: `${SORA}/settings/account`, html: status('Account deletion requested'), details: SORA_LINKED },
    ],
    quiet: [
      { url: `${SORA}/settings`, html: '<h2>Delete your account?</h2>' },
      { url: `${SORA}/settings`, html: status('Your account could not be deleted') },
      { url: `${SORA}/explore`, html: '<h1>Your account has been deleted</h1>' },
    ],
  },
  'privacy.account-deletion': {
    fires: [
      { url: PORTAL, html: status('Your request to delete your ChatGPT account was submitted. Reference: PR-1234'), details: CHATGPT_LINKED },
      // The 2024 wording, and the older guide's.
      { url: `${PORTAL}policies`, html: status('Your request to delete your OpenAI account has been received.'), details: CHATGPT_LINKED },
      { url: PORTAL, html: '<h2>Your ChatGPT Personal Data Removal Request has been submitted</h2>', details: CHATGPT_LINKED },
    ],
    quiet: [
      { url: PORTAL, html: '<button>Delete my ChatGPT account</button>' },
      { url: PORTAL, html: '<h2>Confirm your request to delete your ChatGPT account</h2>' },
      // The identity check comes first: a login link sent is not a request made.
      { url: PORTAL, html: status('Check your email: we sent a login link to confirm your request to delete your ChatGPT account.') },
      { url: PORTAL, html: '<p>Your request to delete your OpenAI account was submitted.</p>' },
    ],
  },
  'privacy.data-request': {
    fires: [
      {
        url: PORTAL,
        html: '<label>Where do you live? <select><option>United States</option><option selected>European Union</option></select></label>',
        then: status('Your request to download your data was submitted. Reference: PR-5678'),
        details: { law: 'gdpr', channel: 'privacy-portal', request: 'access', reference: 'PR-5678' },
      },
      {
        // A label that points at the field by its id, away from it.
        url: PORTAL,
        html: '<label for="region">Country or region</label><p>Where we may answer you</p><select id="region"><option>United States</option><option selected>United Kingdom</option></select>',
        then: status('Your request to download your data was submitted.'),
        details: { law: 'uk-gdpr', channel: 'privacy-portal', request: 'access' },
      },
      { url: `${PORTAL}requests`, html: '<h1>Request to access your data has been received</h1>', details: { law: 'none', channel: 'privacy-portal', request: 'access' } },
    ],
    quiet: [
      { url: PORTAL, html: '<h1>Download my data</h1>' },
      { url: PORTAL, html: status('Your request to delete your ChatGPT account was submitted.') },
      // The 2024 portal's other choice: an opt-out is not a request for the data.
      { url: `${PORTAL}jan-2024`, html: status('Your opt-out request has been submitted.') },
      // The identity check before it.
      { url: PORTAL, html: status('Check your email. We sent a login link to [email] to confirm your request.') },
    ],
  },
};

const happyDOM = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

/** Renders a sample, scans it as the content script would (first render, then the change), returns what fired. */
export function run(sample: NearMiss): Finding[] {
  happyDOM.setURL(sample.url);
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

describe('page rules', () => {
  for (const rule of PAGE_RULES) {
    const fixtures = FIXTURES[rule.id];
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
          expect(missing({ ...fixtures.expected!, html: fixtures.expected!.html })).toEqual([]);
          expect(missing({ url: fixtures.expected!.url, html: '<main>Something else</main>' })).toEqual([rule.id]);
        });
      }
    });
  }
});

describe('the rule fixtures (meta-test)', () => {
  it('every page rule has a fixture that fires it and a near miss it stays quiet on', () => {
    const lacking = PAGE_RULES.filter((r) => !FIXTURES[r.id]?.fires.length || !FIXTURES[r.id]?.quiet.length).map((r) => r.id);
    expect(lacking).toEqual([]);
  });

  it('every rule that expects something on its page has a page that shows it', () => {
    expect(PAGE_RULES.filter((r) => r.expect && !FIXTURES[r.id]?.expected).map((r) => r.id)).toEqual([]);
  });

  it('has no fixtures for rules that do not exist, and rule ids are unique', () => {
    const ids = PAGE_RULES.map((r) => r.id);
    expect(Object.keys(FIXTURES).filter((id) => !ids.includes(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every page rule produces a kind a page may report', () => {
    expect(PAGE_RULES.filter((r) => !(PAGE_REPORTABLE_KINDS as readonly string[]).includes(r.kind)).map((r) => r.id)).toEqual([]);
  });

  it('each surface module holds only its own rules', () => {
    for (const [surface, group] of Object.entries(RULES_BY_SURFACE)) {
      expect(group.surface).toBe(surface);
      for (const rule of group.rules) expect(rule.surface).toBe(surface);
    }
  });
});

describe('the page engine', () => {
  it('reads "cameo" and "character" in any capitalisation', () => {
    for (const text of ['CAMEO DELETED', 'cameo deleted', 'Character Deleted', 'your CHARACTER was deleted']) {
      expect(run({ url: `${SORA}/profile`, html: status(text) }).map((f) => f.rule.id)).toEqual(['sora.cameo-deleted']);
    }
  });

  it('keeps email addresses out of the text it reports', () => {
    const found = run({ url: PORTAL, html: status('Your request to download your data was submitted. We wrote to alice@example.org.') });
    expect(found).toHaveLength(1);
    expect(found[0]!.shownText).not.toContain('@');
    expect(found[0]!.shownText).toContain('[email]');
  });

  it('reports a reused message region again when it shows the message again', () => {
    happyDOM.setURL(CAMEO_SETTINGS);
    document.body.innerHTML = `<label>Restrictions <textarea>one</textarea></label>${status('')}`;
    const ctx: ScanContext = { doc: document, rules: RULES_BY_SURFACE.sora.rules, state: new PageState(), now: 0 };
    const region = document.querySelector('[role=status]')!;
    const say = (text: string) => {
      region.textContent = text;
      return scan([region], ctx).map((f) => f.details);
    };
    expect(say('Restrictions saved')).toEqual([{ restrictions: 'one' }]);
    expect(say('Restrictions saved')).toEqual([]);
    document.querySelector('textarea')!.value = 'two';
    say('');
    expect(say('Restrictions saved')).toEqual([{ restrictions: 'two' }]);
  });

  it('does not count a change made while a list or group is still settling', () => {
    happyDOM.setURL(CAMEO_SETTINGS);
    document.body.innerHTML = approved('bob');
    const ctx = (now: number): ScanContext => ({ doc: document, rules: RULES_BY_SURFACE.sora.rules, state, now });
    const state = new PageState();
    const appeared = 60_000;
    expect(scan([document.documentElement], ctx(appeared))).toEqual([]);
    document.body.innerHTML = approved('bob', 'carol');
    expect(scan([document.documentElement], ctx(appeared + SETTLE_MS - 1))).toEqual([]);
    document.body.innerHTML = approved('bob', 'carol', 'dave');
    expect(scan([document.documentElement], ctx(appeared + SETTLE_MS)).map((f) => f.details)).toEqual([{ person: 'dave' }]);
  });
});

describe('what a scan looks at after a batch of changes', () => {
  it('keeps each changed subtree on the page once: nothing taken off the page, nothing inside another', () => {
    document.body.innerHTML = '<section id="feed"><div id="list"><p id="post">x</p></div></section><aside id="side"></aside>';
    const feed = document.getElementById('feed')!;
    const list = document.getElementById('list')!;
    const text = document.getElementById('post')!.firstChild!;
    const side = document.getElementById('side')!;
    const old = document.createElement('div');
    expect(narrowScope([list, text, feed, old, side])).toEqual([feed, side]);
    // A changed text node stands for its element.
    expect(narrowScope([text])).toEqual([document.getElementById('post')]);
    feed.remove();
    expect(narrowScope([list, feed, side])).toEqual([side]);
  });
});
