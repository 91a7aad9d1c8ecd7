import { describe, expect, it } from 'vitest';
import type { Account } from '@/lib/ledger/events';
import { accountsOf, audienceNow, grantHistory, peopleWithAccess, usedAfterRevocation } from '@/lib/ledger/grants';
import { ALICE, ev } from '../helpers/events';

const ALICE_CHATGPT: Account = { service: 'chatgpt', handle: 'alice' };
const BOB_ACCOUNT: Account = { service: 'sora', handle: 'bob' };
const at = Date.parse;

const grant = (person: string, when: string, account: Account = ALICE) => ev('access-granted', { person }, when, { account });
const revoke = (person: string, when: string, account: Account = ALICE) => ev('access-revoked', { person }, when, { account });
const audience = (after: string, when: string, account: Account = ALICE) => ev('audience-changed', { after }, when, { account });
const appearance = (by: string, when: string, account: Account = ALICE) => ev('appearance-seen', { by, where: 'draft' }, when, { account });

describe('accounts', () => {
  it('are listed in the order first seen, each once whatever the case of its handle', () => {
    const events = [
      grant('carol', '2025-10-03T10:00:00Z', BOB_ACCOUNT),
      grant('carol', '2025-10-01T10:00:00Z', { service: 'sora', handle: 'Alice' }),
      grant('carol', '2025-10-02T10:00:00Z', ALICE_CHATGPT),
      grant('dave', '2025-10-04T10:00:00Z', ALICE),
    ];
    expect(accountsOf(events)).toEqual([{ service: 'sora', handle: 'Alice' }, ALICE_CHATGPT, BOB_ACCOUNT]);
    expect(accountsOf([])).toEqual([]);
  });
});

describe('the audience now', () => {
  it('is null when no change was recorded', () => {
    expect(audienceNow([grant('bob', '2025-10-01T10:00:00Z')], ALICE)).toBeNull();
  });

  it('is the latest change by when it happened, not by when it was recorded, for that account only', () => {
    const events = [
      audience('everyone', '2025-10-05T10:00:00Z'),
      audience('only-me', '2025-10-01T10:00:00Z'),
      audience('mutuals', '2025-10-09T10:00:00Z', BOB_ACCOUNT),
    ];
    expect(audienceNow(events, ALICE)).toBe('everyone');
    expect(audienceNow(events, { service: 'sora', handle: 'ALICE' })).toBe('everyone');
    expect(audienceNow(events, BOB_ACCOUNT)).toBe('mutuals');
    expect(audienceNow(events, ALICE_CHATGPT)).toBeNull();
  });
});

describe('people with access', () => {
  it('are those whose latest grant was not followed by a revocation, longest-standing first', () => {
    const events = [
      grant('carol', '2025-10-02T10:00:00Z'),
      grant('bob', '2025-10-01T10:00:00Z'),
      grant('dave', '2025-10-03T10:00:00Z'),
      revoke('dave', '2025-10-04T10:00:00Z'),
    ];
    expect(peopleWithAccess(events, ALICE)).toEqual([
      { person: 'bob', since: at('2025-10-01T10:00:00Z') },
      { person: 'carol', since: at('2025-10-02T10:00:00Z') },
    ]);
  });

  it('treat handles without case', () => {
    const events = [grant('Bob', '2025-10-01T10:00:00Z'), revoke('bob', '2025-10-02T10:00:00Z')];
    expect(peopleWithAccess(events, ALICE)).toEqual([]);
    expect(peopleWithAccess([grant('Bob', '2025-10-01T10:00:00Z'), grant('BOB', '2025-10-05T10:00:00Z')], ALICE)).toEqual([
      { person: 'Bob', since: at('2025-10-01T10:00:00Z') },
    ]);
  });

  it('count from the grant after the last revocation', () => {
    const events = [grant('bob', '2025-10-01T10:00:00Z'), revoke('bob', '2025-10-02T10:00:00Z'), grant('bob', '2025-10-06T10:00:00Z')];
    expect(peopleWithAccess(events, ALICE)).toEqual([{ person: 'bob', since: at('2025-10-06T10:00:00Z') }]);
  });

  it('follow the order things happened, whatever the order of the list', () => {
    const events = [revoke('bob', '2025-10-02T10:00:00Z'), grant('bob', '2025-10-01T10:00:00Z')];
    expect(peopleWithAccess(events, ALICE)).toEqual([]);
  });

  it('end for everyone when the cameo is deleted; a grant after that starts afresh', () => {
    const deleted = ev('cameo-deleted', { cameoId: 'cameo_1' }, '2025-10-10T10:00:00Z', { account: ALICE });
    const elsewhere = ev('cameo-deleted', { cameoId: 'cameo_2' }, '2025-10-10T10:00:00Z', { account: BOB_ACCOUNT });
    const events = [grant('carol', '2025-10-01T10:00:00Z'), grant('dave', '2025-10-02T10:00:00Z'), deleted, elsewhere];
    expect(peopleWithAccess(events, ALICE)).toEqual([]);
    expect(grantHistory(events, ALICE).map((h) => h.intervals)).toEqual([
      [{ from: at('2025-10-01T10:00:00Z'), to: at('2025-10-10T10:00:00Z') }],
      [{ from: at('2025-10-02T10:00:00Z'), to: at('2025-10-10T10:00:00Z') }],
    ]);
    expect(peopleWithAccess([...events, grant('erin', '2025-10-12T10:00:00Z')], ALICE)).toEqual([{ person: 'erin', since: at('2025-10-12T10:00:00Z') }]);
    // Another account's deletion ends nothing here.
    expect(peopleWithAccess([grant('carol', '2025-10-01T10:00:00Z'), elsewhere], ALICE)).toHaveLength(1);
  });

  it('belong to one account', () => {
    const events = [grant('bob', '2025-10-01T10:00:00Z', ALICE_CHATGPT)];
    expect(peopleWithAccess(events, ALICE)).toEqual([]);
    expect(peopleWithAccess(events, ALICE_CHATGPT)).toEqual([{ person: 'bob', since: at('2025-10-01T10:00:00Z') }]);
  });
});

