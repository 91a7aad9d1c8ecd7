// A valid but hostile report against a ledger that already holds the user's entries: the file
// aims removals, edits, verifications and answers at them, carries forged keys, a tampered chain,
// or only looks like a report. Nothing the user had may change without their explicit word.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account, LedgerEvent, NewEvent } from '@/lib/ledger/events';
import { factKey } from '@/lib/ledger/fact-key';
import { chainLinks, recordingOrder } from '@/lib/ledger/fingerprint';
import { buildEvent, record } from '@/lib/ledger/ledger';
import { effectiveEvents } from '@/lib/ledger/relations';
import { buildReport } from '@/lib/report/build';
import { exportReport, reportText } from '@/lib/report/export';
import { importReport, type ImportResult } from '@/lib/report/import';
import { Report } from '@/lib/report/schema';
import { throughBackground } from '../helpers/through-background';
import { freshDb } from '../helpers/report-fixtures';

const T0 = Date.UTC(2026, 0, 10, 9);
const DAY = 86_400_000;
const ME: Account = { service: 'sora', handle: 'me' };
const OPTIONS = { scope: { kind: 'all' }, redact: false, extensionVersion: '0.1.0', now: T0 + 60 * DAY, timeZone: 'UTC' } as const;
const base = { account: ME, evidence: {} } as const;

/** The user's ledger: a network-confirmed cameo deletion long overdue, a grant, a privacy request. */
async function usersLedger() {
  const db = freshDb();
  const deletion = (await record(db, { ...base, kind: 'cameo-deleted', source: 'network', occurredAt: T0, details: { cameoId: 'c1' } }, T0)).event;
  const grant = (await record(db, { ...base, kind: 'access-granted', source: 'manual', occurredAt: T0 + DAY, details: { person: 'dan' } }, T0 + DAY)).event;
  const request = (await record(db, { ...base, kind: 'privacy-request-sent', source: 'manual', occurredAt: T0 + 2 * DAY, details: { law: 'gdpr', channel: 'email', request: 'erasure' } }, T0 + 2 * DAY)).event;
  return { db, deletion, grant, request, before: await db.events.toArray() };
}

let n = 0;
const forged = (input: NewEvent, at = T0 + 40 * DAY) => buildEvent(input, at, `evil-${String(++n).padStart(6, '0')}`);

/** The attacker's file: their events with a chain they computed themselves (a chain proves integrity, not authorship). */
async function reportOf(events: LedgerEvent[], tamper?: (doc: Report) => void): Promise<string> {
  const chain = await chainLinks(undefined, [...events].sort(recordingOrder));
  const doc = await buildReport(events, { ...OPTIONS, chain });
  tamper?.(doc);
  return reportText(doc);
}

function hostileEvents(u: Awaited<ReturnType<typeof usersLedger>>): LedgerEvent[] {
  return [
    // "The service confirmed" a removal of the confirmed deletion, with an evidence URL of the attacker's choosing.
    forged({ ...base, kind: 'entry-removed', source: 'network', occurredAt: T0 + 40 * DAY, evidence: { url: 'https://evil.example/proof' }, details: { target: u.deletion.id } }),
    forged({ ...base, kind: 'access-granted', source: 'network', occurredAt: T0 + 40 * DAY, supersedes: u.grant.id, details: { person: 'mallory' } }),
    forged({ ...base, kind: 'privacy-answer-received', source: 'manual', occurredAt: T0 + 40 * DAY, details: { request: u.request.id, outcome: 'done' } }),
    forged({ ...base, kind: 'purge-verified', source: 'manual', occurredAt: T0 + 40 * DAY, details: { window: u.deletion.id } }),
    // And one harmless new entry.
    forged({ ...base, kind: 'note', source: 'manual', occurredAt: T0 + 41 * DAY, details: { text: 'hello' } }),
  ];
}

