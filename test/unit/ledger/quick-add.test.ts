import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildEvent } from '@/lib/ledger/ledger';
import { LINKED_DELETIONS } from '@/lib/facts/policies';
import { QUICK_KINDS } from '@/lib/ledger/event-kinds';
import { defaultValues, FIELDS_OF, quickAddEvent, valuesOf, type QuickAddValues } from '@/lib/ledger/quick-add';

// TZ is Europe/Berlin (vitest.config.ts): form values are local times there.
const NOW = Date.UTC(2025, 9, 20, 10, 0);
const me = { service: 'sora', handle: '@me' } as const;
const values = (changes: Partial<QuickAddValues> & Pick<QuickAddValues, 'kind'>): QuickAddValues => ({
  ...defaultValues(changes.kind, me, NOW, 'gdpr'),
  person: '@alex',
  ...changes,
});

describe('quick add', () => {
  for (const kind of QUICK_KINDS) {
    it(`turns the form for ${kind} into an event the ledger accepts`, () => {
      const outcome = quickAddEvent(values({ kind }), NOW);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.event).toMatchObject({ kind, account: me, source: 'manual', evidence: {}, occurredAt: NOW });
      const event = buildEvent(outcome.event, NOW);
      expect(event.certainty).toBe('stated-by-user');
    });
  }

  it('starts at now, on the account given, with the jurisdiction as the law', () => {
    const v = defaultValues('privacy-request-sent', me, Date.UTC(2025, 9, 3, 12, 2), 'ccpa');
    expect(v).toMatchObject({ service: 'sora', handle: '@me', when: '2025-10-03T14:02', law: 'ccpa', request: 'erasure', channel: 'privacy-portal' });
    expect(defaultValues('cameo-deleted', null, NOW, 'none')).toMatchObject({ service: 'sora', handle: '' });
  });

  it('reads the date as local time, and allows backdating', () => {
    const outcome = quickAddEvent(values({ kind: 'cameo-deleted', when: '2024-02-29T23:30' }), NOW);
    expect(outcome.ok && outcome.event.occurredAt).toBe(Date.UTC(2024, 1, 29, 22, 30));
  });

  it('fills in the accounts an account deletion takes with it', () => {
    for (const service of ['sora', 'chatgpt', 'api-platform'] as const) {
      const outcome = quickAddEvent(values({ kind: 'account-deletion-requested', service }), NOW);
      expect(outcome.ok && outcome.event.kind === 'account-deletion-requested' && outcome.event.details.linkedAccounts).toEqual(LINKED_DELETIONS[service]);
    }
  });

  it('keeps the privacy request’s choices, and its reference only when there is one', () => {
    const withRef = quickAddEvent(values({ kind: 'privacy-request-sent', law: 'ccpa', channel: 'email', request: 'access', reference: ' REQ-1 ' }), NOW);
    expect(withRef.ok && withRef.event.details).toEqual({ law: 'ccpa', channel: 'email', request: 'access', reference: 'REQ-1' });
    const without = quickAddEvent(values({ kind: 'privacy-request-sent' }), NOW);
    expect(without.ok && without.event.details).toEqual({ law: 'gdpr', channel: 'privacy-portal', request: 'erasure' });
  });

  it('trims what was typed', () => {
    const outcome = quickAddEvent(values({ kind: 'access-granted', handle: '  @me ', person: ' @alex  ' }), NOW);
    expect(outcome.ok && outcome.event).toMatchObject({ account: { handle: '@me' }, details: { person: '@alex' } });
  });

  describe('refuses, naming the field', () => {
    const cases: [string, Partial<QuickAddValues> & Pick<QuickAddValues, 'kind'>, Record<string, string>][] = [
      ['an empty username', { kind: 'cameo-deleted', handle: '   ' }, { handle: 'errorHandleRequired' }],
      ['a username too long', { kind: 'cameo-deleted', handle: 'x'.repeat(101) }, { handle: 'errorHandleTooLong' }],
      ['an unknown service', { kind: 'cameo-deleted', service: 'tiktok' }, { service: 'errorServiceUnknown' }],
      ['a grant to nobody', { kind: 'access-granted', person: '' }, { person: 'errorPersonRequired' }],
      ['a revocation from nobody', { kind: 'access-revoked', person: ' ' }, { person: 'errorPersonRequired' }],
      ['a date that does not exist', { kind: 'cameo-deleted', when: '2025-02-30T10:00' }, { when: 'errorDateInvalid' }],
      ['no date', { kind: 'cameo-deleted', when: '' }, { when: 'errorDateInvalid' }],
      ['a date in the future', { kind: 'cameo-deleted', when: '2025-10-21T12:00' }, { when: 'errorDateFuture' }],
      ['a date before 2000', { kind: 'cameo-deleted', when: '1999-12-31T12:00' }, { when: 'errorDateImplausible' }],
      ['an unknown law', { kind: 'privacy-request-sent', law: 'hipaa' }, { law: 'errorChoose' }],
      ['a reference too long', { kind: 'privacy-request-sent', reference: 'r'.repeat(201) }, { reference: 'errorReferenceTooLong' }],
    ];
    for (const [what, changes, errors] of cases) {
      it(what, () => expect(quickAddEvent(values(changes), NOW)).toEqual({ ok: false, errors }));
    }
  });

  it('asks only for the fields of its kind: a person is no concern of a cameo deletion', () => {
    expect(FIELDS_OF['cameo-deleted']).toEqual([]);
    expect(quickAddEvent(values({ kind: 'cameo-deleted', person: '' }), NOW).ok).toBe(true);
  });

  it('accepts a clock a minute ahead, not an hour', () => {
    expect(quickAddEvent(values({ kind: 'cameo-deleted', when: '2025-10-20T12:01' }), NOW).ok).toBe(true);
    expect(quickAddEvent(values({ kind: 'cameo-deleted', when: '2025-10-20T13:00' }), NOW).ok).toBe(false);
  });

  it('gives back the values of an entry it made, for editing (round trip)', () => {
    const minute = 60_000;
    fc.assert(
      fc.property(
        fc.constantFrom(...QUICK_KINDS),
        fc.integer({ min: Date.UTC(2001, 0, 1) / minute, max: NOW / minute }),
        fc.stringMatching(/^@?[a-z0-9_.]{1,30}$/),
        fc.constantFrom('gdpr', 'ccpa', 'lgpd', 'none'),
        (kind, minutes, person, law) => {
          const local = defaultValues(kind, me, minutes * minute, law);
          const made = quickAddEvent({ ...local, person }, NOW);
          if (!made.ok) throw new Error(JSON.stringify(made.errors));
          const event = buildEvent(made.event, NOW);
          const again = quickAddEvent(valuesOf(event)!, NOW);
          expect(again).toEqual(made);
        },
      ),
    );
  });

  it('refuses a time with a zone: the form gives local times only', () => {
    expect(quickAddEvent(values({ kind: 'cameo-deleted', when: '2025-10-03T12:00:00Z' }), NOW)).toEqual({ ok: false, errors: { when: 'errorDateInvalid' } });
  });

  it('has no values for kinds it does not make', () => {
    const note = buildEvent({ kind: 'note', occurredAt: NOW, account: me, source: 'manual', evidence: {}, details: { text: 'hi' } }, NOW);
    expect(valuesOf(note)).toBeNull();
  });
});
