// @vitest-environment happy-dom
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throughBackground } from '../helpers/through-background';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { SECTIONS } from '@/components/dashboard/sections';
import type { LedgerEvent, NewEvent } from '@/lib/ledger/events';
import { appendAll, buildEvent, LedgerDb, record } from '@/lib/ledger/ledger';
import { until } from '../helpers/until';
import type { StorageArea } from '@/lib/settings/storage-area';

// Dexie's liveQuery runs only where a global IndexedDB exists; each test's database has its own.
Dexie.dependencies.indexedDB = new IDBFactory();
Dexie.dependencies.IDBKeyRange = IDBKeyRange;

const DAY = 86_400_000;
const NOW = Date.now();
const me = { service: 'sora', handle: '@me' } as const;
const input = (i: Partial<NewEvent> & Pick<NewEvent, 'kind' | 'details'>, at: number) =>
  ({ account: me, source: 'manual', evidence: {}, occurredAt: at, ...i }) as NewEvent;

let db: LedgerDb;
let root: HTMLElement;
let changed: ReturnType<typeof vi.fn>;
const settingsArea = (): StorageArea => {
  const store: Record<string, unknown> = {};
  return { get: async (k) => ({ [k]: store[k] }), set: async (items) => void Object.assign(store, items) };
};

