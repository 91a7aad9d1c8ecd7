// Import is fed arbitrary and mutated reports: it never throws, and after every refusal the
// ledger is exactly as it was; when it accepts, it only ever adds valid events.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendAll } from '@/lib/ledger/ledger';
import { effectiveEvents } from '@/lib/ledger/relations';
import { LedgerEvent } from '@/lib/ledger/events';
import { buildReport } from '@/lib/report/build';
import { reportText } from '@/lib/report/export';
import { importReport } from '@/lib/report/import';
import { REPORT_VERSION } from '@/lib/report/schema';
import { freshDb, ledgerContent, sampleLedger } from '../helpers/report-fixtures';

const LEDGER = sampleLedger(30, 21);
// The ledger imported into holds part of the report; in half the runs also one event in another version, a conflict.
const HELD = LEDGER.slice(0, 8);
const CONFLICTING = { ...LEDGER[9]!, occurredAt: LEDGER[9]!.occurredAt + 1000 } as LedgerEvent;
let valid = '';

beforeAll(async () => {
  valid = await reportText(await buildReport(LEDGER, { scope: { kind: 'all' }, redact: false, extensionVersion: '0.1.0', now: Date.UTC(2026, 0, 1), timeZone: 'Europe/Berlin' }));
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}

function parentOf(doc: Json, path: Path): { parent: Json[] | Record<string, Json>; key: string | number } | null {
  if (path.length === 0) return null;
  let node = doc;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, Json>)[key]!;
  return { parent: node as Json[] | Record<string, Json>, key: path.at(-1)! };
}

type Mutation =
  | { op: 'set'; at: number; value: Json }
  | { op: 'delete'; at: number }
  | { op: 'duplicate-event'; at: number }
  | { op: 'version'; value: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-event' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('version' as const), value: fc.integer({ min: -2, max: 5 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 3 }) }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let doc: Json = JSON.parse(text);
  let out: string | null = null;
  for (const m of mutations) {
    if (out !== null) {
      // Once the text itself is changed, further changes are to the text.
      if (m.op === 'insert') out = out.slice(0, m.at % (out.length + 1)) + m.text + out.slice(m.at % (out.length + 1));
      continue;
    }
    const paths = pathsOf(doc);
    const target = parentOf(doc, paths[('at' in m ? m.at : 0) % paths.length]!);
    const events = (doc as { events?: Json }).events;
    if (m.op === 'set') {
      if (!target) doc = m.value;
      else (target.parent as Record<string | number, Json>)[target.key] = m.value;
    } else if (m.op === 'delete' && target) {
      if (Array.isArray(target.parent)) target.parent.splice(target.key as number, 1);
      else delete target.parent[target.key as string];
    } else if (m.op === 'duplicate-event' && Array.isArray(events) && events.length) {
      events.push(structuredClone(events[m.at % events.length]!));
    } else if (m.op === 'version' && doc && typeof doc === 'object' && !Array.isArray(doc)) {
      doc.version = m.value;
    } else if (m.op === 'truncate' || m.op === 'insert') {
      const s = JSON.stringify(doc, null, 2);
      const at = m.at % (s.length + 1);
      out = m.op === 'truncate' ? s.slice(0, at) : s.slice(0, at) + m.text + s.slice(at);
    }
  }
  return out ?? JSON.stringify(doc);
}

/** Imports into a fresh ledger holding HELD (and the conflict); checks the promise whatever the outcome. */
async function importChecked(text: string, withConflict = true): Promise<boolean> {
  const db = freshDb();
  await appendAll(db, withConflict ? [...HELD, CONFLICTING] : HELD);
  const before = await db.events.toArray();
  const beforeText = await ledgerContent(db);
  const result = await importReport(db, text, undefined, { timeZone: 'Europe/Berlin', now: Date.UTC(2026, 0, 1) });
  if (!result.ok) {
    expect(await ledgerContent(db)).toBe(beforeText);
    // The ledger has room: a refusal comes from the checks before the write, with where and what,
    // never from the database turning the write down (an id used twice, say).
    expect(result.problem.kind).not.toBe('write-failed');
    if (result.problem.kind === 'invalid') {
      expect(result.problem.issues.length).toBeGreaterThan(0);
      for (const issue of result.problem.issues) {
        expect(issue.path.length).toBeGreaterThan(0);
        expect(issue.message.length).toBeGreaterThan(0);
        expect(issue.message).not.toMatch(/\n\s+at /);
      }
    }
    db.close();
    return false;
  }
  const after = await db.events.toArray();
  expect(after).toHaveLength(before.length + result.added);
  const byId = new Map(after.map((e) => [e.id, e]));
  for (const e of before) expect(byId.get(e.id)).toEqual(e);
  // Nothing the user had stops counting without their word (the default leaves such events out).
  const stillEffective = new Set(effectiveEvents(after).map((e) => e.id));
  for (const e of effectiveEvents(before)) expect(stillEffective.has(e.id)).toBe(true);
  for (const e of after) expect(LedgerEvent.safeParse(e).success).toBe(true);
  db.close();
  return true;
}

describe('import of arbitrary input', () => {
  it('refuses any JSON value that is not a report, and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        // Not even an empty list: a list with nothing shaped like an event is no report.
        expect(await importChecked(JSON.stringify(value))).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses any text that is not JSON, and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (text) => {
        fc.pre(!/^\s*(\[\s*\]|-?\d|"|true|false|null|\{)/.test(text));
        expect(await importChecked(text)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('after every refused mutated report the ledger is unchanged; an accepted one only adds valid events', async () => {
    const outcomes = { accepted: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), async (mutations, withConflict) => {
        outcomes[(await importChecked(mutate(valid, mutations), withConflict)) ? 'accepted' : 'refused']++;
      }),
      // Most random mutations make a report the import refuses (keys, ids and the chain are all
      // checked), so an accepted one is rare and a run of 200 can miss it: this example, run first,
      // is accepted in every run (the version set to what it already is changes nothing, and the
      // ledger holds no conflict), however the random ones fall.
      { numRuns: 200, examples: [[[{ op: 'version', value: REPORT_VERSION }], false]] },
    );
    // Both paths were taken: some mutations leave a valid report (a changed note, say), most do not.
    expect(outcomes.accepted).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(outcomes.accepted);
  });

  it('accepts the unmutated report once the conflict is settled, and the ledger then holds the whole report', async () => {
    const db = freshDb();
    await appendAll(db, [...HELD, CONFLICTING]);
    const first = await importReport(db, valid);
    expect(first.ok === false && first.problem.kind).toBe('conflicts');
    const settled = await importReport(db, valid, undefined, { keepOwn: new Set([LEDGER[9]!.id]) });
    // Some of the report's events act on the entries held: by default they are left out, on the user's word written.
    expect(settled).toMatchObject({ ok: true, unchanged: 8, keptOwn: 1, changesApplied: false });
    const changing = new Set(settled.ok ? settled.changes.map((c) => c.event.id) : []);
    expect(changing.size).toBeGreaterThan(0);
    expect(settled.ok && settled.added).toBe(21 - changing.size);
    const applied = await importReport(db, valid, undefined, { keepOwn: new Set([LEDGER[9]!.id]), applyChanges: true });
    expect(applied).toMatchObject({ ok: true, added: changing.size, unchanged: 8 + 21 - changing.size, keptOwn: 1, changesApplied: true });
  });
});
