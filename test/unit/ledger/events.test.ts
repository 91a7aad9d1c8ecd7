import { schemaSays } from '@/lib/i18n/schema-says';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, Handle, LedgerEvent, evidenceUrl, type DetailsOf, type EventKind } from '@/lib/ledger/events';

const T = Date.UTC(2025, 9, 3, 10);
const ID = 'event-0001';

/** Valid details for every kind; the type makes a new kind without an entry a compile error. */
const VALID: { [K in EventKind]: DetailsOf<K> } = {
  'cameo-created': { cameoId: 'cameo_123' },
  'audience-changed': { before: 'everyone', after: 'only-me' },
  'access-granted': { person: 'bob' },
  'access-revoked': { person: 'bob' },
  'restrictions-changed': { restrictions: 'No political content' },
  'appearance-seen': { by: 'bob', where: 'draft', link: 'https://sora.chatgpt.com/d/gen_01' },
  'cameo-deleted': {},
  'account-deletion-requested': { linkedAccounts: ['chatgpt', 'api-platform'] },
  'deletion-warning-shown': { choice: 'go-back' },
  'data-export-requested': {},
  'data-export-received': {},
  'privacy-request-sent': { law: 'gdpr', channel: 'email', request: 'erasure', reference: 'REQ-1' },
  'privacy-answer-received': { request: ID, outcome: 'extended' },
  'purge-verified': { window: ID },
  'follow-up-sent': { window: ID, law: 'ccpa', to: 'authority' },
  'sighting-logged': { address: 'https://www.youtube.com/watch?v=abc123', platform: 'youtube', shows: 'both', madeWith: 'sora', screenshotSha256: 'a'.repeat(64) },
  'takedown-requested': { sighting: ID, route: 'eu-dsa', remindInDays: 14, reference: 'case 7' },
  'takedown-outcome': { request: ID, outcome: 'gone-verified' },
  note: { text: 'Called support', about: ID },
  'entry-removed': { target: ID, reason: 'typed by mistake' },
  'observation-reviewed': { target: ID, verdict: 'dismissed' },
  'account-named': { name: 'Work' },
};

/** Details each kind must refuse: a wrong value, a missing field, a field of another kind. */
const WRONG: Record<EventKind, Record<string, unknown>[]> = {
  'cameo-created': [{ cameoId: 5 }, { cameoId: 'x'.repeat(101) }],
  'audience-changed': [{}, { after: 'friends' }, { before: 'nobody', after: 'everyone' }],
  'access-granted': [{}, { person: '' }, { person: '   ' }, { person: 'x'.repeat(101) }, { by: 'bob' }],
  'access-revoked': [{}, { person: '' }, { person: 42 }],
  'restrictions-changed': [{}, { restrictions: 'x'.repeat(2001) }],
  'appearance-seen': [
    { where: 'post' },
    { by: 'bob', where: 'feed' },
    // Links are https only.
    { by: 'bob', where: 'post', link: 'http://sora.chatgpt.com/p/abc' },
    { by: 'bob', where: 'post', link: 'not a link' },
  ],
  'cameo-deleted': [{ cameoId: 1 }],
  'account-deletion-requested': [{}, { linkedAccounts: ['facebook'] }, { linkedAccounts: ['sora', 'sora', 'sora', 'sora'] }],
  'deletion-warning-shown': [{}, { choice: 'maybe' }],
  'data-export-requested': [{ person: 'bob' }],
  'data-export-received': [{ link: 'https://example.com/export.zip' }],
  'privacy-request-sent': [
    { law: 'gdpr', channel: 'email' },
    { law: 'hipaa', channel: 'email', request: 'erasure' },
    { law: 'gdpr', channel: 'fax', request: 'erasure' },
    { law: 'gdpr', channel: 'email', request: 'erasure', reference: 'x'.repeat(201) },
  ],
  'privacy-answer-received': [{ request: ID }, { request: 'short', outcome: 'done' }, { request: ID, outcome: 'maybe' }],
  'purge-verified': [{}, { window: 'has spaces in it' }],
  'follow-up-sent': [{ window: ID, to: 'authority' }, { window: ID, law: 'gdpr', to: 'press' }],
  'sighting-logged': [
    // Not http(s), a fragment, a query that is not the video's identity, a script.
    { address: 'ftp://example.com/v.mp4', platform: 'other', shows: 'face', madeWith: 'sora' },
    { address: 'https://example.com/v#t=3', platform: 'other', shows: 'face', madeWith: 'sora' },
    { address: 'https://example.com/v?token=secret', platform: 'other', shows: 'face', madeWith: 'sora' },
    { address: 'javascript:alert(1)', platform: 'other', shows: 'face', madeWith: 'sora' },
    { address: 'https://example.com/v', platform: 'myspace', shows: 'face', madeWith: 'sora' },
    { address: 'https://example.com/v', platform: 'other', shows: 'body', madeWith: 'sora' },
    { address: 'https://example.com/v', platform: 'other', shows: 'face', madeWith: 'sora', screenshotSha256: 'XYZ' },
    { address: 'https://example.com/v', platform: 'other', shows: 'face', madeWith: 'sora', image: 'data:image/png;base64,AAAA' },
  ],
  'takedown-requested': [{ sighting: ID }, { sighting: ID, route: 'dmca' }, { sighting: ID, route: 'eu-dsa', remindInDays: 0 }],
  'takedown-outcome': [{ request: ID }, { request: ID, outcome: 'maybe' }],
  note: [{}, { text: '' }, { text: '   ' }, { text: 'x'.repeat(2001) }, { text: 'ok', about: 'bad id!' }],
  'entry-removed': [{}, { target: ID, reason: 'x'.repeat(501) }],
  'observation-reviewed': [{ target: ID }, { target: ID, verdict: 'maybe' }],
  'account-named': [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(101) }, { name: 'Work\u202E' }, { handle: 'Work' }],
};

