import { describe, expect, it } from 'vitest';
import { appendAll } from '@/lib/ledger/ledger';
import { importReport } from '@/lib/report/import';
import { REPORT_VERSION } from '@/lib/report/schema';
import { UPGRADES, versionOf } from '@/lib/report/upgrade';
import { freshDb, ledgerContent, sampleLedger } from '../helpers/report-fixtures';

describe('older versions', () => {
  it('has a step from every older version to the current one', () => {
    for (let v = 0; v < REPORT_VERSION; v++) expect(UPGRADES[v], `step from version ${v}`).toBeTypeOf('function');
  });

  it('knows a version 0 file by its shape: the ledger as stored, a bare array of events', () => {
    expect(versionOf([{ id: 'x', kind: 'note' }])).toEqual({ kind: 'known', version: 0 });
    // A list with nothing shaped like an event is no report at all.
    expect(versionOf([])).toEqual({ kind: 'not-a-report' });
    expect(versionOf([1, 'a', null, [{ id: 'x', kind: 'note' }]])).toEqual({ kind: 'not-a-report' });
    expect(versionOf({ format: 'likeness-ledger-report', version: 1 })).toEqual({ kind: 'known', version: 1 });
    expect(versionOf({ format: 'likeness-ledger-report', version: '1' })).toEqual({ kind: 'unreadable' });
    expect(versionOf({ format: 'something-else', version: 1 })).toEqual({ kind: 'not-a-report' });
  });

  it('upgrades a version 0 dump and imports it exactly', async () => {
    const events = sampleLedger(3000, 11);
    const original = freshDb();
    await appendAll(original, events);
    const db = freshDb();
    await db.open();
    const result = await importReport(db, JSON.stringify(await original.events.toArray()), undefined, { timeZone: 'America/New_York' });
    expect(result).toMatchObject({ ok: true, added: 3000, unchanged: 0, keptOwn: 0, upgradedFrom: 0, fingerprint: 'none' });
    expect(await ledgerContent(db, true)).toBe(await ledgerContent(original));
  });

  it('names the place in the version 0 file where an event is wrong, and writes nothing', async () => {
    const events = JSON.parse(JSON.stringify(sampleLedger(10, 12)));
    events[4].occurredAt = '2025-10-03';
    events[6].account.service = 'myspace';
    const db = freshDb();
    expect(await importReport(db, JSON.stringify(events))).toEqual({
      ok: false,
      problem: {
        kind: 'invalid',
        issues: [
          { path: '[4].occurredAt', message: 'expected a number, found the text "2025-10-03"' },
          { path: '[6].account.service', message: 'expected "sora", "chatgpt", or "api-platform", found the text "myspace"' },
        ],
        more: 0,
      },
    });
    expect(await db.events.count()).toBe(0);
  });
});
