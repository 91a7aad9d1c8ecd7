import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { appendAll, buildEvent, LedgerDb, record } from '../lib/ledger';
import type { LedgerEvent } from '../lib/events';
import { seedLedger, SEED_ACCOUNTS } from './seed';
const DAY = 86_400_000;
function craftedLedger(size: number): LedgerEvent[] {
  const account = { service: 'sora', handle: 'target' } as const;
  const start = Date.now() - 400 * DAY;
  const events: LedgerEvent[] = [];
  for (let i = 0; events.length < size; i++) {
    const at = start + i * 60_000;
    const made = (input: object) => buildEvent({ account, source: 'manual', evidence: {}, occurredAt: at, ...input } as never, at);
    events.push(made({ kind: 'access-granted', details: { person: `p${i}` } }));
    if (i % 2) events.push(made({ kind: 'access-revoked', details: { person: `p${i}` } }));
    const deletion = made({ kind: 'cameo-deleted', details: {} });
    events.push(deletion);
    if (i % 3) events.push(made({ kind: 'purge-verified', details: { window: deletion.id } }));
  }
  return events.slice(0, size);
}
async function measure(label: string, events: LedgerEvent[], account: { service: string; handle: string }) {
  const db = new LedgerDb('x' + label, { indexedDB: new IDBFactory(), IDBKeyRange });
  await appendAll(db, events);
  const log: string[] = [];
  db.use({ stack: 'dbcore', name: 'sizes', create: (down) => ({ ...down, table: (n) => { const t = down.table(n); return { ...t, mutate: (req) => { if (req.type === 'put' || req.type === 'add') for (const v of req.values) log.push(`${n} ${req.type} ${JSON.stringify(v).length}`); return t.mutate(req); } }; } }) });
  await db.close(); await db.open();
  for (let i = 0; i < 6; i++) { log.push(`-- write ${i}`); const t0 = performance.now(); await record(db, { kind: 'access-granted', occurredAt: Date.now() + i, account, source: 'manual', evidence: {}, details: { person: `newcomer${i}` } } as never); log.push(`   ${(performance.now() - t0).toFixed(1)} ms`); }
  console.log(label, '\n' + log.join('\n'));
}
await measure('seed100k', seedLedger(100_000), SEED_ACCOUNTS[0]!);
await measure('crafted12k', craftedLedger(12_000), { service: 'sora', handle: 'target' });
