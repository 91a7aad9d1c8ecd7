// @vitest-environment happy-dom
/**
 * An account whose pages show no handle (ChatGPT) is named by the user, once: the name is a
 * user-only entry that labels the account everywhere, earlier entries too, without rewriting them.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountCard } from '@/components/popup/AccountCard';
import { AccountName } from '@/components/Isolated';
import { accountLabel, showAccountNames } from '@/components/text';
import { accountNames, needsName } from '@/lib/ledger/account-names';
import { LedgerEvent, UNKNOWN_HANDLE, type NewEvent } from '@/lib/ledger/events';
import { buildEvent, LedgerDb, loadSummaryInputs, record } from '@/lib/ledger/ledger';
import { effectiveEvents } from '@/lib/ledger/relations';
import { buildReport } from '@/lib/report/build';
import { Report } from '@/lib/report/schema';
import { popupSummary } from '@/lib/ledger/summary';
import { mayWrite } from '@/lib/ledger/writers';

const T = Date.UTC(2026, 1, 10, 9);
const CHATGPT = { service: 'chatgpt', handle: UNKNOWN_HANDLE } as const;
const OPTIONS = { now: T + 86_400_000, timeZone: 'Europe/Berlin' };
const freshDb = () => new LedgerDb('names-test', { indexedDB: new IDBFactory(), IDBKeyRange });
const exportSeen = (at: number): NewEvent => ({ kind: 'data-export-requested', account: CHATGPT, details: {}, occurredAt: at, source: 'network', evidence: {} });
const naming = (name: string, at: number, supersedes?: string): NewEvent => ({
  kind: 'account-named',
  account: CHATGPT,
  details: { name },
  occurredAt: at,
  source: 'manual',
  evidence: {},
  ...(supersedes ? { supersedes } : {}),
});

describe('the account-named entry', () => {
  it('is the user\'s alone: neither a page nor the network can name or rename an account', () => {
    expect([mayWrite('page', 'account-named'), mayWrite('network', 'account-named'), mayWrite('user', 'account-named')]).toEqual([false, false, true]);
  });

  it('holds a name as a handle is held: no direction controls, nothing else', () => {
    const e = buildEvent(naming('Work', T), T);
    expect(LedgerEvent.safeParse(e).success).toBe(true);
    expect(LedgerEvent.safeParse({ ...e, details: { name: 'Wo\u202Erk' } }).success).toBe(false);
    expect(LedgerEvent.safeParse({ ...e, details: { name: 'Work', email: 'me@example.com' } }).success).toBe(false);
  });
});

describe('naming an account in the ledger', () => {
  it('labels the observations before and after it, which stay filed under the account as recorded', async () => {
    const db = freshDb();
    await record(db, exportSeen(T), T);
    let summary = popupSummary(await loadSummaryInputs(db), OPTIONS);
    expect(summary.accounts.map((a) => [a.account, a.naming])).toEqual([[CHATGPT, undefined]]);
    expect(needsName(CHATGPT, accountNames(summary.latest))).toBe(true);

    const named = await record(db, naming('Work', T + 1000), T + 1000);
    await record(db, exportSeen(T + 2 * 86_400_000), T + 2 * 86_400_000);
    summary = popupSummary(await loadSummaryInputs(db), OPTIONS);
    // One account, named; the later observation is in it.
    expect(summary.accounts.map((a) => [a.account, a.naming])).toEqual([[CHATGPT, { id: named.event.id, name: 'Work' }]]);
    const all = effectiveEvents(await db.events.toArray());
    expect(all.filter((e) => e.kind === 'data-export-requested').map((e) => e.account)).toEqual([CHATGPT, CHATGPT]);

    // A new name is a new version: the popup's summary and every view take it.
    await record(db, naming('Personal', T + 3000, named.event.id), T + 3000);
    summary = popupSummary(await loadSummaryInputs(db), OPTIONS);
    expect(summary.accounts[0]?.naming?.name).toBe('Personal');
    expect(accountNames(effectiveEvents(await db.events.toArray()))).toEqual({ 'chatgpt|unknown': 'Personal' });
  });
});

describe('the name where the account is shown', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    showAccountNames({});
  });

  it('stands for "unknown", isolated in <bdi>', async () => {
    showAccountNames({});
    expect(accountLabel(CHATGPT)).toBe('ChatGPT · unknown');
    showAccountNames({ 'chatgpt|unknown': 'עבודה' });
    expect(accountLabel(CHATGPT)).toBe('ChatGPT · עבודה');
    // A Sora account with a handle keeps its handle.
    expect(accountLabel({ service: 'sora', handle: 'alice' })).toBe('Sora · alice');
    await act(() => render(<AccountName account={CHATGPT} />, root));
    expect(root.querySelector('bdi')?.textContent).toBe('עבודה');
  });

  it('is asked for in the popup\'s card until given, then offered for renaming', async () => {
    const recorded: NewEvent[] = [];
    const card = (naming?: { id: string; name: string }) => (
      <AccountCard summary={{ account: CHATGPT, audience: null, people: [], windows: [], ...(naming ? { naming } : {}) }} now={T} onOpen={() => {}} record={async (e) => (recorded.push(e), 'id-00000001')} onNamed={() => {}} />
    );
    await act(() => render(card(), root));
    const input = root.querySelector<HTMLInputElement>('[data-testid="account-name"]')!;
    expect(root.querySelector('[data-testid="name-account"]')?.textContent).toContain('This ChatGPT account shows no handle on its pages: name it');
    await act(() => {
      input.value = 'Work';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => root.querySelector<HTMLFormElement>('form')!.requestSubmit());
    expect(recorded).toMatchObject([{ kind: 'account-named', account: CHATGPT, details: { name: 'Work' }, source: 'manual' }]);

    await act(() => render(card({ id: 'id-00000001', name: 'Work' }), root));
    expect(root.querySelector('[data-testid="name-account"]')).toBeNull();
    await act(() => root.querySelector<HTMLButtonElement>('[data-testid="rename-account"]')!.click());
    expect(root.querySelector<HTMLInputElement>('[data-testid="account-name"]')?.value).toBe('Work');
    // The focus moves into the form it opened.
    expect(document.activeElement).toBe(root.querySelector('[data-testid="account-name"]'));
  });
});

describe('the redacted report', () => {
  it('numbers an account\'s name like a handle, wherever it is written', async () => {
    const events = [
      buildEvent(exportSeen(T), T, 'names-ev-0001'),
      buildEvent(naming('me@example.com', T + 1000), T + 1000, 'names-ev-0002'),
      buildEvent({ kind: 'note', account: CHATGPT, details: { text: 'Asked for me@example.com’s data' }, occurredAt: T + 2000, source: 'manual', evidence: {} }, T + 2000, 'names-ev-0003'),
    ];
    const report = Report.parse(await buildReport(events, { scope: { kind: 'all' }, redact: true, extensionVersion: '0.1.0', ...OPTIONS }));
    const text = JSON.stringify(report);
    expect(text).not.toContain('example.com');
    const [, named, note] = report.events as unknown as { details: Record<string, unknown> }[];
    expect(named!.details).toEqual({ name: 'account-1' });
    expect(note!.details).toEqual({ text: 'Asked for account-1’s data' });
    // Unredacted, the name is the user's, kept as written.
    const plain = Report.parse(await buildReport(events, { scope: { kind: 'all' }, redact: false, extensionVersion: '0.1.0', ...OPTIONS }));
    expect(JSON.stringify(plain)).toContain('me@example.com');
  });
});
