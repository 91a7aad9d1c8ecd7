// The guided Sora history: answers become ordinary month-dated manual entries.
import { describe, expect, it } from 'vitest';
import { buildEvent } from '@/lib/ledger/ledger';
import { monthInstant } from '@/lib/deadlines/month-precision';
import { historyEntries, peopleFrom } from '@/lib/ledger/sora-history';
import { computeWindows } from '@/lib/deadlines/windows';

const OCT_2025 = monthInstant({ year: 2025, month: 10 });

describe('the Sora history answers', () => {
  it('make one entry per answer, dated to the month, on the Sora account named', () => {
    const entries = historyEntries({
      handle: 'me.cameo',
      cameo: { month: '2025-10' },
      audience: { audience: 'people-i-approve', month: '2025-10' },
      approved: { people: ['dan', 'eve'], month: '2025-11' },
      revoked: { people: ['eve'], month: '2026-01' },
      request: { law: 'gdpr', request: 'erasure', month: '2026-02' },
    });
    expect(entries.map((e) => e.kind)).toEqual(['cameo-created', 'audience-changed', 'access-granted', 'access-granted', 'access-revoked', 'privacy-request-sent']);
    for (const e of entries) {
      expect(e).toMatchObject({ account: { service: 'sora', handle: 'me.cameo' }, source: 'manual', occurredPrecision: 'month' });
      // Each is a valid ledger event as it stands.
      expect(() => buildEvent(e, Date.now())).not.toThrow();
    }
    expect(entries[0]!.occurredAt).toBe(OCT_2025);
    expect(entries[5]).toMatchObject({ details: { law: 'gdpr', channel: 'other', request: 'erasure' } });
  });

  it('make nothing for skipped questions, and file them under "unknown" without a username', () => {
    expect(historyEntries({})).toEqual([]);
    const [created] = historyEntries({ cameo: { month: '2025-10' } });
    expect(created!.account).toEqual({ service: 'sora', handle: 'unknown' });
  });

  it('record an account deletion with the accounts it took along', () => {
    const [deleted] = historyEntries({ deleted: { what: 'account', month: '2026-03' } });
    expect(deleted).toMatchObject({ kind: 'account-deletion-requested', details: { linkedAccounts: ['chatgpt', 'api-platform'] } });
    expect(historyEntries({ deleted: { what: 'cameo', month: '2026-03' } })[0]).toMatchObject({ kind: 'cameo-deleted', details: {} });
  });

  it('a cameo made in October 2025 and never deleted is what the closure window counts', () => {
    const events = historyEntries({ handle: 'me', cameo: { month: '2025-10' } }).map((e, i) => buildEvent(e, Date.now(), `history-${i}-xxxx`));
    const windows = computeWindows(events, { now: Date.parse('2026-12-03T09:00:00Z'), timeZone: 'Europe/Berlin' });
    expect(windows.map((w) => [w.kind, w.status])).toEqual([['sora-closure', 'overdue']]);
  });

  it('read names one per line or by commas, each once, ignoring blanks', () => {
    expect(peopleFrom('dan\n eve ,\n\nDan, frank')).toEqual(['dan', 'eve', 'frank']);
  });
});
