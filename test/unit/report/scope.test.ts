import { describe, expect, it } from 'vitest';
import { buildEvent } from '@/lib/ledger/ledger';
import type { Account, LedgerEvent, NewEvent } from '@/lib/ledger/events';
import { buildReport, eventsInScope, type ReportOptions } from '@/lib/report/build';
import { Report } from '@/lib/report/schema';
import { choiceFromQuery, choiceQuery, scopeOf, type ScopeChoice } from '@/lib/report/scope-choice';

const SORA: Account = { service: 'sora', handle: 'me' };
const CHATGPT: Account = { service: 'chatgpt', handle: 'me' };
const OPTIONS: ReportOptions = { scope: { kind: 'all' }, redact: false, extensionVersion: '0.1.0', now: Date.UTC(2025, 11, 1), timeZone: 'Europe/Berlin' };

let n = 0;
const at = (iso: string) => Date.parse(iso);
function ev(kind: NewEvent['kind'], details: object, when: string, account = SORA, extra: object = {}): LedgerEvent {
  n += 1;
  return buildEvent({ kind, details, occurredAt: at(when), account, source: 'manual', evidence: {}, ...extra } as NewEvent, at(when), `scope-ev-${String(n).padStart(4, '0')}`);
}

describe('scope', () => {
  const grant = ev('access-granted', { person: 'bob' }, '2025-09-01T10:00:00Z');
  const edit = ev('access-granted', { person: 'bob' }, '2025-09-01T09:00:00Z', SORA, { supersedes: grant.id });
  const editOfEdit = ev('access-granted', { person: 'bob' }, '2025-09-01T08:00:00Z', SORA, { supersedes: edit.id });
  const otherAccount = ev('cameo-deleted', {}, '2025-09-05T10:00:00Z', CHATGPT);
  const request = ev('privacy-request-sent', { law: 'gdpr', channel: 'email', request: 'erasure' }, '2025-09-10T10:00:00Z');
  const answer = ev('privacy-answer-received', { request: request.id, outcome: 'done' }, '2025-10-20T10:00:00Z');
  const removed = ev('note', { text: 'typo' }, '2025-10-21T10:00:00Z');
  // The removal happens later, outside a range that holds the note.
  const removal = ev('entry-removed', { target: removed.id }, '2025-11-25T10:00:00Z');
  const all = [grant, edit, editOfEdit, otherAccount, request, answer, removed, removal];
  const ids = (events: LedgerEvent[]) => events.map((e) => e.id).sort();

  it('takes everything for the whole ledger', () => {
    expect(ids(eventsInScope(all, { kind: 'all' }))).toEqual(ids(all));
  });

  it('takes one account, comparing handles without case', () => {
    const scope = { kind: 'account', account: { service: 'chatgpt', handle: 'ME' } } as const;
    expect(ids(eventsInScope(all, scope))).toEqual([otherAccount.id]);
  });

  it('takes a date range and every correction of what it holds, wherever that lies', () => {
    const scope = { kind: 'date-range', from: at('2025-09-01T09:30:00Z'), to: at('2025-10-21T12:00:00Z') } as const;
    // The grant is in range; its edit (09:00) and the edit of that edit (08:00) are not, but correct it.
    // The note is in range; its removal is not. The request is in range, and so is its answer.
    expect(ids(eventsInScope(all, scope))).toEqual(ids([grant, edit, editOfEdit, otherAccount, request, answer, removed, removal]));
    const narrow = { kind: 'date-range', from: at('2025-09-02T00:00:00Z'), to: at('2025-10-01T00:00:00Z') } as const;
    expect(ids(eventsInScope(all, narrow))).toEqual(ids([otherAccount, request]));
  });

  it('derives windows from the whole ledger: an answer outside the range still closes the request in it', async () => {
    const scope = { kind: 'date-range', from: at('2025-09-02T00:00:00Z'), to: at('2025-10-01T00:00:00Z') } as const;
    const report = Report.parse(await buildReport(all, { ...OPTIONS, scope }));
    expect(report.scope).toEqual({ kind: 'date-range', from: '2025-09-02T02:00:00.000+02:00', to: '2025-10-01T02:00:00.000+02:00' });
    const window = report.derived.windows.find((w) => w.id === request.id);
    expect(window).toMatchObject({ kind: 'legal-deadline', law: 'gdpr', status: 'verified', closedAt: '2025-10-20T12:00:00.000+02:00' });
    // The cameo deletion of the other account is in range too, with its purge window.
    expect(report.derived.windows.map((w) => w.id).sort()).toEqual([otherAccount.id, request.id].sort());
    // The accounts of the events in range, in the order first seen.
    expect(report.accounts).toEqual([CHATGPT, SORA]);
  });

  it('states the scope of an account export and derives that account\'s grants only', async () => {
    const report = Report.parse(await buildReport(all, { ...OPTIONS, scope: { kind: 'account', account: SORA } }));
    expect(report.scope).toEqual({ kind: 'account', account: SORA });
    expect(report.accounts).toEqual([SORA]);
    expect(report.derived.grants).toEqual([
      {
        account: SORA,
        audience: null,
        peopleWithAccess: [{ person: 'bob', since: '2025-09-01T10:00:00.000+02:00' }],
        history: [{ person: 'bob', intervals: [{ from: '2025-09-01T10:00:00.000+02:00' }] }],
        usedAfterRevocation: [],
      },
    ]);
  });
});