const ok = (r: ImportResult) => {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.problem)}`);
  return r;
};

async function expectUntouched(u: Awaited<ReturnType<typeof usersLedger>>) {
  const after = await u.db.events.toArray();
  const byId = new Map(after.map((e) => [e.id, e]));
  for (const e of u.before) expect(byId.get(e.id)).toEqual(e);
  const effective = new Set(effectiveEvents(after).map((e) => e.id));
  for (const e of effectiveEvents(u.before)) expect(effective.has(e.id), `${e.kind} ${e.id} still counts`).toBe(true);
}

describe('a hostile report against the user\'s entries', () => {
  it('is previewed with every entry it would change, by what, and writes nothing', async () => {
    const u = await usersLedger();
    const preview = ok(await importReport(u.db, await reportOf(hostileEvents(u)), undefined, { preview: true }));
    expect(preview.written).toBe(false);
    expect(preview.changes.map((c) => [c.how, c.target.kind, c.target.occurredAt])).toEqual([
      ['removes', 'cameo-deleted', T0],
      ['replaces', 'access-granted', T0 + DAY],
      ['answers', 'privacy-request-sent', T0 + 2 * DAY],
      ['closes', 'cameo-deleted', T0],
    ]);
    expect(preview.added).toBe(1);
    expect(await u.db.events.count()).toBe(3);
  });

  it('by default keeps the user\'s entries: only events that change nothing of theirs are written', async () => {
    const u = await usersLedger();
    const result = ok(await importReport(u.db, await reportOf(hostileEvents(u)), undefined, { fileName: 'evil.json', now: T0 + 50 * DAY }));
    expect(result).toMatchObject({ written: true, added: 1, changesApplied: false, fingerprint: 'verified' });
    expect(result.changes).toHaveLength(4);
    await expectUntouched(u);
    const imported = (await u.db.events.toArray()).filter((e) => e.imported);
    expect(imported.map((e) => [e.kind, e.imported])).toEqual([['note', { file: 'evil.json', at: T0 + 50 * DAY, fingerprint: 'verified' }]]);
  });

  it('writes the changes only on the user\'s explicit word, each marked as imported', async () => {
    const u = await usersLedger();
    const result = ok(await importReport(u.db, await reportOf(hostileEvents(u)), undefined, { applyChanges: true, fileName: 'evil.json' }));
    expect(result).toMatchObject({ added: 5, changesApplied: true });
    const live = effectiveEvents(await u.db.events.toArray()).map((e) => e.id);
    expect(live).not.toContain(u.deletion.id);
    expect((await u.db.events.toArray()).filter((e) => e.id.startsWith('evil-')).every((e) => e.imported?.file === 'evil.json')).toBe(true);
  });

  it('keeps the import mark through a later export and import', async () => {
    const u = await usersLedger();
    ok(await importReport(u.db, await reportOf(hostileEvents(u)), undefined, { fileName: 'first.json', now: T0 + 50 * DAY }));
    const text = await (await exportReport(u.db, OPTIONS)).file.text();
    const note = Report.parse(JSON.parse(text)).events.find((e) => e.kind === 'note')!;
    expect(note.imported).toEqual({ file: 'first.json', at: '2026-03-01T09:00:00.000+00:00', fingerprint: 'verified' });
    const other = freshDb();
    ok(await importReport(other, text, undefined, { fileName: 'second.json' }));
    expect((await other.events.get(note.id))?.imported?.file).toBe('second.json');
  });
});

describe('keys', () => {
  it('refuses a forged key with its path, so a later real observation is no duplicate', async () => {
    const u = await usersLedger();
    const real: NewEvent = { ...base, kind: 'appearance-seen', source: 'page', occurredAt: T0 + 45 * DAY, details: { by: 'eve', where: 'draft' } };
    const squatter = forged({ ...base, kind: 'note', source: 'page', occurredAt: T0, details: { text: 'x' } });
    const forgedKey = { ...squatter, key: factKey(real) } as LedgerEvent;
    const result = await importReport(u.db, await reportOf([forgedKey]));
    expect(result.ok).toBe(false);
    if (!result.ok && result.problem.kind === 'invalid') expect(result.problem.issues).toEqual([{ path: 'events[0].key', message: expect.stringContaining('does not match') }]);
    else throw new Error('expected invalid');
    await expectUntouched(u);
    expect((await record(u.db, real, T0 + 45 * DAY)).status).toBe('created');
  });
});

describe('the file\'s fingerprint chain', () => {
  it('refuses a file changed after its ledger wrote it, saying where; kept as unverified only when asked', async () => {
    const u = await usersLedger();
    const text = await (await exportReport(u.db, OPTIONS)).file.text();
    const doc = JSON.parse(text) as Report;
    (doc.events[1]!.details as { person: string }).person = 'mallory';
    const db = freshDb();
    const refused = await importReport(db, JSON.stringify(doc));
    expect(refused.ok === false && refused.problem).toMatchObject({ kind: 'chain-broken', issues: [{ path: 'chain.links[1].hash' }] });
    expect(await db.events.count()).toBe(0);
    const kept = ok(await importReport(db, JSON.stringify(doc), undefined, { acceptUnverified: true }));
    expect(kept.fingerprint).toBe('unverified');
    expect((await db.events.toArray()).every((e) => e.imported?.fingerprint === 'unverified')).toBe(true);
  });
});

describe('look-alikes', () => {
  it('refuses a report that says version 0, and lists that hold no events, with a message rather than a throw', async () => {
    const u = await usersLedger();
    const v0envelope = await importReport(u.db, JSON.stringify({ format: 'likeness-ledger-report', version: 0, events: [hostileEvents(u)[0]] }));
    expect(v0envelope.ok === false && v0envelope.problem).toMatchObject({ kind: 'invalid', issues: [{ path: 'version', message: expect.stringContaining('bare list') }] });
    for (const text of ['[]', '[[{"id":"x","kind":"note"}]]', '[1,2]', '"hello"']) {
      expect(await importReport(u.db, text)).toEqual({ ok: false, problem: { kind: 'not-a-report' } });
    }
    await expectUntouched(u);
  });
});

// Any mix of events aimed at the user's entries, of any source and certainty: after a refused or
// an unconfirmed import, every earlier event is still there, unchanged, and still counts.
describe('property: hostile reports against a non-empty ledger', () => {
  // Which of the user's entries an event aims at (the ids are new in every ledger).
  type Entry = 'deletion' | 'grant' | 'request';
  const any = fc.constantFrom<Entry>('deletion', 'grant', 'request');
  const aimed = fc.oneof(
    fc.record({ kind: fc.constant('entry-removed' as const), target: any }),
    fc.record({ kind: fc.constant('observation-reviewed' as const), target: any }),
    fc.record({ kind: fc.constant('supersedes' as const), target: any }),
    fc.record({ kind: fc.constant('purge-verified' as const), target: any }),
    fc.record({ kind: fc.constant('privacy-answer-received' as const), target: any }),
  );

  it('never changes what was there without the user\'s word', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ aim: aimed, source: fc.constantFrom('page', 'network', 'manual') as fc.Arbitrary<'page' | 'network' | 'manual'>, days: fc.integer({ min: -3000, max: 100 }) }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('none', 'forge-key', 'break-chain', 'preview'),
        // Straight to the import, or as the dashboard sends it: a request the background parses and runs.
        fc.boolean(),
        async (attacks, twist, fromPage) => {
          const u = await usersLedger();
          const at = Math.max(Date.UTC(2000, 0, 2), T0 + attacks[0]!.days * DAY);
          const events = attacks.map(({ aim: { kind, target: which }, source }) => {
            const common = { ...base, source, occurredAt: at };
            const aim = { kind, target: u[which].id };
            switch (aim.kind) {
              case 'entry-removed':
                return forged({ ...common, kind: 'entry-removed', details: { target: aim.target } });
              case 'observation-reviewed':
                return forged({ ...common, kind: 'observation-reviewed', details: { target: aim.target, verdict: 'dismissed' } });
              case 'supersedes':
                return forged({ ...common, kind: 'cameo-created', supersedes: aim.target, details: {} });
              case 'purge-verified':
                return forged({ ...common, kind: 'purge-verified', details: { window: aim.target } });
              case 'privacy-answer-received':
                return forged({ ...common, kind: 'privacy-answer-received', details: { request: aim.target, outcome: 'done' } });
            }
          });
          const text = await reportOf(
            twist === 'forge-key' ? events.map((e) => ({ ...e, key: 'appearance-seen|sora|me|eve|draft|' }) as LedgerEvent) : events,
            twist === 'break-chain' ? (doc) => void (doc.chain!.links[0]!.hash = '0'.repeat(64)) : undefined,
          );
          const result =
            fromPage && twist !== 'preview'
              ? await throughBackground(u.db).importReport(text, { fileName: 'hostile.json' })
              : await importReport(u.db, text, undefined, { preview: twist === 'preview' });
          if (twist === 'forge-key' || twist === 'break-chain') expect(result.ok).toBe(false);
          else expect(result.ok && result.changes.length).toBe(events.length);
          await expectUntouched(u);
        },
      ),
      { numRuns: 60 },
    );
  });
});
