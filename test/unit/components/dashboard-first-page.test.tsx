// @vitest-environment happy-dom
/** The dashboard shows the ledger's newest page before the whole ledger is read. */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { throughBackground } from '../helpers/through-background';
import { Dashboard } from '@/components/dashboard/Dashboard';
import type { LedgerEvent, NewEvent } from '@/lib/ledger/events';
import { appendAll, buildEvent, LedgerDb, recordEvent, removeEntry } from '@/lib/ledger/ledger';
import { until } from '../helpers/until';
import type { StorageArea } from '@/lib/settings/storage-area';

// The whole ledger's read waits until a test lets it go.
const fullRead = vi.hoisted(() => {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  return { released, release: () => release(), calls: 0 };
});
vi.mock('@/lib/report/export', async (original) => {
  const actual = await original<typeof import('@/lib/report/export')>();
  return {
    ...actual,
    readLedger: async (...args: Parameters<typeof actual.readLedger>) => {
      fullRead.calls++;
      await fullRead.released;
      return actual.readLedger(...args);
    },
  };
});

Dexie.dependencies.indexedDB = new IDBFactory();
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

const NOW = Date.now();
const me = { service: 'sora', handle: '@me' } as const;
const appearance = (i: number): LedgerEvent =>
  buildEvent({ kind: 'appearance-seen', account: me, source: 'page', evidence: {}, occurredAt: NOW - i * 60_000, details: { by: `@p${i}`, where: 'draft' } } as NewEvent, NOW);

let db: LedgerDb;
let root: HTMLElement;
const settingsArea = (): StorageArea => ({ get: async (k) => ({ [k]: undefined }), set: async () => {} });

beforeEach(() => {
  db = new LedgerDb(`t-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  root = document.createElement('div');
  document.body.append(root);
  history.replaceState(null, '', '#');
});
afterEach(() => {
  render(null, root);
  root.remove();
  db.close();
});

const $ = (selector: string) => root.querySelector<HTMLElement>(selector);
const filtersDisabled = () => root.querySelector<HTMLFieldSetElement>('form[role="search"] fieldset')!.disabled;
const rowIds = () => [...root.querySelectorAll<HTMLElement>('[data-testid="timeline-row"]')].map((r) => r.dataset.id);

it('shows the newest entries that count while the rest is read, then the whole timeline; writes meanwhile are read alone, never the whole ledger again', async () => {
  const events = Array.from({ length: 300 }, (_, i) => appearance(i));
  await appendAll(db, events);
  // The newest entry taken back: the first page starts at the one after it.
  await removeEntry(db, events[0]!.id, NOW);

  await act(() => render(<Dashboard db={db} settingsArea={settingsArea()} writes={throughBackground(db)} />, root));
  await until(() => rowIds().length > 0);
  expect($('main')!.getAttribute('aria-busy')).toBe('true');
  expect(rowIds().slice(0, 3)).toEqual([events[1]!.id, events[2]!.id, events[3]!.id]);
  expect($('[data-testid="timeline-row"]')!.closest('li')!.getAttribute('aria-setsize')).toBe('50');
  // What needs the whole ledger waits for it: filters, review marks, the other sections.
  expect(filtersDisabled()).toBe(true);
  expect(root.querySelector('.badge.review')).toBeNull();
  expect($('section#deadlines')!.textContent).toMatch(/Loading/);

  // Writes during the read (the background recording as the user browses) are read after it, alone.
  const later = Array.from({ length: 3 }, (_, i) => appearance(-1 - i));
  for (const e of later) await act(async () => void (await recordEvent(db, e)));
  await until(() => fullRead.calls === 1 && $('main[aria-busy="true"]'));
  await new Promise((r) => setTimeout(r, 100));

  await act(() => fullRead.release());
  await until(() => $('main[aria-busy="false"]'));
  await until(() => $('[data-testid="timeline-row"]')!.closest('li')!.getAttribute('aria-setsize') === '302');
  await until(() => rowIds()[0] === later[2]!.id);
  expect(rowIds().slice(0, 4)).toEqual([later[2]!.id, later[1]!.id, later[0]!.id, events[1]!.id]);
  expect(fullRead.calls).toBe(1);
  expect(filtersDisabled()).toBe(false);
  expect(root.querySelector('.badge.review')).not.toBeNull();
});

it('in a tab behind others, keeps what writes bring and shows it when the tab comes to the front', async () => {
  await appendAll(db, [appearance(1)]);
  fullRead.release();
  await act(() => render(<Dashboard db={db} settingsArea={settingsArea()} writes={throughBackground(db)} />, root));
  await until(() => $('main[aria-busy="false"]') && rowIds().length === 1);
  const before = rowIds();

  const hidden = vi.spyOn(document, 'hidden', 'get').mockReturnValue(true);
  const later = appearance(-1);
  await act(async () => void (await recordEvent(db, later)));
  await new Promise((r) => setTimeout(r, 200));
  expect(rowIds()).toEqual(before);

  hidden.mockReturnValue(false);
  await act(() => void document.dispatchEvent(new Event('visibilitychange')));
  await until(() => rowIds()[0] === later.id);
  expect(rowIds()).toHaveLength(2);
  hidden.mockRestore();
});
