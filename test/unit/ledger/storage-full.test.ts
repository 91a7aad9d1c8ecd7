// The background when the disk is full: an observation from a page is kept in storage.local, the
// popup is told, and once there is room the observation is written in order.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { handleContentMessage } from '@/lib/background/content-messages';
import { handleUiRequest } from '@/lib/background/ui-requests';
import { LedgerDb } from '@/lib/ledger/ledger';
import { effectiveEvents } from '@/lib/ledger/relations';
import { readPending } from '@/lib/ledger/pending-queue';
import type { StorageAreaWithRemove } from '@/lib/settings/storage-area';

const EXT = 'ext-id';
const NOW = Date.UTC(2026, 5, 1, 12);
function memoryArea(): StorageAreaWithRemove {
  const data: Record<string, unknown> = {};
  return {
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
    remove: async (key) => void delete data[key],
  };
}
const grant = (person: string) => ({
  type: 'observation',
  surface: 'sora',
  observation: { kind: 'access-granted', occurredAt: NOW - 1000, account: { service: 'sora', handle: 'alice' }, evidence: { rule: 'sora.access-granted' }, details: { person } },
});
const quota = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('storage full', () => {
  it('keeps the observation, tells the popup, and writes it when there is room', async () => {
    const db = new LedgerDb('full', { indexedDB: new IDBFactory(), IDBKeyRange });
    const local = memoryArea();
    const deps = { db: async () => db, session: memoryArea(), local, now: () => NOW, extensionId: EXT };
    const sender = { id: EXT, url: 'https://sora.chatgpt.com/profile', tab: { id: 3 } };

    const full = vi.spyOn(db, 'transaction').mockRejectedValue(quota() as never);
    expect(await handleContentMessage(grant('bob'), sender, deps)).toEqual({ ok: true, status: 'queued' });
    full.mockRestore();
    expect((await readPending(local)).items).toHaveLength(1);

    const reply = await handleUiRequest({ type: 'popup-summary' }, { db: async () => db, local, extensionId: EXT, extensionBase: 'x', now: () => NOW });
    expect(reply).toMatchObject({ ok: true, summary: { waiting: { count: 1, dropped: 0 } } });

    // The next observation finds room: it is written, and what waited goes in after it.
    expect(await handleContentMessage(grant('carol'), sender, deps)).toMatchObject({ ok: true, status: 'created' });
    await vi.waitFor(async () => expect((await readPending(local)).items).toHaveLength(0));
    const people = effectiveEvents(await db.events.toArray()).map((e) => (e.kind === 'access-granted' ? e.details.person : ''));
    expect(people.sort()).toEqual(['bob', 'carol']);
  });
});
