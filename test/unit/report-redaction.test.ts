import { describe, expect, it } from 'vitest';
import { buildEvent } from '@/lib/ledger';
import type { Account, LedgerEvent, NewEvent } from '@/lib/events';
import { buildReport, type ReportOptions } from '@/lib/report/build';
import { reportText } from '@/lib/report/export';
import { pseudonymsFor } from '@/lib/report/redact';
import { Report } from '@/lib/report/schema';
import { sampleLedger } from './report-fixtures';

const ME: Account = { service: 'sora', handle: 'my.own.handle' };
const OPTIONS: ReportOptions = { scope: { kind: 'all' }, redact: true, extensionVersion: '0.1.0', now: Date.UTC(2025, 11, 1), timeZone: 'Europe/Berlin' };

let n = 0;
function ev(kind: NewEvent['kind'], details: object, when: string, extra: Partial<NewEvent> = {}): LedgerEvent {
  n += 1;
  const at = Date.parse(when);
  return buildEvent({ kind, details, occurredAt: at, account: ME, source: 'page', evidence: {}, ...extra } as NewEvent, at, `redact-ev-${String(n).padStart(4, '0')}`);
}

describe('redaction', () => {
  const events = [
    ev('access-granted', { person: 'Bob.Smith' }, '2025-08-01T10:00:00Z', { evidence: { url: 'https://sora.chatgpt.com/profile/bob.smith', shownText: 'bob.smith can now use your cameo' } }),
    ev('access-granted', { person: 'sora' }, '2025-08-02T10:00:00Z', { evidence: { url: 'https://sora.chatgpt.com/profile/sora' } }),
    ev('appearance-seen', { by: 'carol', where: 'post', link: 'https://sora.chatgpt.com/p/carol/s_123' }, '2025-08-03T10:00:00Z', { evidence: { shownText: '@carol posted a video with you; Caroline liked it' } }),
    ev('access-revoked', { person: 'BOB.SMITH' }, '2025-08-04T10:00:00Z'),
    ev('note', { text: 'Told bob.smith and Carol to stop. Also asked sora support.' }, '2025-08-05T10:00:00Z', { source: 'manual' }),
    ev('account-deletion-requested', { linkedAccounts: ['sora', 'chatgpt'] }, '2025-08-06T10:00:00Z'),
  ];

  it('numbers people in the order they first appear, one pseudonym per person whatever the case', () => {
    const p = pseudonymsFor(events);
    expect([p.of('bob.smith'), p.of('Bob.Smith'), p.of('sora'), p.of('CAROL')]).toEqual(['person-1', 'person-1', 'person-2', 'person-3']);
  });

  it('replaces other people\'s handles wherever they occur, and nothing else', async () => {
    const report = Report.parse(await buildReport(events, OPTIONS));
    expect(report.redacted).toBe(true);
    const [grant, grantSora, appearance, revoke, note, deletion] = report.events as unknown as Record<string, Record<string, unknown>>[];
    expect(grant!.details).toEqual({ person: 'person-1' });
    expect(grant!.evidence).toEqual({ url: 'https://sora.chatgpt.com/profile/person-1', shownText: 'person-1 can now use your cameo' });
    expect(grant!.key).toBe('access-granted|sora|my.own.handle|person-1');
    // A person called "sora": the host stays a host, the service enum stays the service.
    expect(grantSora!.evidence).toEqual({ url: 'https://sora.chatgpt.com/profile/person-2' });
    expect(grantSora!.account).toEqual(ME);
    // "Caroline" is not "carol".
    expect(appearance!.details).toEqual({ by: 'person-3', where: 'post', link: 'https://sora.chatgpt.com/p/person-3/s_123' });
    expect(appearance!.evidence).toEqual({ shownText: '@person-3 posted a video with you; Caroline liked it' });
    expect(revoke!.details).toEqual({ person: 'person-1' });
    expect(note!.details).toEqual({ text: 'Told person-1 and person-3 to stop. Also asked person-2 support.' });
    expect(deletion!.details).toEqual({ linkedAccounts: ['sora', 'chatgpt'] });
    expect(report.derived.grants[0]?.history.map((h) => h.person)).toEqual(['person-1', 'person-2']);
    expect(report.derived.grants[0]?.peopleWithAccess).toEqual([{ person: 'person-2', since: '2025-08-02T12:00:00.000+02:00' }]);
  });

  it('leaves no other person\'s handle anywhere in a large redacted file, and the file is still a valid report', async () => {
    const ledger = sampleLedger(2000, 5);
    const people = new Set(ledger.flatMap((e) => (e.kind === 'access-granted' || e.kind === 'access-revoked' ? [e.details.person] : e.kind === 'appearance-seen' ? [e.details.by] : [])));
    expect(people.size).toBeGreaterThan(20);
    const text = await reportText(await buildReport(ledger, OPTIONS));
    Report.parse(JSON.parse(text));
    for (const person of people) expect(text).not.toMatch(new RegExp(`${person}(?![0-9])`));
    expect(text).toContain('me.myself');
  });

  it('keeps an unredacted report as it is', async () => {
    const report = await buildReport(events, { ...OPTIONS, redact: false });
    expect(report.redacted).toBe(false);
    expect(report.events[0]?.details).toEqual({ person: 'Bob.Smith' });
  });
});