describe('the grant history', () => {
  it('gives each person intervals from grant to revocation, the last one open while access lasts', () => {
    const events = [
      grant('bob', '2025-10-01T10:00:00Z'),
      revoke('Bob', '2025-10-03T10:00:00Z'),
      grant('bob', '2025-10-05T10:00:00Z'),
      grant('carol', '2025-10-02T10:00:00Z'),
      revoke('carol', '2025-10-04T10:00:00Z'),
      // Revoked without a recorded grant (given before the ledger began): nothing to close.
      revoke('dave', '2025-10-04T10:00:00Z'),
    ];
    expect(grantHistory(events, ALICE)).toEqual([
      {
        person: 'bob',
        intervals: [{ from: at('2025-10-01T10:00:00Z'), to: at('2025-10-03T10:00:00Z') }, { from: at('2025-10-05T10:00:00Z') }],
      },
      { person: 'carol', intervals: [{ from: at('2025-10-02T10:00:00Z'), to: at('2025-10-04T10:00:00Z') }] },
      { person: 'dave', intervals: [] },
    ]);
  });
});

describe('use after revocation', () => {
  const granted = grant('bob', '2025-10-01T10:00:00Z');
  const revoked = revoke('Bob', '2025-10-10T10:00:00Z');

  it('is an appearance by someone after their access was revoked', () => {
    const after = appearance('bob', '2025-10-12T10:00:00Z');
    const before = appearance('bob', '2025-10-05T10:00:00Z');
    expect(usedAfterRevocation([granted, revoked, before, after])).toEqual([after]);
  });

  it('needs the revocation strictly before: an appearance at the same moment is given the benefit of the doubt', () => {
    expect(usedAfterRevocation([granted, revoked, appearance('bob', '2025-10-10T10:00:00Z')])).toEqual([]);
  });

  it('treats the handle without case', () => {
    const after = appearance('BOB', '2025-10-12T10:00:00Z');
    expect(usedAfterRevocation([granted, revoked, after])).toEqual([after]);
  });

  it('is not an appearance after access was granted again', () => {
    const regranted = grant('bob', '2025-10-11T10:00:00Z');
    const between = appearance('bob', '2025-10-10T18:00:00Z');
    const later = appearance('bob', '2025-10-12T10:00:00Z');
    expect(usedAfterRevocation([granted, revoked, regranted, between, later])).toEqual([between]);
  });

  it('counts a revocation whose grant the ledger never saw', () => {
    const after = appearance('bob', '2025-10-12T10:00:00Z');
    expect(usedAfterRevocation([revoked, after])).toEqual([after]);
  });

  it('is not an appearance by someone never revoked, nor a revocation on another account', () => {
    expect(usedAfterRevocation([granted, appearance('bob', '2025-10-12T10:00:00Z')])).toEqual([]);
    expect(usedAfterRevocation([revoke('carol', '2025-10-10T10:00:00Z'), appearance('bob', '2025-10-12T10:00:00Z')])).toEqual([]);
    const elsewhere = revoke('bob', '2025-10-10T10:00:00Z', ALICE_CHATGPT);
    expect(usedAfterRevocation([granted, elsewhere, appearance('bob', '2025-10-12T10:00:00Z')])).toEqual([]);
  });

  it('is not claimed while the audience let anyone or mutuals use the cameo, and is while it did not', () => {
    const after = appearance('bob', '2025-10-12T10:00:00Z');
    expect(usedAfterRevocation([granted, revoked, audience('everyone', '2025-10-11T10:00:00Z'), after])).toEqual([]);
    expect(usedAfterRevocation([granted, revoked, audience('mutuals', '2025-10-11T10:00:00Z'), after])).toEqual([]);
    expect(usedAfterRevocation([granted, revoked, audience('people-i-approve', '2025-10-11T10:00:00Z'), after])).toEqual([after]);
    // Opened to everyone only after the appearance: it still counts.
    expect(usedAfterRevocation([granted, revoked, after, audience('everyone', '2025-10-13T10:00:00Z')])).toEqual([after]);
  });
});
