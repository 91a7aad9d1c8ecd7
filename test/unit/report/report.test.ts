import { describe, expect, it, vi } from 'vitest';
import { appendAll, eraseEverything } from '@/lib/ledger/ledger';
import type { LedgerEvent } from '@/lib/ledger/events';
import { exportReport } from '@/lib/report/export';
import { MAX_REPORT_BYTES } from '@/lib/report/file-check';
import { importReport, type ImportResult } from '@/lib/report/import';
import { REPORT_FORMAT, REPORT_VERSION, Report } from '@/lib/report/schema';
import type { Progress } from '@/lib/report/progress';
import { ev } from '../helpers/events';
import { freshDb, ledgerContent, sampleLedger } from '../helpers/report-fixtures';

const NOW = Date.UTC(2026, 0, 15, 12);
const OPTIONS = { scope: { kind: 'all' }, redact: false, extensionVersion: '0.1.0', now: NOW, timeZone: 'Europe/Berlin' } as const;

async function ledgerWith(events: LedgerEvent[]) {
  const db = freshDb();
  await appendAll(db, events);
  return db;
}

const exportedText = async (...args: Parameters<typeof exportReport>) => (await exportReport(...args)).file.text();

const problemOf = (result: ImportResult) => {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result.problem;
};

describe('export', () => {
  it('writes one document with format, version, maker, accounts, every event, derived state and policies', async () => {
    const events = sampleLedger(300);
    const { file, fileName, eventCount } = await exportReport(await ledgerWith(events), OPTIONS);
    const text = await file.text();
    const report = Report.parse(JSON.parse(text));
    expect(report.format).toBe(REPORT_FORMAT);
    expect(report.version).toBe(REPORT_VERSION);
    expect(report.createdBy).toEqual({ name: 'Likeness Ledger', version: '0.1.0' });
    expect(report.createdAt).toBe('2026-01-15T13:00:00.000+01:00');
    expect(fileName).toBe('likeness-ledger-report-2026-01-15.json');
    expect(eventCount).toBe(300);
    expect(report.events.map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    // Superseded and retraction events are kept, so the round trip is exact.
    expect(report.events.some((e) => e.supersedes)).toBe(true);
    expect(report.events.some((e) => e.kind === 'entry-removed')).toBe(true);
    expect(report.accounts).toEqual(expect.arrayContaining([{ service: 'sora', handle: 'me.myself' }, { service: 'chatgpt', handle: 'Me Myself' }]));
    expect(report.derived.windows.length).toBeGreaterThan(0);
    expect(report.derived.windows.every((w) => w.source.title.length > 0)).toBe(true);
    expect(report.derived.grants.find((g) => g.account.service === 'sora')?.history.length).toBeGreaterThan(0);
    expect(report.policies.retention.map((p) => p.id)).toEqual(['cameo-purge', 'account-purge', 'export-link']);
    expect(report.policies.legalDeadlines.find((d) => d.law === 'gdpr')?.source.url).toMatch(/^https:\/\/eur-lex/);
  });

  it('lists events oldest first, one per line, dates with the offset of the user\'s zone', async () => {
    const events = sampleLedger(50);
    const text = await exportedText(await ledgerWith(events), OPTIONS);
    const report = Report.parse(JSON.parse(text));
    const times = report.events.map((e) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const lines = text.split('\n').filter((l) => l.startsWith('    {"id"'));
    expect(lines).toHaveLength(50);
    for (const e of report.events) expect(e.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0[12]:00$/);
  });

  it('reports progress up to the total', async () => {
    const seen: Progress[] = [];
    await exportReport(await ledgerWith(sampleLedger(4500)), OPTIONS, (p) => seen.push(p));
    expect(seen.some((p) => p.phase === 'reading-ledger')).toBe(true);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ phase: 'writing-report', done: 4500, total: 4500 });
    for (const p of seen) expect(p.done).toBeLessThanOrEqual(p.total);
  });
});