describe('derived state', () => {
  it('marks what is overdue and lists use after revocation, with the policy behind each window', async () => {
    const deleted = ev('cameo-deleted', {}, '2025-09-01T10:00:00Z');
    const grant = ev('access-granted', { person: 'Carol' }, '2025-08-01T10:00:00Z');
    const revoke = ev('access-revoked', { person: 'carol' }, '2025-08-10T10:00:00Z');
    const useAfter = ev('appearance-seen', { by: 'CAROL', where: 'post' }, '2025-08-20T10:00:00Z');
    const report = Report.parse(await buildReport([deleted, grant, revoke, useAfter], OPTIONS));
    expect(report.derived.windows).toEqual([
      {
        id: deleted.id,
        kind: 'cameo-purge',
        account: SORA,
        openedAt: '2025-09-01T12:00:00.000+02:00',
        dueAt: '2025-10-01T23:59:59.999+02:00',
        status: 'overdue',
        length: { days: 30 },
        statement: 'Uploads are automatically deleted within 30 days after users delete them.',
        source: { title: 'OpenAI, quoted by PCMag (Oct 2025)', asOf: '2025-10-15', confidence: 'secondary' },
        followUps: [],
      },
    ]);
    expect(report.derived.grants[0]?.usedAfterRevocation).toEqual([useAfter.id]);
    expect(report.derived.grants[0]?.peopleWithAccess).toEqual([]);
  });

  it('records the user\'s own window lengths next to the policy\'s', async () => {
    const deleted = ev('cameo-deleted', {}, '2025-09-01T10:00:00Z');
    const report = Report.parse(await buildReport([deleted], { ...OPTIONS, windows: { overrides: { 'cameo-purge': { days: 45 } }, leadDays: 5 } }));
    expect(report.policies.retention.find((p) => p.id === 'cameo-purge')).toMatchObject({ length: { days: 30 }, lengthUsed: { days: 45 } });
    expect(report.policies).toMatchObject({ leadDays: 5, graceDays: 7 });
    expect(report.derived.windows[0]).toMatchObject({ length: { days: 45 }, dueAt: '2025-10-16T23:59:59.999+02:00' });
  });
});

describe('the choice in the printable report\'s address', () => {
  it('goes into the address and comes back the same', () => {
    const choices: ScopeChoice[] = [
      { scope: 'all', redact: false },
      { scope: 'all', redact: true },
      { scope: 'date-range', from: '2025-03-30', to: '2025-10-26', redact: false },
      { scope: 'account', account: { service: 'chatgpt', handle: 'Me & you?' }, redact: true },
    ];
    for (const choice of choices) expect(choiceFromQuery(choiceQuery(choice))).toEqual(choice);
  });

  it('refuses an address that does not make a choice', () => {
    for (const query of ['?scope=everything', '?scope=date-range&from=2025-10-01', '?scope=date-range&from=2025-10-02&to=2025-10-01', '?scope=date-range&from=yesterday&to=today', '?scope=account&service=myspace&handle=me', '?scope=account&service=sora&handle=%20']) {
      expect(choiceFromQuery(query), query).toBeNull();
    }
  });

  it('turns calendar days into the instants they start and end at in the user\'s zone, DST included', () => {
    const scope = scopeOf({ scope: 'date-range', from: '2025-03-30', to: '2025-10-26', redact: false }, 'Europe/Berlin');
    // 30 March starts at midnight CET (+01:00); 26 October ends at midnight CET, after the clocks went back.
    expect(scope).toEqual({ kind: 'date-range', from: Date.parse('2025-03-30T00:00:00+01:00'), to: Date.parse('2025-10-27T00:00:00+01:00') });
    expect(scopeOf({ scope: 'all', redact: true }, 'UTC')).toEqual({ kind: 'all' });
  });
});
