// @vitest-environment happy-dom
/**
 * What the network engine does with the rules: the URL filters the browser is given, the privacy of
 * the body reading, and the one key an action gets from either signal. Each surface's network rules
 * against their request samples: test/unit/rules/<surface>.test.ts; that each has both: tables.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { NewEvent } from '@/lib/ledger/events';
import { factKey } from '@/lib/ledger/fact-key';
import { RULES_BY_SURFACE } from '@/lib/rules/all';
import { bodyFieldsFor, matchRequest, MAX_BODY_BYTES, pickBodyFields, requestFilters, type SeenRequest } from '@/lib/rules/network-engine';
import { NETWORK_RULES } from '@/lib/rules/network-rules';
import { PageState, scan } from '@/lib/rules/page-engine';
import { SURFACES, type SurfaceId } from '@/lib/facts/surfaces';
import { FIXTURES_BY_SURFACE } from '../../fixtures/rules/all';

const SORA = 'https://sora.chatgpt.com/backend';
const UPDATE = `${SORA}/project_y/cameos/by_id/69666ca2c39081919af589edb0c796d9/update_v2`;
/** Sora's instruction set: an object of text parts, never a string [S]. */
const instructions = (...texts: string[]) => ({ value: texts.map((value) => ({ type: 'text', value })) });

describe('network rules', () => {
  it("each rule's URL filter covers its own endpoint on every host of its surface", () => {
    for (const rule of NETWORK_RULES) {
      const sample = FIXTURES_BY_SURFACE[rule.surface].network[rule.id]!.fires[0]!;
      const path = new URL(sample.url).pathname;
      for (const host of SURFACES[rule.surface].hosts) {
        const covered = requestFilters([rule]).all.some((pattern) => new RegExp(`^${pattern.replace(/[.?]/g, '\\$&').replace(/\*/g, '.*')}$`).test(`https://${host}${path}`));
        expect(covered, `${rule.id} on ${host}`).toBe(true);
      }
    }
  });
});

const bytes = (text: string) => [{ bytes: new TextEncoder().encode(text).buffer as ArrayBuffer }];

describe('request bodies', () => {
  it('are asked for only on the endpoints whose rules list body fields, never on the upload', () => {
    const { all, withBody } = requestFilters(NETWORK_RULES);
    expect(withBody.every((u) => all.includes(u))).toBe(true);
    expect(withBody.some((u) => u.includes('/characters/upload'))).toBe(false);
    expect(all.some((u) => u.includes('/characters/upload'))).toBe(false);
    expect(withBody.some((u) => u.includes('/characters/*'))).toBe(false);
    expect(bodyFieldsFor('POST', `${SORA}/characters/upload`, NETWORK_RULES)).toEqual([]);
    expect(bodyFieldsFor('DELETE', `${SORA}/project_y/characters/ch_1`, NETWORK_RULES)).toEqual([]);
    expect(bodyFieldsFor('POST', UPDATE, NETWORK_RULES).sort()).toEqual(['instruction_set', 'visibility']);
  });

  it('keep only the listed string fields of a small JSON body', () => {
    const body = JSON.stringify({ visibility: 'public', instruction_set: 'x', access_token: 'secret', safety_instruction_set: { a: 1 } });
    expect(pickBodyFields(bytes(body), ['visibility', 'safety_instruction_set'])).toEqual({ visibility: 'public' });
  });

  it("read Sora's instruction set as its text parts, and nothing else of it", () => {
    const body = JSON.stringify({ instruction_set: instructions('No political videos', 'Never in ads'), safety_instruction_set: { value: [{ type: 'image', value: 'x' }] } });
    expect(pickBodyFields(bytes(body), ['instruction_set', 'safety_instruction_set'])).toEqual({ instruction_set: 'No political videos\nNever in ads' });
    // Cleared restrictions are a change too.
    expect(pickBodyFields(bytes(JSON.stringify({ instruction_set: instructions() })), ['instruction_set'])).toEqual({ instruction_set: '' });
    expect(pickBodyFields(bytes(JSON.stringify({ instruction_set: { value: 'x' } })), ['instruction_set'])).toEqual({});
  });

  it('are not read when large, not JSON, in a file, or when no field is listed', () => {
    expect(pickBodyFields(bytes(JSON.stringify({ visibility: 'x'.repeat(MAX_BODY_BYTES) })), ['visibility'])).toBeUndefined();
    expect(pickBodyFields(bytes('--boundary\r\nvideo bytes'), ['visibility'])).toBeUndefined();
    expect(pickBodyFields([{}], ['visibility'])).toBeUndefined();
    expect(pickBodyFields(bytes('{"visibility":"public"}'), [])).toBeUndefined();
    expect(pickBodyFields(bytes('["public"]'), ['visibility'])).toBeUndefined();
  });
});

