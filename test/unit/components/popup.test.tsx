// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Popup, type PopupActions, type PopupData } from '@/components/popup/Popup';
import type { LedgerEvent, NewEvent } from '@/lib/ledger/events';
import { buildEvent } from '@/lib/ledger/ledger';
import { popupSummary } from '@/lib/ledger/summary';
import type { TabStatus } from '@/lib/background/tab-status';
import { until as waitUntil } from '../helpers/until';

const DAY = 86_400_000;
const NOW = Date.now();
const me = { service: 'sora', handle: '@me' } as const;
const work = { service: 'chatgpt', handle: 'work account' } as const;
const ev = (input: Partial<NewEvent> & Pick<NewEvent, 'kind' | 'details'>, at: number): LedgerEvent =>
  buildEvent({ account: me, source: 'manual', evidence: {}, occurredAt: at, ...input } as NewEvent, at);

function dataOf(events: LedgerEvent[], tab: TabStatus | null = null): PopupData {
  const latest = [...events].sort((a, b) => b.occurredAt - a.occurredAt).slice(0, 10);
  return { summary: popupSummary({ events, latest }, { now: NOW, timeZone: 'Europe/Berlin' }), tab, law: 'gdpr' };
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const until = <T,>(check: () => T | null | undefined | false) => waitUntil(check, 3000);
const $ = (selector: string) => root.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
const click = (el: HTMLElement) => act(() => el.click());

function actionsFor(data: PopupData): PopupActions & { recorded: NewEvent[] } {
  const recorded: NewEvent[] = [];
  return {
    recorded,
    load: vi.fn(async () => data),
    record: vi.fn(async (event: NewEvent) => {
      recorded.push(event);
      return 'new-entry-id';
    }),
    undo: vi.fn(async () => {}),
    openDashboard: vi.fn(),
    copyBugReport: vi.fn(async () => {}),
    grantSiteAccess: vi.fn(async () => true),
  };
}

async function show(actions: PopupActions) {
  await act(() => render(<Popup actions={actions} />, root));
  await until(() => root.querySelector('.popup[aria-busy="false"]'));
}

describe('the popup at a glance', () => {
  it('says honestly that nothing is recorded yet', async () => {
    await show(actionsFor(dataOf([])));
    expect($('[data-testid="empty-state"]')!.textContent).toMatch(/Nothing recorded yet/);
    expect($$('[data-testid="account"]')).toHaveLength(0);
  });

  it('shows per account who can use the cameo, since when, and the windows with their countdowns', async () => {
    const events = [
      ev({ kind: 'audience-changed', details: { after: 'people-i-approve' } }, NOW - 40 * DAY),
      ev({ kind: 'access-granted', details: { person: '@alex' } }, NOW - 20 * DAY),
      ev({ kind: 'access-granted', details: { person: '@sam' } }, NOW - 19 * DAY),
      ev({ kind: 'access-revoked', details: { person: '@sam' } }, NOW - 18 * DAY),
      ev({ kind: 'cameo-deleted', details: {} }, NOW - 2 * DAY),
      ev({ kind: 'account-deletion-requested', details: { linkedAccounts: ['sora', 'api-platform'] }, account: work }, NOW - 45 * DAY),
    ];
    // Before the cameo was deleted: who could use it, and since when.
    await show(actionsFor(dataOf(events.filter((e) => e.kind !== 'cameo-deleted'))));
    const before = $('[data-testid="people"]')!.textContent!;
    expect(before).toMatch(/@alex\s*since/);
    expect(before).not.toMatch(/@sam/);
    render(null, root);
    // After: the deletion ended everyone's access.
    await show(actionsFor(dataOf(events)));
    const [sora, chatgpt] = $$('[data-testid="account"]');
    expect(sora!.querySelector('h3')!.textContent).toBe('Sora · @me');
    expect(sora!.querySelector('[data-testid="audience"]')!.textContent).toBe('People I approve');
    expect(sora!.querySelector('[data-testid="people"]')).toBeNull();
    // Due at the end of the local day 28 days from now: between 28 and 29 days away (give or take a
    // daylight-saving hour) depending on the time of day the test runs, rounded to whole days.
    expect(sora!.querySelector('[data-testid="open-windows"]')!.textContent).toMatch(/Cameo purge.*(28|29) days left/);
    expect(chatgpt!.querySelector('h3')!.textContent).toBe('ChatGPT · work account');
    // No cameo lived on a ChatGPT account: no "who can use your cameo" rows there.
    expect(chatgpt!.querySelector('[data-testid="audience"]')).toBeNull();
    expect(chatgpt!.textContent).not.toMatch(/cameo/i);
    expect(chatgpt!.querySelector('[data-testid="late-windows"]')!.textContent).toMatch(/Account data purge.*Overdue.*days past the deadline/);
    expect($$('[data-testid="latest-events"] li')).toHaveLength(6);
  });

  it('isolates what others wrote (handles, names, notes) in <bdi>, so a right-to-left name cannot reorder the line', async () => {
    const rtl = { service: 'sora', handle: 'מיכל' } as const;
    const events = [
      ev({ kind: 'access-granted', details: { person: 'סהר' }, account: rtl }, NOW - 3 * DAY),
      ev({ kind: 'note', details: { text: 'abc \u202Edef' }, account: rtl }, NOW - 2 * DAY),
    ];
    await show(actionsFor(dataOf(events)));
    const card = $('[data-testid="account"]')!;
    expect([...card.querySelectorAll('h3 bdi')].map((b) => b.textContent)).toEqual(['מיכל']);
    expect([...card.querySelectorAll('[data-testid="people"] bdi')].map((b) => b.textContent)).toEqual(['סהר']);
    const latest = $$('[data-testid="latest-events"] bdi').map((b) => b.textContent);
    expect(latest).toEqual(expect.arrayContaining(['abc \u202Edef', 'סהר', 'מיכל']));
  });

  it('opens the dashboard at a window’s entry', async () => {
    const deletion = ev({ kind: 'cameo-deleted', details: {} }, NOW - DAY);
    const actions = actionsFor(dataOf([deletion]));
    await show(actions);
    await click($('[data-testid="open-windows"] button')!);
    expect(actions.openDashboard).toHaveBeenCalledWith(`entry=${deletion.id}`);
    await click($('[data-testid="export-report"]')!);
    expect(actions.openDashboard).toHaveBeenCalledWith('import-export');
  });

  it('offers the follow-up draft on the overdue line, as the reminder does, and not for a window still running', async () => {
    const late = ev({ kind: 'cameo-deleted', details: {} }, NOW - 40 * DAY);
    const running = ev({ kind: 'cameo-deleted', details: {} }, NOW - DAY);
    const actions = actionsFor(dataOf([late, running]));
    await show(actions);
    expect($$('[data-testid="open-windows"] [data-testid="draft-follow-up"]')).toHaveLength(0);
    const draft = $('[data-testid="late-windows"] [data-testid="draft-follow-up"]')!;
    expect(draft.textContent).toBe('Draft a follow-up');
    expect(draft.getAttribute('aria-label')).toBe('Draft a follow-up: Cameo purge');
    await click(draft);
    expect(actions.openDashboard).toHaveBeenCalledWith(`entry=${late.id}&draft=follow-up`);
  });
});

describe('quick add in the popup', () => {
  it('records a cameo deletion in two clicks, on the most recent account, now; and takes it back', async () => {
    const actions = actionsFor(
      dataOf([ev({ kind: 'cameo-created', details: {}, account: work }, NOW - 9 * DAY), ev({ kind: 'cameo-created', details: {} }, NOW - DAY)]),
    );
    await show(actions);
    await click($('[data-testid="quick-cameo-deleted"]')!);
    const save = await until(() => $('[data-testid="quick-add-save"]'));
    await click(save);
    await until(() => actions.recorded.length === 1);
    const [event] = actions.recorded;
    expect(event).toMatchObject({ kind: 'cameo-deleted', account: me, source: 'manual', details: {} });
    expect(Math.abs(event!.occurredAt - Date.now())).toBeLessThan(2 * 60_000);
    const status = await until(() => $('[data-testid="quick-status"]')?.textContent?.includes('Recorded') && $('[data-testid="quick-status"]'));
    expect(status.textContent).toMatch(/Recorded: Cameo deleted \(Sora · @me\)/);
    // The form is gone and focus is back on the button that opened it.
    expect($('[data-testid="quick-add-form"]')).toBeNull();
    expect(document.activeElement).toBe($('[data-testid="quick-cameo-deleted"]'));
    await click($('[data-testid="quick-undo"]')!);
    await until(() => (actions.undo as ReturnType<typeof vi.fn>).mock.calls.length === 1);
    expect(actions.undo).toHaveBeenCalledWith('new-entry-id');
  });

  it('will not record a grant to nobody: it says so at the field and moves focus there', async () => {
    const actions = actionsFor(dataOf([ev({ kind: 'cameo-created', details: {} }, NOW - DAY)]));
    await show(actions);
    await click($('[data-testid="quick-access-granted"]')!);
    await click(await until(() => $('[data-testid="quick-add-save"]')));
    const person = await until(() => $('input[aria-invalid="true"]'));
    expect(person.getAttribute('list')).toBeTruthy();
    const error = document.getElementById(person.getAttribute('aria-describedby')!.split(' ').pop()!)!;
    expect(error.textContent).toBe("Enter the person's username.");
    await until(() => document.activeElement === person);
    expect(actions.record).not.toHaveBeenCalled();
  });

  it('revokes from the only person with access without typing', async () => {
    const actions = actionsFor(dataOf([ev({ kind: 'access-granted', details: { person: '@alex' } }, NOW - DAY)]));
    await show(actions);
    await click($('[data-testid="quick-access-revoked"]')!);
    await click(await until(() => $('[data-testid="quick-add-save"]')));
    await until(() => actions.recorded.length === 1);
    expect(actions.recorded[0]).toMatchObject({ kind: 'access-revoked', details: { person: '@alex' }, account: me });
  });

  it('asks for the account when none is known yet, and takes a backdated date', async () => {
    const actions = actionsFor(dataOf([]));
    await show(actions);
    await click($('[data-testid="quick-account-deletion-requested"]')!);
    const form = await until(() => $('[data-testid="quick-add-form"]'));
    const handle = form.querySelector<HTMLInputElement>('input:not([type])')!;
    // Focus starts on what is still to fill in.
    expect(document.activeElement).toBe(handle);
    await act(() => {
      handle.value = 'me@example';
      handle.dispatchEvent(new Event('input', { bubbles: true }));
      const when = form.querySelector<HTMLInputElement>('input[type="datetime-local"]')!;
      when.value = '2025-09-01T08:15';
      when.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click($('[data-testid="quick-add-save"]')!);
    await until(() => actions.recorded.length === 1);
    expect(actions.recorded[0]).toMatchObject({
      kind: 'account-deletion-requested',
      account: { service: 'sora', handle: 'me@example' },
      occurredAt: new Date(2025, 8, 1, 8, 15).getTime(),
      details: { linkedAccounts: ['chatgpt', 'api-platform'] },
    });
  });

  it('marks the open form’s button as expanded, and a second click closes it', async () => {
    await show(actionsFor(dataOf([])));
    const button = $('[data-testid="quick-privacy-request-sent"]')!;
    await click(button);
    await until(() => $('[data-testid="quick-add-form"]'));
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(button.getAttribute('aria-controls')!)).not.toBeNull();
    await click(button);
    expect($('[data-testid="quick-add-form"]')).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('this tab', () => {
  it('says which surface is watched and what was seen on this visit', async () => {
    const seen = ev({ kind: 'access-granted', details: { person: '@alex' }, source: 'page' }, NOW - 60_000);
    await show(actionsFor(dataOf([seen], { surface: 'sora', path: '/profile', seen: [seen.id], misses: [] })));
    expect($('[data-testid="tab-status"]')!.textContent).toMatch(/Watching: Sora.*\/profile/);
    expect($('[data-testid="tab-seen"]')!.textContent).toBe('Recorded on this visit: 1: Access granted');
    expect($('[data-testid="tab-misses"]')).toBeNull();
  });

  it('when detection missed, offers a bug description to copy', async () => {
    const tab: TabStatus = { surface: 'chatgpt', path: '/settings', seen: [], misses: ['chatgpt-delete-account'] };
    const actions = actionsFor(dataOf([], tab));
    await show(actions);
    expect($('[data-testid="tab-misses"]')!.textContent).toMatch(/Detection may be out of date on this page/);
    await click($('[data-testid="tab-misses"] button')!);
    await until(() => $('[data-testid="tab-misses"] [role="status"]')!.textContent);
    expect(actions.copyBugReport).toHaveBeenCalledWith(tab);
    expect($('[data-testid="tab-misses"] [role="status"]')!.textContent).toMatch(/^Copied/);
  });

  it('says when the page speaks a language whose texts it does not know, and offers the bug description', async () => {
    const tab: TabStatus = { surface: 'chatgpt', path: '/', seen: [], misses: [], unknownLanguage: 'nl' };
    const actions = actionsFor(dataOf([], tab));
    await show(actions);
    expect($('[data-testid="tab-language"]')!.textContent).toMatch(/does not know \(nl\).*structure/);
    expect($('[data-testid="tab-misses"]')!.textContent).not.toMatch(/Detection may be out of date/);
    await click($('[data-testid="tab-misses"] button')!);
    expect(actions.copyBugReport).toHaveBeenCalledWith(tab);
  });

  it('says when the page is not one it watches', async () => {
    await show(actionsFor(dataOf([])));
    expect($('[data-testid="tab-status"]')!.textContent).toBe('Not an OpenAI page this extension watches.');
    expect($('[data-testid="site-access-withdrawn"]')).toBeNull();
  });

  it('says why when the user withdrew the access to an OpenAI site, and asks for it again from the click', async () => {
    const withdrawn = ['https://chatgpt.com/*'];
    const actions = actionsFor({ ...dataOf([]), withdrawn });
    let granted = false;
    actions.grantSiteAccess = vi.fn(async () => granted);
    await show(actions);
    expect($('[data-testid="site-access-withdrawn"] p')!.textContent).toBe(
      "This page is not watched: the extension's access to chatgpt.com was withdrawn in the browser's extension settings.",
    );
    // Refused in the browser's prompt: it says so, and the notice stays.
    await click($('[data-testid="site-access-grant"]')!);
    await until(() => $('[data-testid="site-access-withdrawn"] [role="status"]')!.textContent!.includes('not granted'));
    expect(actions.grantSiteAccess).toHaveBeenCalledWith(withdrawn);
    // Granted: the popup reads everything again, and the access is back.
    granted = true;
    actions.load = vi.fn(async () => ({ ...dataOf([]), withdrawn: [] }));
    await click($('[data-testid="site-access-grant"]')!);
    await until(() => $('[data-testid="site-access-withdrawn"]') === null);
    expect(actions.load).toHaveBeenCalled();
  });
});

describe('the ledger\'s fingerprint in the popup', () => {
  it('says when the background found the chain broken, and leads to the dashboard; says nothing otherwise', async () => {
    const actions = actionsFor({ ...dataOf([]), fingerprintBroken: true });
    await show(actions);
    const alert = $('[data-testid="fingerprint-broken"]')!;
    expect(alert.getAttribute('role')).toBe('alert');
    await click(alert.querySelector('button')!);
    expect(actions.openDashboard).toHaveBeenCalledWith('import-export');
    render(null, root);
    await show(actionsFor(dataOf([])));
    expect($('[data-testid="fingerprint-broken"]')).toBeNull();
  });
});
