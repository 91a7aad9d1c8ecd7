// @vitest-environment happy-dom
// The guided Sora history in the dashboard: one question at a time, each skippable, written as
// ordinary manual entries dated to the month; the timeline shows them as months.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { throughBackground } from '../helpers/through-background';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { LedgerDb } from '@/lib/ledger/ledger';
import { until } from '../helpers/until';
import type { StorageArea } from '@/lib/settings/storage-area';

Dexie.dependencies.indexedDB = new IDBFactory();
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

let db: LedgerDb;
let root: HTMLElement;
const settingsArea = (): StorageArea => {
  const store: Record<string, unknown> = {};
  return { get: async (k) => ({ [k]: store[k] }), set: async (items) => void Object.assign(store, items) };
};

beforeEach(() => {
  db = new LedgerDb(`h-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  root = document.createElement('div');
  document.body.append(root);
  history.replaceState(null, '', '#after-sora');
});
afterEach(() => {
  render(null, root);
  root.remove();
  db.close();
});

const $ = (selector: string) => root.querySelector<HTMLElement>(selector);
const step = () => $('[data-testid="history"]')?.dataset.step;
const click = async (selector: string) => act(() => $(selector)!.click());
const type = (selector: string, value: string) =>
  act(() => {
    const el = $(selector) as HTMLInputElement | HTMLTextAreaElement;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
const choose = (value: string) => act(() => ($(`input[data-choice="${value}"]`) as HTMLInputElement).click());

async function start() {
  await act(() => render(<Dashboard db={db} settingsArea={settingsArea()} writes={throughBackground(db)} />, root));
  await until(() => $('main[aria-busy="false"] [data-testid="history-start"]'));
  expect($('#after-sora [data-testid="sora-closure"]')?.textContent).toMatch(/26 Apr.*2026/);
  await click('[data-testid="history-start"]');
}

describe('the welcome page', () => {
  it('says Sora has closed, with its facts, and links the guided history', async () => {
    history.replaceState(null, '', '#welcome');
    await act(() => render(<Dashboard db={db} settingsArea={settingsArea()} writes={throughBackground(db)} />, root));
    const welcome = await until(() => $('[data-testid="welcome"]'));
    expect(welcome.querySelector('[data-testid="sora-closure"]')!.textContent).toMatch(/What OpenAI has not said/);
    expect(welcome.querySelector('[data-testid="welcome-sora-history"]')!.getAttribute('href')).toBe('#after-sora');
    await until(() => $('section#after-sora [data-testid="history-start"]'));
  });
});

describe('quick add with only a month', () => {
  it('records the month chosen, shown as that month', async () => {
    history.replaceState(null, '', '#add');
    await act(() => render(<Dashboard db={db} settingsArea={settingsArea()} writes={throughBackground(db)} />, root));
    await until(() => $('main[aria-busy="false"] #add [data-testid="quick-cameo-deleted"]'));
    await click('#add [data-testid="quick-cameo-deleted"]');
    const form = await until(() => $('#add [data-testid="quick-add-form"]'));
    await type('#add [data-field="handle"]', 'me');
    await act(() => (form.querySelector('[data-field="month-only"]') as HTMLInputElement).click());
    const select = (field: string, value: string) =>
      act(() => {
        const el = form.querySelector<HTMLSelectElement>(`[data-field="${field}"]`)!;
        el.value = value;
        el.dispatchEvent(new Event('change', { bubbles: true }));
      });
    await select('month', '3');
    await select('year', '2026');
    expect(form.textContent).toMatch(/Deadlines count from the last day of this month\./);
    await act(() => (form.querySelector('[data-testid="quick-add-save"]') as HTMLElement).click());
    const row = await until(() => root.querySelector<HTMLElement>('[data-testid="timeline-row"][data-kind="cameo-deleted"]'));
    expect(row.querySelector('.row-when')!.textContent).toBe('March 2026');
    const stored = await db.events.toArray();
    expect(stored).toMatchObject([{ kind: 'cameo-deleted', occurredPrecision: 'month', occurredAt: Date.UTC(2026, 2, 1, 12) }]);
  });
});

describe('record your Sora history', () => {
  it('asks one question at a time, focus on each, and writes the entries it lists, dated to the month', async () => {
    await start();
    expect(step()).toBe('account');
    expect(document.activeElement).toBe($('#history-question'));
    await type('#history-handle', 'me.cameo');
    await click('[data-testid="history-next"]');

    expect(step()).toBe('cameo');
    expect(document.activeElement).toBe($('#history-question'));
    // October 2025 is offered first: Sora 2 and its cameos launched then.
    expect(($('#history-cameoMonth') as HTMLSelectElement).value).toBe('10');
    expect(($('#history-cameoMonth-year') as HTMLSelectElement).value).toBe('2025');
    await click('[data-testid="history-next"]');

    expect(step()).toBe('audience');
    await choose('everyone');
    await click('[data-testid="history-next"]');
    expect(step()).toBe('approved');
    await type('#history-approved', 'dan, eve');
    await click('[data-testid="history-next"]');
    expect(step()).toBe('revoked');
    await click('[data-testid="history-skip"]');
    expect(step()).toBe('deleted');
    await click('[data-testid="history-next"]');
    expect(step()).toBe('request');
    await click('[data-testid="history-skip"]');

    expect(step()).toBe('review');
    const listed = [...root.querySelectorAll<HTMLElement>('[data-testid="history-entries"] li')];
    expect(listed.map((li) => li.dataset.kind)).toEqual(['cameo-created', 'audience-changed', 'access-granted', 'access-granted']);
    expect(listed[0]!.textContent).toMatch(/October 2025/);
    await click('[data-testid="history-save"]');
    await until(() => $('[data-testid="history-done"]'));
    expect($('[data-testid="history-done"] h3')!.textContent).toBe('4 entries recorded.');

    const stored = await db.events.toArray();
    expect(stored.map((e) => e.kind).sort()).toEqual(['access-granted', 'access-granted', 'audience-changed', 'cameo-created']);
    for (const e of stored) expect(e).toMatchObject({ account: { service: 'sora', handle: 'me.cameo' }, source: 'manual', occurredPrecision: 'month' });
    // The timeline shows the month, not a day the user never said.
    const created = await until(() => root.querySelector<HTMLElement>('[data-testid="timeline-row"][data-kind="cameo-created"]'));
    expect(created.querySelector('.row-when')!.textContent).toBe('October 2025');
  });

  it('skips the cameo questions when there was no cameo, and saves nothing when everything is skipped', async () => {
    await start();
    await click('[data-testid="history-skip"]');
    await choose('no');
    await click('[data-testid="history-next"]');
    expect(step()).toBe('deleted');
    await click('[data-testid="history-back"]');
    expect(step()).toBe('cameo');
    await click('[data-testid="history-skip"]');
    await click('[data-testid="history-skip"]');
    await click('[data-testid="history-skip"]');
    expect(step()).toBe('review');
    expect($('[data-testid="history-entries"]')).toBeNull();
    expect(($('[data-testid="history-save"]') as HTMLButtonElement).disabled).toBe(true);
    expect(await db.events.count()).toBe(0);
  });
});
