import { describe, expect, it } from 'vitest';
import { buildEvent } from '@/lib/ledger/ledger';
import type { Account, LedgerEvent, NewEvent } from '@/lib/ledger/events';
import { buildReport, type ReportOptions } from '@/lib/report/build';
import { reportText } from '@/lib/report/export';
import { pseudonymsFor } from '@/lib/report/redact';
import { factKey } from '@/lib/ledger/fact-key';
import { Report } from '@/lib/report/schema';
import { sampleLedger } from '../helpers/report-fixtures';

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
    // Keys and ids are replaced whole: a key can keep a hash of text, an id can be looked up.
    expect(grant!.key).toBe('key-000001');
    expect(grant!.id).toBe('entry-000001');
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

// The leaks issue 18 found in pseudonymised reports, each tried as a reader of the file would.
describe('redaction that holds', () => {
  const people = [
    ev('access-granted', { person: 'bob.smith' }, '2025-08-01T10:00:00Z'),
    ev('access-granted', { person: 'José' }, '2025-08-01T11:00:00Z'),
    ev('appearance-seen', { by: 'İlker', where: 'draft' }, '2025-08-01T12:00:00Z'),
  ];

  it('leaves no hash of a restriction\'s text in its key: a list of likely names recovers nothing', async () => {
    const restriction = ev('restrictions-changed', { restrictions: 'Only bob.smith may use it' }, '2025-08-02T10:00:00Z');
    const text = await reportText(await buildReport([...people, restriction], OPTIONS));
    const report = Report.parse(JSON.parse(text));
    // The attacker's guess list: the key each guess would have given.
    const guesses = ['alice', 'bob.smith', 'carol', 'José'].map((name) => factKey({ ...restriction, details: { restrictions: `Only ${name} may use it` } } as NewEvent));
    for (const guess of guesses) expect(text).not.toContain(guess.split('|').at(-1)!);
    expect(report.events.map((e) => e.key)).toEqual(['key-000001', 'key-000002', 'key-000003', 'key-000004']);
  });

  it('replaces every id and the references to it, in events and in what is derived', async () => {
    const grant = people[0]!;
    const removal = ev('entry-removed', { target: grant.id, reason: 'asked @bob.smith' }, '2025-08-03T10:00:00Z', { source: 'manual' });
    const text = await reportText(await buildReport([...people, removal], OPTIONS));
    for (const e of [...people, removal]) expect(text).not.toContain(e.id);
    const report = Report.parse(JSON.parse(text));
    const redactedRemoval = report.events.find((e) => e.kind === 'entry-removed')!;
    expect(redactedRemoval.details).toEqual({ target: 'entry-000001', reason: 'asked @person-1' });
  });

  it('finds a handle in free text however it is written: NFD, fullwidth, percent-encoded, another case, the dotted İ; other @handles too', () => {
    const p = pseudonymsFor(people);
    expect(p.inText('Told Jose\u0301 twice')).toBe('Told person-2 twice');
    expect(p.inText('ｂｏｂ．ｓｍｉｔｈ again')).toBe('person-1 again');
    expect(p.inText('/profile/%62ob.smith/s_1')).toBe('/profile/person-1/s_1');
    expect(p.inText('BOB.SMITH, İLKER and ilker')).toBe('person-1, person-3 and person-3');
    expect(p.inText('İlker said')).toBe('person-3 said');
    expect(p.inText('ask @dave_99. and ＠eve, not me.myself or @my.own.handle')).toBe('ask @someone. and @someone, not me.myself or @my.own.handle');
    // Words that only contain a handle stay.
    expect(p.inText('Josée and bob.smithson')).toBe('Josée and bob.smithson');
  });

  it('replaces handles in references and reasons, and in the name of the file an event was imported from', () => {
    const request = ev('privacy-request-sent', { law: 'gdpr', channel: 'email', request: 'erasure', reference: 'case of %40bob.smith' }, '2025-08-04T10:00:00Z', { source: 'manual' });
    const imported = { ...people[0]!, imported: { file: 'from-bob.smith.json', at: Date.parse('2025-09-01T00:00:00Z'), fingerprint: 'none' } } as LedgerEvent;
    const p = pseudonymsFor([imported, ...people.slice(1), request]);
    expect((p.inEvent(request).details as { reference: string }).reference).toBe('case of @person-1');
    expect(p.inEvent(imported).imported?.file).toBe('from-person-1.json');
  });
});