/** The page's observation of an action, from a snippet run through the page rules. */
function seenOnPage(url: string, html: string, then: string): NewEvent {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  const surface = Object.keys(SURFACES).find((s) => (SURFACES[s as SurfaceId].hosts as readonly string[]).includes(location.hostname)) as SurfaceId;
  const state = new PageState();
  document.body.innerHTML = html;
  const rules = RULES_BY_SURFACE[surface].rules.filter((r) => r.where.test(location.pathname + location.hash));
  scan([document.documentElement], { doc: document, rules, state, now: 0 });
  document.body.innerHTML = then;
  const [finding] = scan([document.documentElement], { doc: document, rules, state, now: 60_000 });
  return { kind: finding!.rule.kind, occurredAt: 0, account: { service: SURFACES[surface].service, handle: 'alice' }, source: 'page', evidence: {}, details: finding!.details } as NewEvent;
}

function seenOnNetwork(request: SeenRequest): NewEvent {
  const [finding] = matchRequest(request, NETWORK_RULES);
  const service = SURFACES[finding!.rule.surface].service;
  return { kind: finding!.rule.kind, occurredAt: 0, account: { service, handle: 'Alice' }, source: 'network', evidence: {}, details: finding!.details } as NewEvent;
}

describe('one action, one key', () => {
  // The "Character access" menu's button, named by its heading, showing the chosen level.
  const access = (chosen: string) => `<h3 id="access">Character access</h3><button aria-haspopup="menu" aria-labelledby="access">${chosen}</button>`;
  const cases: [string, () => NewEvent, () => NewEvent][] = [
    [
      'audience set to everyone',
      () => seenOnPage('https://sora.chatgpt.com/profile/alice', access('Only me'), access('Everyone')),
      () => seenOnNetwork({ method: 'POST', url: UPDATE, statusCode: 200, body: { visibility: 'public' } }),
    ],
    [
      'restrictions saved',
      () => seenOnPage('https://sora.chatgpt.com/profile/alice', '<label>Restrictions <textarea>No politics</textarea></label>', '<label>Restrictions <textarea>No politics</textarea></label><p role="status">Restrictions saved</p>'),
      () => seenOnNetwork({ method: 'POST', url: UPDATE, statusCode: 200, body: { instruction_set: '  no POLITICS ' } }),
    ],
    [
      'cameo deleted',
      () => seenOnPage('https://sora.chatgpt.com/profile/alice', '', '<p role="status">Cameo deleted</p>'),
      () => seenOnNetwork({ method: 'DELETE', url: `${SORA}/project_y/characters/ch_1`, statusCode: 204 }),
    ],
    [
      'cameo created',
      () => seenOnPage('https://sora.chatgpt.com/profile', '', '<p role="status">Your cameo is ready</p>'),
      () => seenOnNetwork({ method: 'POST', url: `${SORA}/characters/finalize`, statusCode: 200, body: { cameo_id: 'c1' } }),
    ],
    [
      // The same account deleted from the privacy portal and from ChatGPT's settings: one fact.
      'ChatGPT account deleted',
      () => seenOnPage('https://privacy.openai.com/', '', '<p role="status">Your request to delete your ChatGPT account was submitted.</p>'),
      () => seenOnNetwork({ method: 'POST', url: 'https://chatgpt.com/backend-api/accounts/deactivate', statusCode: 200 }),
    ],
  ];
  for (const [name, page, network] of cases) {
    it(`${name}: the page and the network derive the same idempotency key`, () => {
      const [a, b] = [page(), network()];
      expect(a.kind).toBe(b.kind);
      expect(factKey(a)).toBe(factKey(b));
    });
  }

  it('every network rule meets a page rule of the same kind on the same service, unless the page shows nothing documented', () => {
    // ChatGPT's text after "Confirm export" is undocumented in every language [I]: the request alone tells.
    const NETWORK_ONLY = ['chatgpt.net.export-requested'];
    const pageKinds = new Set(Object.values(RULES_BY_SURFACE).flatMap((g) => g.rules.map((r) => `${SURFACES[g.surface].service}|${r.kind}`)));
    expect(NETWORK_RULES.filter((r) => !pageKinds.has(`${SURFACES[r.surface].service}|${r.kind}`)).map((r) => r.id)).toEqual(NETWORK_ONLY);
  });
});