describe('round trip', () => {
  it('export, erase, import gives an identical ledger', async () => {
    const db = await ledgerWith(sampleLedger(5000));
    const before = await ledgerContent(db);
    const text = await exportedText(db, OPTIONS);
    await eraseEverything(db);
    expect(await db.events.count()).toBe(0);
    const result = await importReport(db, text, undefined, { fileName: 'mine.json', now: NOW });
    expect(result).toMatchObject({ ok: true, written: true, added: 5000, unchanged: 0, keptOwn: 0, changes: [], fingerprint: 'verified' });
    expect(await ledgerContent(db, true)).toBe(before);
    // Each event says where it came from.
    for (const e of await db.events.toArray()) expect(e.imported).toEqual({ file: 'mine.json', at: NOW, fingerprint: 'verified' });
  });

  it('holds in zones with odd offsets and across their DST changes', async () => {
    for (const timeZone of ['America/St_Johns', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC']) {
      const db = await ledgerWith(sampleLedger(400, 7));
      const before = await ledgerContent(db);
      const text = await exportedText(db, { ...OPTIONS, timeZone });
      await eraseEverything(db);
      expect(await importReport(db, text, undefined, { timeZone })).toMatchObject({ ok: true, added: 400 });
      expect(await ledgerContent(db, true)).toBe(before);
    }
  });

  it('carries copies elsewhere, their takedowns and deadlines, through export and import; a file that closes one of ours asks first', async () => {
    const sighting = ev('sighting-logged', { address: 'https://www.youtube.com/watch?v=abc', platform: 'youtube', shows: 'face', madeWith: 'sora' }, NOW - 3 * 86_400_000);
    const request = ev('takedown-requested', { sighting: sighting.id, route: 'take-it-down-act' }, NOW - 2.5 * 86_400_000);
    const db = await ledgerWith([sighting, request]);
    const report = Report.parse(JSON.parse(await exportedText(db, OPTIONS)));
    expect(report.derived.windows).toEqual([expect.objectContaining({ id: request.id, kind: 'takedown', route: 'take-it-down-act', status: 'overdue' })]);
    const before = await ledgerContent(db);
    const text = await exportedText(db, OPTIONS);
    await eraseEverything(db);
    expect(await importReport(db, text)).toMatchObject({ ok: true, added: 2 });
    expect(await ledgerContent(db, true)).toBe(before);
    // Another file says the copy is gone: shown as a change to the ledger's own request, not written unasked.
    const gone = ev('takedown-outcome', { request: request.id, outcome: 'gone-verified' }, NOW - 86_400_000);
    const other = await exportedText(await ledgerWith([sighting, request, gone]), OPTIONS);
    const preview = await importReport(db, other);
    expect(preview).toMatchObject({ ok: true, changes: [expect.objectContaining({ how: 'closes' })], changesApplied: false });
  });

  it('importing the same report twice adds nothing', async () => {
    const db = await ledgerWith(sampleLedger(200));
    const before = await ledgerContent(db);
    const text = await exportedText(db, OPTIONS);
    expect(await importReport(db, text)).toMatchObject({ ok: true, added: 0, unchanged: 200, keptOwn: 0, changes: [] });
    expect(await importReport(db, text)).toMatchObject({ ok: true, added: 0, unchanged: 200, keptOwn: 0, changes: [] });
    expect(await ledgerContent(db)).toBe(before);
  });

  it('merges a report into a ledger that holds part of it', async () => {
    const events = sampleLedger(300);
    const text = await exportedText(await ledgerWith(events), OPTIONS);
    const db = await ledgerWith(events.slice(0, 120));
    // Some of the new events act on the entries held: only on the user's word are they written.
    expect(await importReport(db, text, undefined, { applyChanges: true })).toMatchObject({ ok: true, added: 180, unchanged: 120, keptOwn: 0, changesApplied: true });
    expect(await ledgerContent(db, true)).toBe(await ledgerContent(await ledgerWith(events)));
  });

  it('reports progress while checking and writing', async () => {
    const db = await ledgerWith(sampleLedger(4500));
    const text = await exportedText(db, OPTIONS);
    await eraseEverything(db);
    const seen: Progress[] = [];
    await importReport(db, text, (p) => seen.push(p));
    expect(new Set(seen.map((p) => p.phase))).toEqual(new Set(['checking', 'comparing', 'writing-ledger']));
    expect(seen.at(-1)).toEqual({ phase: 'writing-ledger', done: 4500, total: 4500 });
  });
});

describe('conflicts', () => {
  it('lists two versions of one id with the fields that differ, and writes nothing', async () => {
    const events = sampleLedger(100);
    const text = await exportedText(await ledgerWith(events), OPTIONS);
    const grant = events.find((e) => e.kind === 'access-granted')!;
    const changed = { ...grant, details: { person: 'someone_else' } } as LedgerEvent;
    const db = await ledgerWith([...events.slice(0, 10).filter((e) => e.id !== grant.id), changed]);
    const before = await ledgerContent(db);

    const problem = problemOf(await importReport(db, text));
    expect(problem).toEqual({
      kind: 'conflicts',
      conflicts: [{ id: grant.id, kind: 'access-granted', differences: [{ field: 'details.person', inLedger: 'someone_else', inReport: (grant as { details: { person: string } }).details.person }] }],
    });
    expect(await ledgerContent(db)).toBe(before);
  });

  it('once the user has seen a conflict, imports the rest and keeps the ledger\'s version', async () => {
    const events = sampleLedger(100);
    const text = await exportedText(await ledgerWith(events), OPTIONS);
    const target = events[5]!;
    const changed = { ...target, occurredAt: target.occurredAt + 60_000 } as LedgerEvent;
    const db = await ledgerWith([changed]);
    const problem = problemOf(await importReport(db, text));
    expect(problem.kind === 'conflicts' && problem.conflicts[0]?.differences.map((d) => d.field)).toEqual(['occurredAt']);

    expect(await importReport(db, text, undefined, { keepOwn: new Set([target.id]) })).toMatchObject({ ok: true, added: 99, unchanged: 0, keptOwn: 1 });
    expect(await db.events.get(target.id)).toEqual(changed);
  });
});

describe('refusals', () => {
  const validText = async () => exportedText(await ledgerWith(sampleLedger(20)), OPTIONS);
  const mutate = async (change: (doc: Record<string, unknown> & { events: Record<string, unknown>[] }) => void) => {
    const doc = JSON.parse(await validText());
    change(doc);
    return JSON.stringify(doc);
  };
  const refusalOf = async (text: string | Blob) => {
    const db = await ledgerWith(sampleLedger(5, 3));
    const before = await ledgerContent(db);
    const problem = problemOf(await importReport(db, text));
    expect(await ledgerContent(db)).toBe(before);
    return problem;
  };

  it('refuses a file over the size limit before reading it', async () => {
    const text = vi.fn(() => Promise.reject(new Error('must not be read')));
    const huge = { size: MAX_REPORT_BYTES + 1, text } as unknown as Blob;
    expect(await refusalOf(huge)).toEqual({ kind: 'too-large', bytes: MAX_REPORT_BYTES + 1, limit: MAX_REPORT_BYTES });
    expect(text).not.toHaveBeenCalled();
    const parse = vi.spyOn(JSON, 'parse');
    expect((await refusalOf(`"${'é'.repeat(MAX_REPORT_BYTES / 2)}"`)).kind).toBe('too-large');
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });

  it('says that a file is not JSON, with the parser\'s own words and no stack', async () => {
    const problem = await refusalOf('{"format": "likeness-ledger-report",');
    expect(problem.kind).toBe('not-json');
    expect(problem.kind === 'not-json' && problem.message).not.toMatch(/\n\s+at /);
  });

  it('says when a file is not a report at all', async () => {
    expect(await refusalOf('{"hello": "world"}')).toEqual({ kind: 'not-a-report' });
    expect(await refusalOf('42')).toEqual({ kind: 'not-a-report' });
  });

  it('refuses a newer format version, naming the version needed and the extension that made it', async () => {
    const text = await mutate((doc) => {
      doc.version = REPORT_VERSION + 1;
      doc.createdBy = { name: 'Likeness Ledger', version: '3.0.0' };
    });
    expect(await refusalOf(text)).toEqual({ kind: 'newer-version', version: REPORT_VERSION + 1, supported: REPORT_VERSION, madeBy: '3.0.0' });
  });

  it('names where in the file and what is wrong', async () => {
    const text = await mutate((doc) => {
      (doc.events[3]!.details as Record<string, unknown>) = { person: '   ' };
      doc.events[3]!.kind = 'access-granted';
      doc.events[5]!.kind = 'cameo-stolen';
      delete doc.events[7]!.account;
      doc.events[8]!.occurredAt = '2025-10-03 14:02';
      doc.events[9]!.recordedAt = '1999-12-31T23:00:00.000+01:00';
      doc.events[10]!.extra = true;
      doc.timeZone = 'Mars/Olympus';
    });
    const problem = await refusalOf(text);
    expect(problem.kind).toBe('invalid');
    if (problem.kind !== 'invalid') return;
    // The envelope is checked first: its issues come before the events'.
    expect(problem.issues).toEqual([{ path: 'timeZone', message: 'an IANA time zone such as Europe/Berlin is expected' }]);

    const eventsOnly = await refusalOf(await mutate((doc) => {
      doc.events[3]!.kind = 'access-granted';
      doc.events[3]!.details = { person: '   ' };
      doc.events[5]!.kind = 'cameo-stolen';
      delete doc.events[7]!.account;
      doc.events[8]!.occurredAt = '2025-10-03 14:02';
      doc.events[9]!.recordedAt = '1999-12-31T23:00:00.000+01:00';
      doc.events[10]!.extra = true;
    }));
    expect(eventsOnly.kind === 'invalid' && eventsOnly.issues).toEqual([
      { path: 'events[3].details.person', message: 'a handle cannot be empty' },
      { path: 'events[5].kind', message: expect.stringMatching(/^unknown kind the text "cameo-stolen"; expected one of cameo-created, .*note/) },
      { path: 'events[7].account', message: 'missing: an object is required' },
      { path: 'events[8].occurredAt', message: 'expected a date and time with offset, like 2025-10-03T14:02:00.000+02:00, found the text "2025-10-03 14:02"' },
      { path: 'events[9].recordedAt', message: 'a date between 2000 and 2200 is expected' },
      { path: 'events[10]', message: '1 unknown field: extra' },
    ]);
  });

  it('lists twenty issues and counts the rest', async () => {
    const problem = await refusalOf(await mutate((doc) => doc.events.forEach((e) => (e.source = 'rumour'))));
    expect(problem.kind === 'invalid' && [problem.issues.length, problem.more]).toEqual([20, 0]);
    const many = await refusalOf(await mutate((doc) => doc.events.forEach((e) => ((e.source = 'rumour'), (e.certainty = 'sure')))));
    expect(many.kind === 'invalid' && [many.issues.length, many.more]).toEqual([20, 20]);
  });

  it('refuses a report that uses one id twice', async () => {
    const problem = await refusalOf(await mutate((doc) => doc.events.push({ ...doc.events[2]!, key: 'another' })));
    expect(problem.kind === 'invalid' && problem.issues[0]?.path).toBe('events[20].id');
  });

  it('refuses a redacted report: it is for sharing, not for restoring', async () => {
    const text = await exportedText(await ledgerWith(sampleLedger(20)), { ...OPTIONS, redact: true });
    expect(await refusalOf(text)).toEqual({ kind: 'redacted' });
  });

  it('writes nothing when the browser fails in the middle of the write', async () => {
    const db = await ledgerWith(sampleLedger(10, 9));
    const before = await ledgerContent(db);
    const text = await exportedText(await ledgerWith(sampleLedger(3000)), OPTIONS);
    // On the prototype: the ledger reaches its tables by name, inside the transaction.
    const table = Object.getPrototypeOf(db.events) as typeof db.events;
    const bulkAdd = table.bulkAdd;
    let written = 0;
    // The events are written, then the browser gives up (out of space): the transaction must undo them.
    const spy = vi.spyOn(table, 'bulkAdd').mockImplementation(async function (this: typeof db.events, ...args: Parameters<typeof bulkAdd>) {
      const keys = await bulkAdd.apply(this, args);
      if (this.name !== 'events') return keys;
      written += (args[0] as unknown[]).length;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    } as typeof bulkAdd);
    const problem = problemOf(await importReport(db, text));
    spy.mockRestore();
    // Some of the import had been written when the browser gave up.
    expect(written).toBeGreaterThan(0);
    expect(problem).toEqual({ kind: 'write-failed', message: 'QuotaExceededError: The quota has been exceeded.' });
    expect(await ledgerContent(db)).toBe(before);
  });
});