function event(kind: string, details: unknown, overrides: Record<string, unknown> = {}) {
  return {
    id: ID,
    key: `${kind}|sora|alice|`,
    kind,
    occurredAt: T,
    recordedAt: T + 1000,
    account: { service: 'sora', handle: 'alice' },
    source: 'page',
    certainty: 'seen-on-page',
    evidence: { url: 'https://sora.chatgpt.com/profile', rule: 'cameo-settings', shownText: 'Delete cameo' },
    details,
    ...overrides,
  };
}

const parses = (value: unknown) => LedgerEvent.safeParse(value).success;

describe('every event kind', () => {
  it('has valid details here, and refusals to try', () => {
    expect(Object.keys(VALID).sort()).toEqual([...EVENT_KINDS].sort());
    expect(Object.keys(WRONG).sort()).toEqual([...EVENT_KINDS].sort());
  });

  it.each(EVENT_KINDS)('%s parses with valid details, unchanged', (kind) => {
    const input = event(kind, VALID[kind]);
    const parsed = LedgerEvent.safeParse(input);
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toEqual(input);
  });

  it.each(EVENT_KINDS)('%s refuses wrong or missing details', (kind) => {
    for (const details of WRONG[kind]) expect(parses(event(kind, details)), JSON.stringify(details)).toBe(false);
  });

  it.each(EVENT_KINDS)('%s refuses a field it does not know, in its details or around them', (kind) => {
    expect(parses(event(kind, { ...VALID[kind], token: 'secret' }))).toBe(false);
    expect(parses(event(kind, VALID[kind], { token: 'secret' }))).toBe(false);
    expect(parses(event(kind, VALID[kind], { cookie: 'sid=1' }))).toBe(false);
  });
});

describe('the event around the details', () => {
  const valid = () => event('access-granted', { person: 'bob' });

  it('refuses unknown fields in the account and the evidence', () => {
    expect(parses(valid())).toBe(true);
    expect(parses({ ...valid(), account: { service: 'sora', handle: 'alice', email: 'a@example.com' } })).toBe(false);
    expect(parses({ ...valid(), evidence: { html: '<div>' } })).toBe(false);
    expect(parses({ ...valid(), evidence: { rule: 'r', token: 'abc' } })).toBe(false);
  });

  it('refuses an unknown kind, service, source or certainty', () => {
    expect(parses({ ...valid(), kind: 'cameo-liked' })).toBe(false);
    expect(parses({ ...valid(), account: { service: 'dall-e', handle: 'alice' } })).toBe(false);
    expect(parses({ ...valid(), source: 'guess' })).toBe(false);
    expect(parses({ ...valid(), certainty: 'certain' })).toBe(false);
  });

  it('refuses implausible times and ids', () => {
    expect(parses({ ...valid(), occurredAt: Date.UTC(1999, 11, 31) })).toBe(false);
    expect(parses({ ...valid(), occurredAt: Date.UTC(2200, 0, 2) })).toBe(false);
    expect(parses({ ...valid(), occurredAt: T + 0.5 })).toBe(false);
    expect(parses({ ...valid(), occurredAt: new Date(T).toISOString() })).toBe(false);
    expect(parses({ ...valid(), id: 'short' })).toBe(false);
    expect(parses({ ...valid(), id: 'with/slash-0001' })).toBe(false);
    expect(parses({ ...valid(), supersedes: 'event-0000' })).toBe(true);
    expect(parses({ ...valid(), supersedes: '' })).toBe(false);
  });

  it('trims handles, and refuses one that is only spaces', () => {
    const parsed = LedgerEvent.parse({ ...valid(), account: { service: 'sora', handle: '  alice ' } });
    expect(parsed.account.handle).toBe('alice');
    expect(parses({ ...valid(), account: { service: 'sora', handle: '  ' } })).toBe(false);
  });
});