beforeEach(() => {
  db = new LedgerDb(`t-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  root = document.createElement('div');
  document.body.append(root);
  changed = vi.fn();
  history.replaceState(null, '', '#');
});
afterEach(() => {
  render(null, root);
  root.remove();
  db.close();
});

const $ = (selector: string) => root.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
const click = (el: HTMLElement) => act(() => el.click());
const rows = () => $$('[data-testid="timeline-row"]');
const setValue = (el: HTMLInputElement | HTMLSelectElement, value: string) =>
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  });

async function show(hash = '') {
  history.replaceState(null, '', hash || '#');
  await act(() => render(<Dashboard db={db} settingsArea={settingsArea()} writes={throughBackground(db, changed)} />, root));
  // The whole ledger read, not only its newest page (ui-dashboard-first-page.test.tsx).
  await until(() => $('main[aria-busy="false"] #timeline'));
}

describe('the dashboard', () => {
  it('has every registered section, each with its heading and a link in the navigation', async () => {
    await show();
    for (const { id } of SECTIONS) {
      expect($(`section#${id} > h2`)).not.toBeNull();
      expect($(`nav a[href="#${id}"]`)).not.toBeNull();
    }
    expect(document.querySelectorAll('h1')).toHaveLength(1);
  });

  it('shows the welcome on first install', async () => {
    await show('#welcome');
    const welcome = await until(() => $('[data-testid="welcome"]'));
    expect(welcome.textContent).toMatch(/\(sora\.chatgpt\.com, sora\.com\)\s*— closed on .*2026; watched only if you turn it on in the settings/);
    expect(welcome.textContent).toMatch(/makes no network requests of its own/);
    expect(document.activeElement).toBe($('#welcome-title'));
  });

  it('opens at the section a link names, with focus on its heading', async () => {
    await show('#deadlines');
    await until(() => document.activeElement === $('#deadlines-title'));
  });

  it('renders only the rows in view, however long the ledger, and says where each is', async () => {
    const events = Array.from({ length: 2000 }, (_, i) =>
      buildEvent(input({ kind: 'appearance-seen', details: { by: `@p${i}`, where: 'draft' }, source: 'page' }, NOW - i * 60_000), NOW),
    );
    await appendAll(db, events);
    await show();
    await until(() => rows().length > 0);
    expect(rows().length).toBeLessThan(60);
    const first = rows()[0]!.closest('li')!;
    expect(first.getAttribute('aria-setsize')).toBe('2000');
    expect(first.getAttribute('aria-posinset')).toBe('1');
    expect(rows()[0]!.textContent).toMatch(/@p0/);
  });

  it('moves between rows with the keyboard, one row in the tab order', async () => {
    for (let i = 0; i < 30; i++) await record(db, input({ kind: 'access-granted', details: { person: `@p${i}` } }, NOW - i * DAY));
    await show();
    await until(() => rows().length > 0);
    expect(rows().filter((r) => r.tabIndex === 0)).toHaveLength(1);
    rows()[0]!.focus();
    await act(() => void rows()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(document.activeElement?.textContent).toMatch(/to @p1(?!\d)/);
    await act(() => void (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true })));
    await until(() => document.activeElement?.textContent?.includes('@p29'));
    expect(rows().filter((r) => r.tabIndex === 0).map((r) => r.textContent)).toEqual([expect.stringMatching(/@p29/)]);
  });

  it('filters the timeline by kind and by search, and says how many are shown', async () => {
    await record(db, input({ kind: 'access-granted', details: { person: '@alex' } }, NOW - 3 * DAY));
    await record(db, input({ kind: 'access-revoked', details: { person: '@alex' } }, NOW - 2 * DAY));
    await record(db, input({ kind: 'cameo-deleted', details: {} }, NOW - DAY));
    await show();
    await until(() => rows().length === 3);
    await setValue($('[data-testid="filter-kind"]') as HTMLSelectElement, 'access-revoked');
    expect(rows().map((r) => r.dataset.kind)).toEqual(['access-revoked']);
    await setValue($('[data-testid="filter-kind"]') as HTMLSelectElement, '');
    await setValue($('[data-testid="filter-query"]') as HTMLInputElement, 'alex');
    expect(rows().map((r) => r.dataset.kind)).toEqual(['access-revoked', 'access-granted']);
    await until(() => $('[data-testid="timeline-count"]')!.textContent === 'Showing 2 of 3 entries');
    await setValue($('[data-testid="filter-query"]') as HTMLInputElement, 'nobody');
    expect($('[data-testid="timeline-empty"]')!.textContent).toBe('No entry matches these filters.');
  });

  it('edits a manual entry: the edit is a new version, and the history shows both', async () => {
    const { event } = await record(db, input({ kind: 'access-granted', details: { person: '@alx' } }, NOW - DAY));
    await show();
    await click(await until(() => rows()[0]));
    await click(await until(() => $('[data-testid="edit-entry"]')));
    const form = await until(() => $('[data-testid="entry-details"] [data-testid="quick-add-form"]'));
    const person = form.querySelector<HTMLInputElement>('input[list]')!;
    expect(person.value).toBe('@alx');
    await setValue(person, '@alex');
    await click(form.querySelector<HTMLElement>('[data-testid="quick-add-save"]')!);
    await until(() => rows()[0]?.textContent?.includes('@alex'));
    const all = await db.events.toArray();
    const edit = all.find((e) => e.supersedes === event.id)!;
    expect(edit).toMatchObject({ kind: 'access-granted', details: { person: '@alex' }, source: 'manual' });
    expect(changed).toHaveBeenCalled();
    const history = await until(() => $('[data-testid="details-history"]'));
    expect(history.querySelectorAll('li')).toHaveLength(2);
    expect(history.textContent).toMatch(/Recorded: Access granted to @alx/);
    expect(history.textContent).toMatch(/Edited: Access granted to @alex/);
  });

  it('removes a manual entry after a confirmation; its history stays', async () => {
    const { event } = await record(db, input({ kind: 'cameo-deleted', details: {} }, NOW - DAY));
    await show();
    await click(await until(() => rows()[0]));
    await click(await until(() => $('[data-testid="remove-entry"]')));
    const dialog = await until(() => $('[data-testid="remove-dialog"]'));
    expect(dialog.textContent).toMatch(/will no longer count anywhere/);
    // Focus starts on Cancel, the safe choice.
    expect(document.activeElement?.textContent).toBe('Cancel');
    await click(dialog.querySelector<HTMLElement>('[data-testid="confirm"]')!);
    await until(() => rows().length === 0);
    const removal = (await db.events.toArray()).find((e) => e.kind === 'entry-removed');
    expect(removal?.kind === 'entry-removed' && removal.details.target).toBe(event.id);
    expect($('[data-testid="entry-details"]')!.textContent).toMatch(/Removed:/);
    // Taken back, not lost: asked for, it is listed again, marked, with its history.
    const all = $('[data-testid="filter-removed"]') as HTMLInputElement;
    await act(() => all.click());
    await until(() => rows().length === 1);
    expect(rows()[0]!.textContent).toMatch(/Taken back/);
    await click(rows()[0]!);
    expect($('[data-testid="details-history"]')!.textContent).toMatch(/Removed/);
    expect($('[data-testid="remove-entry"]')).toBeNull();
  });

  it('confirms or dismisses what was only seen on a page', async () => {
    const seen = (person: string) => input({ kind: 'access-granted', details: { person }, source: 'page' }, NOW - DAY);
    await record(db, seen('@kept'));
    await record(db, seen('@wrong'));
    await show();
    await until(() => rows().length === 2);
    expect($$('.badge.review')).toHaveLength(2);
    await click(rows().find((r) => r.textContent!.includes('@kept'))!);
    await click(await until(() => $('[data-testid="confirm-observation"]')));
    await until(() => $$('.badge.review').length === 1);
    await click(rows().find((r) => r.textContent!.includes('@wrong'))!);
    await click(await until(() => $('[data-testid="dismiss-observation"]')));
    await until(() => rows().length === 1);
    expect(rows()[0]!.textContent).toMatch(/@kept/);
    const reviews = (await db.events.toArray()).filter((e): e is Extract<LedgerEvent, { kind: 'observation-reviewed' }> => e.kind === 'observation-reviewed');
    expect(reviews.map((r) => r.details.verdict).sort()).toEqual(['confirmed', 'dismissed']);
  });

  it('says an imported entry came from a file, never that the service confirmed it', async () => {
    const confirmed = buildEvent(input({ kind: 'cameo-deleted', details: {}, source: 'network' }, NOW - DAY), NOW, 'imported-deletion-1');
    await appendAll(db, [{ ...confirmed, imported: { file: 'their-report.json', at: NOW, fingerprint: 'unverified' } }]);
    await show(`#entry=${confirmed.id}`);
    const from = await until(() => $('[data-testid="entry-details"] [data-testid="imported-from"]'));
    expect(from.textContent).toMatch(/^Imported from “their-report\.json” on .*\(its fingerprint did not check out\)$/);
    expect($('[data-testid="entry-details"]')!.textContent).not.toMatch(/[Cc]onfirmed/);
  });

  it('opens at the entry a deep link names, with focus on its details, clearing filters that hide it', async () => {
    const { event } = await record(db, input({ kind: 'cameo-deleted', details: {} }, NOW - 40 * DAY));
    await record(db, input({ kind: 'access-granted', details: { person: '@alex' } }, NOW - DAY));
    await show(`#entry=${event.id}`);
    const details = await until(() => $('[data-testid="entry-details"]'));
    expect(details.querySelector('h3')!.textContent).toBe('Cameo deleted');
    await until(() => document.activeElement === $('#details-title'));
    expect($('[data-testid="details-window"]')!.textContent).toMatch(/Cameo purge/);
    expect(rows().find((r) => r.getAttribute('aria-current') === 'true')?.dataset.id).toBe(event.id);
    // A later link, with the entry filtered out: the filters go.
    await setValue($('[data-testid="filter-kind"]') as HTMLSelectElement, 'access-granted');
    history.replaceState(null, '', '#');
    await act(() => {
      location.hash = `#entry=${event.id}`;
      dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await until(() => ($('[data-testid="filter-kind"]') as HTMLSelectElement).value === '');
    expect(rows().map((r) => r.dataset.id)).toContain(event.id);
  });

  it('draws each person’s access as intervals, and says them in words', async () => {
    await record(db, input({ kind: 'access-granted', details: { person: '@alex' } }, new Date(2025, 0, 10).getTime()));
    await record(db, input({ kind: 'access-revoked', details: { person: '@alex' } }, new Date(2025, 1, 10).getTime()));
    await record(db, input({ kind: 'access-granted', details: { person: '@alex' } }, new Date(2025, 2, 1).getTime()));
    await show();
    const chart = await until(() => $('[data-testid="grant-chart"]'));
    expect(chart.querySelectorAll('.bar')).toHaveLength(2);
    expect(chart.querySelectorAll('.bar.open')).toHaveLength(1);
    expect(chart.querySelector('.spans')!.textContent).toBe('Jan 10, 2025 – Feb 10, 2025; since Mar 1, 2025');
  });

  it('says a grant remembered only to the month as that month, never as a day', async () => {
    const month = (year: number, m: number) => Date.UTC(year, m - 1, 1, 12);
    await record(db, { ...input({ kind: 'access-granted', details: { person: '@alex' } }, month(2025, 11)), occurredPrecision: 'month' });
    await record(db, { ...input({ kind: 'access-revoked', details: { person: '@alex' } }, month(2026, 1)), occurredPrecision: 'month' });
    await record(db, input({ kind: 'access-granted', details: { person: '@sam' } }, new Date(2026, 1, 14).getTime()));
    await show();
    const chart = await until(() => $('[data-testid="grant-chart"]'));
    expect([...chart.querySelectorAll('.spans')].map((s) => s.textContent)).toEqual(['November 2025 – January 2026', 'since Feb 14, 2026']);
    expect(chart.querySelector('.axis')!.textContent).toMatch(/^November 2025/);
  });

  it('lists every deadline with its status and source', async () => {
    await record(db, input({ kind: 'cameo-deleted', details: {} }, NOW - 40 * DAY));
    await record(db, input({ kind: 'privacy-request-sent', details: { law: 'gdpr', channel: 'email', request: 'erasure' } }, NOW - DAY));
    await show();
    const table = await until(() => $('[data-testid="deadlines"]'));
    const statuses = [...table.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-status'));
    expect(statuses).toEqual(['overdue', 'open']);
    expect(table.textContent).toMatch(/Answer due \(GDPR \(EU and EEA\)\)/);
    expect(table.querySelector('a[href^="https://eur-lex.europa.eu"]')).not.toBeNull();
  });

  it('closes a purge window when the user checked, and records the answer to a request', async () => {
    const { event: deletion } = await record(db, input({ kind: 'cameo-deleted', details: {} }, NOW - 40 * DAY));
    const { event: request } = await record(db, input({ kind: 'privacy-request-sent', details: { law: 'gdpr', channel: 'email', request: 'erasure' } }, NOW - DAY));
    await show(`#entry=${deletion.id}`);
    await click(await until(() => $('[data-testid="verify-window"]')));
    await until(() => $('[data-testid="deadlines"] tr[data-status="verified"]'));
    const verified = (await db.events.toArray()).find((e) => e.kind === 'purge-verified');
    expect(verified?.kind === 'purge-verified' && verified.details.window).toBe(deletion.id);
    expect($('[data-testid="verify-window"]')).toBeNull();

    await click(rows().find((r) => r.dataset.id === request.id)!);
    const outcome = await until(() => $('[data-testid="entry-details"] select') as HTMLSelectElement | null);
    await setValue(outcome, 'refused');
    await click($('[data-testid="answer-window"]')!);
    await until(() => $$('[data-testid="deadlines"] tr[data-status="verified"]').length === 2);
    const answer = (await db.events.toArray()).find((e) => e.kind === 'privacy-answer-received');
    expect(answer?.kind === 'privacy-answer-received' && answer.details).toEqual({ request: request.id, outcome: 'refused' });
  });

  it('opens at the draft a reminder links to, with focus on it; "I sent it" records the letter and the panel waits for its answer', async () => {
    const { event: deletion } = await record(db, input({ kind: 'cameo-deleted', details: {} }, NOW - 40 * DAY));
    await show(`#entry=${deletion.id}&draft=follow-up`);
    const title = await until(() => $(`#draft-title-${deletion.id}`));
    await until(() => document.activeElement === title);
    expect(title.textContent).toBe('Next step: Request to erase and confirm');
    // Europe/Berlin: the settings' first guess is the GDPR.
    expect(($('[data-testid="draft-body"]') as HTMLTextAreaElement).value).toContain('Under Article 17 GDPR (right to erasure)');
    expect($('[data-testid="draft-mailto"]')!.getAttribute('href')).toMatch(/^mailto:dsar@openai\.com\?subject=Request%20to%20confirm%20erasure/);
    // In German, the same letter in German.
    await setValue($('[data-testid="draft-language"]') as HTMLSelectElement, 'de');
    expect(($('[data-testid="draft-body"]') as HTMLTextAreaElement).value).toMatch(/^Sehr geehrte Damen und Herren,/);

    await click($('[data-testid="draft-sent"]')!);
    await until(() => $('[data-testid="draft-waiting"]'));
    const sent = (await db.events.toArray()).filter((e) => e.kind === 'follow-up-sent');
    expect(sent.map((e) => e.kind === 'follow-up-sent' && e.details)).toEqual([{ window: deletion.id, law: 'gdpr', to: 'openai-privacy' }]);
    expect(changed).toHaveBeenCalled();
    await until(() => $(`[data-testid="deadlines"] tr[data-window="${sent[0]!.id}"][data-status="open"]`));
  });

  it('the deadlines table offers a draft for a late window only, and a calendar entry for each one not settled', async () => {
    const { event: late } = await record(db, input({ kind: 'cameo-deleted', details: {} }, NOW - 40 * DAY));
    const { event: running } = await record(db, input({ kind: 'privacy-request-sent', details: { law: 'gdpr', channel: 'email', request: 'erasure' } }, NOW - DAY));
    await show();
    await until(() => $('[data-testid="deadlines"]'));
    const row = (id: string) => $(`[data-testid="deadlines"] tr[data-window="${id}"]`)!;
    expect(row(late.id).querySelector('[data-testid="deadline-draft"]')!.getAttribute('aria-label')).toMatch(/^Draft a follow-up: Cameo purge, /);
    expect(row(running.id).querySelector('[data-testid="deadline-draft"]')).toBeNull();
    expect(row(late.id).querySelector('[data-testid="deadline-calendar"]')).not.toBeNull();
    expect(row(running.id).querySelector('[data-testid="deadline-calendar"]')).not.toBeNull();
    await act(() => (row(late.id).querySelector('[data-testid="deadline-draft"]') as HTMLElement).click());
    await until(() => document.activeElement === $(`#draft-title-${late.id}`));
  });

  it('erases everything, after saying what goes', async () => {
    await record(db, input({ kind: 'cameo-deleted', details: {} }, NOW - DAY));
    const { event } = await record(db, input({ kind: 'access-granted', details: { person: '@alex' }, source: 'page' }, NOW - DAY));
    await record(db, input({ kind: 'observation-reviewed', details: { target: event.id, verdict: 'confirmed' } }, NOW));
    await show();
    await until(() => rows().length === 2);
    await click($('[data-testid="erase"]')!);
    const dialog = await until(() => $('[data-testid="erase-dialog"]'));
    const items = [...dialog.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toContain('2 entries (1 entered by you) across 1 account');
    expect(items).toContain('1 earlier version, removal or review kept as history');
    expect(dialog.textContent).toMatch(/cannot be undone/);
    expect(dialog.querySelector('[data-testid="confirm"]')!.textContent).toBe('Erase 3 entries');
    await click(dialog.querySelector<HTMLElement>('[data-testid="confirm"]')!);
    await until(() => $('[data-testid="timeline-empty"]'));
    expect(await db.events.count()).toBe(0);
    expect($('[data-testid="announcer"]')!.textContent).toBe('Everything was erased.');
  });

  it('saves settings, and refuses a lead time out of range', async () => {
    await show();
    const lead = $('#s-lead') as HTMLInputElement;
    await setValue(lead, '45');
    await act(() => lead.form!.requestSubmit());
    expect($('#settings [role="alert"]')!.textContent).toBe('Check the marked fields.');
    await setValue(lead, '5');
    await act(() => lead.form!.requestSubmit());
    await until(() => $('#settings [role="status"]')!.textContent === 'Settings saved.');
  });
});