describe('evidence URLs', () => {
  const withUrl = (url: string) => event('cameo-deleted', {}, { evidence: { url } });

  it('are refused with a query or a fragment, which can carry tokens', () => {
    expect(parses(withUrl('https://sora.chatgpt.com/profile'))).toBe(true);
    expect(parses(withUrl('https://sora.chatgpt.com/profile?token=abc'))).toBe(false);
    expect(parses(withUrl('https://sora.chatgpt.com/profile?'))).toBe(false);
    expect(parses(withUrl('https://sora.chatgpt.com/profile#access_token=abc'))).toBe(false);
  });

  it('are http or https only', () => {
    expect(parses(withUrl('http://localhost/profile'))).toBe(true);
    expect(parses(withUrl('javascript:alert(1)'))).toBe(false);
    expect(parses(withUrl('ftp://sora.chatgpt.com/x'))).toBe(false);
    expect(parses(withUrl('sora.chatgpt.com/profile'))).toBe(false);
  });

  it('are made from a page URL by dropping its query and fragment', () => {
    expect(evidenceUrl('https://sora.chatgpt.com/profile/settings?tab=cameo&token=abc#top')).toBe('https://sora.chatgpt.com/profile/settings');
    expect(parses(withUrl(evidenceUrl('https://sora.chatgpt.com/p/1?x=1#y')!))).toBe(true);
    expect(evidenceUrl('chrome-extension://abc/popup.html')).toBeUndefined();
    expect(evidenceUrl('not a url')).toBeUndefined();
  });
});

describe('handles that look like another (issue 18: the popup showed four "alice" accounts)', () => {
  const reason = (handle: string) => {
    const parsed = Handle.safeParse(handle);
    return parsed.success ? null : schemaSays(parsed.error.issues[0]!.message);
  };

  it('refuses direction controls, zero-width and other invisible characters, and control characters, each with its reason', () => {
    expect(reason('\u202Ealice')).toMatch(/direction \(bidi\) controls/);
    expect(reason('alice\u2066')).toMatch(/direction \(bidi\) controls/);
    expect(reason('ali\u200Fce')).toMatch(/direction \(bidi\) controls/);
    expect(reason('al\u200Bice')).toMatch(/zero-width or other invisible/);
    expect(reason('al\u200Dice')).toMatch(/zero-width or other invisible/);
    expect(reason('al\u00ADice')).toMatch(/zero-width or other invisible/);
    expect(reason('ali\u2060ce')).toMatch(/zero-width or other invisible/);
    expect(reason('al\u0000ice')).toMatch(/control characters/);
    expect(reason('al\u0085ice')).toMatch(/control characters/);
    expect(reason('al\nice')).toMatch(/control characters/);
  });

  it('keeps what names honestly hold: accents, scripts, spaces, and emoji sequences joined by ZWJ', () => {
    for (const ok of ['alice', 'José Núñez', 'Алиса', 'محمد', '李小龍', '👩\u200D💻 Ann']) expect(reason(ok), ok).toBeNull();
  });

  it('stores one Unicode form (NFC): a name typed decomposed is the same account and the same fact', () => {
    const nfd = 'Jose\u0301';
    const nfc = 'Jos\u00E9';
    expect(Handle.parse(nfd)).toBe(nfc);
    const parsed = (handle: string) => LedgerEvent.parse(event('access-granted', { person: handle }, { account: { service: 'sora', handle } }));
    expect(parsed(nfd)).toEqual(parsed(nfc));
  });
});
