// @vitest-environment happy-dom
/**
 * The content side in a DOM: what the watcher sends, when it scans, what each scan costs, how it
 * follows single-page navigations, and that it stops when WXT invalidates the content script.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { checkContentMessage, type ContentMessage } from '@/lib/background/messages';
import { askInPage, closeQuestion } from '@/components/in-page/ask';
import { BURST_NODES, DEBOUNCE_MS, EXPECT_MS, MAX_WAIT_MS, watchPage, type WatchOptions } from '@/lib/content/watch-page';
import { CHATGPT } from '@/lib/rules/chatgpt';
import { SORA } from '@/lib/rules/sora';
import type { SurfaceRules } from '@/lib/rules/page-rules';
import { SETTLE_MS } from '@/lib/rules/page-engine';

const happyDOM = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
let sent: ContentMessage[];
let ctx: ContentScriptContext;

function start(url: string, html: string, rules: SurfaceRules = SORA, options: WatchOptions = {}) {
  happyDOM.setURL(url);
  document.body.innerHTML = html;
  // The background answers every message it gets; an unanswered one is sent again.
  return watchPage(ctx, async (m) => (sent.push(structuredClone(m)), { ok: true as const }), rules, options);
}
/** Lets the observer deliver its records and the debounce run out. */
async function settle(ms = DEBOUNCE_MS + 10) {
  await Promise.resolve();
  await vi.advanceTimersByTimeAsync(ms);
}
const observations = () => sent.filter((m) => m.type === 'observation').map((m) => (m.type === 'observation' ? m.observation : null)!);
const ACCOUNT = '<button aria-label="Account: @alice">A</button>';
/** Sora shows the signed-in handle only in the sidebar's Profile link. */
const SORA_ACCOUNT = '<a href="/profile/alice" aria-label="Profile">◯</a>';
const CHARACTER = 'https://sora.chatgpt.com/profile/crystal.party';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(Date.UTC(2026, 5, 1, 12));
  sent = [];
  ctx = new ContentScriptContext('test');
});
afterEach(() => {
  ctx.notifyInvalidated();
  closeQuestion();
  vi.useRealTimers();
});

describe('watching a page', () => {
  it('announces the visit with the rules that watch it, and the handle the page shows', async () => {
    start(CHARACTER, `<nav>${SORA_ACCOUNT}</nav>`);
    expect(sent[0]).toEqual({
      type: 'page-visit',
      surface: 'sora',
      watching: [
        // Settings and pickers are dialogs over any route: most rules watch every page.
        'sora.cameo-created',
        'sora.audience-changed',
        'sora.access-granted',
        'sora.access-revoked',
        'sora.restrictions-changed',
        'sora.cameo-deleted',
        // A character is a profile: its unclear "Deleted", its drafts and its appearances.
        'sora.cameo-deleted.unclear',
        'sora.appearance.draft',
        'sora.appearance.post',
        'sora.account-deleted',
      ],
    });
    expect(sent[1]).toEqual({ type: 'account', surface: 'sora', handle: 'alice' });
  });

  it('reports what a rule sees as an observation the background accepts, under the shown handle', async () => {
    start(CHARACTER, `${SORA_ACCOUNT}<main></main>`);
    document.querySelector('main')!.innerHTML = '<p role="status">Cameo deleted</p>';
    await settle();
    expect(observations()).toEqual([
      {
        kind: 'cameo-deleted',
        occurredAt: Date.UTC(2026, 5, 1, 12) + DEBOUNCE_MS,
        account: { service: 'sora', handle: 'alice' },
        evidence: { rule: 'sora.cameo-deleted', shownText: 'Cameo deleted' },
        details: {},
      },
    ]);
    const message = sent.find((m) => m.type === 'observation')!;
    const checked = checkContentMessage(message, { id: 'ext', url: CHARACTER, tab: { id: 1 } }, 'ext');
    expect(checked.ok).toBe(true);
  });

  it('does no DOM work on a route no rule watches, and starts when a navigation reaches one', async () => {
    const watch = start('https://chatgpt.com/', `${ACCOUNT}<main></main>`, CHATGPT);
    expect(sent).toEqual([{ type: 'page-visit', surface: 'chatgpt', watching: [] }]);
    document.querySelector('main')!.innerHTML = '<p role="status">Your account has been deleted.</p>';
    await settle();
    expect(watch.stats).toEqual({ full: 0, partial: 0 });
    expect(observations()).toEqual([]);

    location.hash = '#settings/Account';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await settle();
    expect(sent).toContainEqual({ type: 'navigated', surface: 'chatgpt', watching: ['chatgpt.settings-dialog', 'chatgpt.profile-button', 'chatgpt.account-delete-button'] });
    expect(watch.stats.full).toBe(1);
    // ChatGPT's actions are logged from their requests: its pages alone log nothing.
    expect(observations()).toEqual([]);
  });

  it("reads ChatGPT's display name from the profile button, never its label or an email", async () => {
    const profile = (shown: string) => `<nav><button data-testid="accounts-profile-button" aria-label="Profilmenü öffnen"><img alt=""> ${shown} </button></nav>`;
    const watch = start('https://chatgpt.com/?model=x#settings/Account', profile('Alice Example'), CHATGPT);
    expect(sent).toContainEqual({ type: 'account', surface: 'chatgpt', handle: 'Alice Example' });
    expect(watch.handle()).toBe('Alice Example');
    sent = [];
    start('https://chatgpt.com/#settings/Account', profile('alice@example.org'), CHATGPT);
    expect(sent.filter((m) => m.type === 'account')).toEqual([]);
    // A button without the app's test hook is not the profile button.
    start('https://chatgpt.com/#settings/Account', '<button aria-label="Open profile menu">Mallory</button>', CHATGPT);
    expect(sent.filter((m) => m.type === 'account')).toEqual([]);
  });

  it('follows a pushState navigation through the DOM change that comes with it', async () => {
    start('https://sora.chatgpt.com/explore', `${SORA_ACCOUNT}<main>Feed</main>`);
    history.pushState({}, '', '/drafts');
    document.querySelector('main')!.innerHTML = '<ul aria-label="Drafts of me"><li><a href="/d/gen_1">Open</a> by @bob</li></ul>';
    await settle();
    expect(sent).toContainEqual({
      type: 'navigated',
      surface: 'sora',
      watching: ['sora.cameo-created', 'sora.audience-changed', 'sora.access-granted', 'sora.access-revoked', 'sora.restrictions-changed', 'sora.cameo-deleted', 'sora.appearance.draft', 'sora.account-deleted'],
    });
    expect(observations().map((o) => o.details)).toEqual([{ by: 'bob', where: 'draft', link: 'https://sora.chatgpt.com/d/gen_1' }]);
  });

  it('debounces a stream of small changes into one partial scan', async () => {
    const watch = start(CHARACTER, '<main></main>');
    const fullAtStart = watch.stats.full;
    for (let i = 0; i < 20; i++) {
      document.querySelector('main')!.append(document.createElement('p'));
      await Promise.resolve();
      await vi.advanceTimersByTimeAsync(10);
    }
    await settle();
    expect(watch.stats).toEqual({ full: fullAtStart, partial: 1 });
  });

  it('still scans a page that never stops changing, at least every MAX_WAIT_MS', async () => {
    const watch = start(CHARACTER, '<main></main>');
    for (let t = 0; t < 3 * MAX_WAIT_MS; t += DEBOUNCE_MS / 2) {
      document.querySelector('main')!.append(document.createElement('p'));
      await Promise.resolve();
      await vi.advanceTimersByTimeAsync(DEBOUNCE_MS / 2);
    }
    expect(watch.stats.partial).toBeGreaterThanOrEqual(2);
  });

  it('turns a huge burst into one rescan of the page instead of walking every node', async () => {
    const watch = start(CHARACTER, '<main></main>');
    const before = { ...watch.stats };
    const main = document.querySelector('main')!;
    for (let i = 0; i < BURST_NODES * 5; i++) main.append(document.createElement('div'));
    main.append(Object.assign(document.createElement('p'), { textContent: 'Cameo deleted' }));
    main.lastElementChild!.setAttribute('role', 'status');
    await settle();
    expect(watch.stats).toEqual({ full: before.full + 1, partial: before.partial });
    expect(observations().map((o) => o.evidence.rule)).toEqual(['sora.cameo-deleted']);
  });

  it('follows the signed-in account when the menu is relabelled or replaced', async () => {
    start(CHARACTER, `<nav>${SORA_ACCOUNT}</nav><main></main>`);
    const handles = () => sent.filter((m) => m.type === 'account').map((m) => (m.type === 'account' ? m.handle : ''));
    expect(handles()).toEqual(['alice']);
    document.querySelector('nav a')!.setAttribute('href', '/profile/bob');
    await settle();
    document.querySelector('nav')!.innerHTML = '<a href="/profile/carol" aria-label="Profile">C</a>';
    await settle();
    // A change elsewhere does not make the same handle news again.
    document.querySelector('main')!.append(document.createElement('p'));
    await settle();
    expect(handles()).toEqual(['alice', 'bob', 'carol']);
  });

  it('stops everything when the content script is invalidated', async () => {
    const watch = start(CHARACTER, '<main></main>');
    const stats = { ...watch.stats };
    const count = sent.length;
    ctx.notifyInvalidated();
    document.querySelector('main')!.innerHTML = '<p role="status">Cameo deleted</p>';
    location.hash = '#x';
    await settle(EXPECT_MS + 100);
    expect(watch.stats).toEqual(stats);
    expect(sent.length).toBe(count);
  });

  it('reads a choice made in a form field, which changes no DOM', async () => {
    start(CHARACTER, '<label>Character access <select><option>Only me</option><option>Everyone</option></select></label>');
    await settle(SETTLE_MS);
    const select = document.querySelector('select')!;
    select.selectedIndex = 1;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(observations().map((o) => o.details)).toEqual([{ before: 'only-me', after: 'everyone' }]);
  });

  it('keeps a form field that the confirmation replaces', async () => {
    const { PRIVACY } = await import('@/lib/rules/privacy');
    start('https://privacy.openai.com/', '<form><label>Where do you live? <select><option>Canada</option><option>United Kingdom</option></select></label></form>', PRIVACY);
    const select = document.querySelector('select')!;
    select.selectedIndex = 1;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    // The confirmation replaces the form before any scan runs.
    document.body.innerHTML = '<p role="status">Your request to download your data was submitted.</p>';
    await settle();
    expect(observations().map((o) => o.details)).toEqual([{ law: 'uk-gdpr', channel: 'privacy-portal', request: 'access' }]);
    expect(observations()[0]!.account.handle).toBe('unknown');
  });

  const PROFILE = '<button data-testid="accounts-profile-button" aria-label="Open profile menu">Alice</button>';
  const SETTINGS = '<div role="dialog"><div role="tablist"><button role="tab">Account</button></div></div>';

  it("says which of a route's anchors are missing after a few seconds, once", async () => {
    start('https://chatgpt.com/#settings/Account', `${PROFILE}<main>Loading</main>`, CHATGPT);
    await settle(EXPECT_MS - 500);
    expect(sent.filter((m) => m.type === 'detector-miss')).toEqual([]);
    await settle(1000);
    expect(sent.filter((m) => m.type === 'detector-miss')).toEqual([{ type: 'detector-miss', surface: 'chatgpt', rules: ['chatgpt.settings-dialog', 'chatgpt.account-delete-button'] }]);
  });

  it('looks for an English text only on an English page', async () => {
    document.documentElement.lang = 'de';
    start('https://chatgpt.com/#settings/Account', `${PROFILE}${SETTINGS}`, CHATGPT);
    await settle(EXPECT_MS + 100);
    expect(sent.filter((m) => m.type === 'detector-miss')).toEqual([]);
    document.documentElement.lang = '';
  });

  it('says nothing when the anchor shows up late, within the time', async () => {
    start('https://chatgpt.com/#settings/Account', `${PROFILE}<main>Loading</main>`, CHATGPT);
    await settle(2000);
    document.querySelector('main')!.innerHTML = `${SETTINGS}<p>Delete account <button>Delete</button></p>`;
    await settle(EXPECT_MS);
    expect(sent.filter((m) => m.type === 'detector-miss')).toEqual([]);
  });

  it('says when the page speaks a language the rules know no text of, and only then', async () => {
    document.documentElement.lang = 'nl';
    start('https://chatgpt.com/#settings/DataControls', `${PROFILE}${SETTINGS}`, CHATGPT);
    await settle(EXPECT_MS + 100);
    expect(sent.filter((m) => m.type === 'detector-miss')).toEqual([{ type: 'detector-miss', surface: 'chatgpt', rules: [], language: 'nl' }]);
    for (const known of ['de-DE', 'fr', 'es-419', 'en-US']) {
      sent = [];
      document.documentElement.lang = known;
      start('https://chatgpt.com/#settings/DataControls', `${PROFILE}${SETTINGS}`, CHATGPT);
      await settle(EXPECT_MS + 100);
      expect(sent.filter((m) => m.type === 'detector-miss'), known).toEqual([]);
    }
    document.documentElement.lang = '';
  });

  it('never takes an email address for the handle', () => {
    start(CHARACTER, '<a href="/profile/alice@example.org" aria-label="Profile">◯</a>');
    expect(sent.filter((m) => m.type === 'account')).toEqual([]);
  });

  it('sends an over-long handle as the page shows it: the background refuses it', async () => {
    start(CHARACTER, `<a href="/profile/${'a'.repeat(500)}" aria-label="Profile">◯</a><p role="status">Cameo deleted</p>`);
    const observation = sent.find((m) => m.type === 'observation')!;
    expect(checkContentMessage(observation, { id: 'ext', url: CHARACTER }, 'ext')).toMatchObject({ ok: false, error: expect.stringMatching(/handle/) });
  });
});

describe('asking about an unclear signal', () => {
  const trusted = () => true;
  const unclear = async (options: WatchOptions) => {
    start(CHARACTER, `${SORA_ACCOUNT}<main></main>`, SORA, options);
    document.querySelector('main')!.innerHTML = '<p role="status">Deleted</p>';
    await settle();
  };
  const prompt = () => document.querySelector<HTMLElement>('[data-likeness-ledger="ask"]');
  const button = (label: string) => [...prompt()!.querySelectorAll('button')].find((b) => b.textContent === label)!;

  it('asks in the page with an accessible dialog, and logs on "Log it"', async () => {
    await unclear({ ask: (q) => askInPage(q, { trusted }) });
    const dialog = prompt()!;
    expect(dialog.localName).toBe('dialog');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toContain('Log this as a cameo deletion?');
    expect(document.activeElement).toBe(button('Log it'));
    expect(observations()).toEqual([]);
    button('Log it').click();
    await settle();
    expect(prompt()).toBeNull();
    expect(observations().map((o) => [o.kind, o.evidence.rule])).toEqual([['cameo-deleted', 'sora.cameo-deleted.unclear']]);
  });

  it('logs nothing on "Not now" or Escape', async () => {
    await unclear({ ask: (q) => askInPage(q, { trusted }) });
    button('Not now').click();
    await settle();
    expect(prompt()).toBeNull();
    document.querySelector('main')!.innerHTML = '<p role="status">Deleted.</p>';
    await settle();
    prompt()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle();
    expect(prompt()).toBeNull();
    expect(observations()).toEqual([]);
  });

  it('does not take a page script’s synthetic click for the user', async () => {
    await unclear({ ask: (q) => askInPage(q) });
    button('Log it').click();
    await settle();
    expect(prompt()).not.toBeNull();
    expect(observations()).toEqual([]);
  });

  it('never logs an unclear signal where nobody can be asked', async () => {
    await unclear({});
    expect(prompt()).toBeNull();
    expect(observations()).toEqual([]);
  });

  it('is closed, unanswered, when the content script goes away', async () => {
    const answer = vi.fn();
    await unclear({ ask: (q) => askInPage(q, { trusted }).then(answer) });
    closeQuestion();
    await settle();
    expect(prompt()).toBeNull();
    expect(answer).toHaveBeenCalledWith(false);
  });
});

describe('a background that does not answer', () => {
  it('gets the message again, a little later, until it answers', async () => {
    happyDOM.setURL('https://chatgpt.com/');
    document.body.innerHTML = ACCOUNT;
    let calls = 0;
    // The first two attempts meet a stopped service worker: one rejects, one goes unanswered.
    watchPage(ctx, async (m) => {
      calls += 1;
      if (calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      if (calls === 2) return undefined;
      sent.push(structuredClone(m));
      return { ok: true as const };
    }, CHATGPT);
    await settle();
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent.filter((m) => m.type === 'page-visit')).toHaveLength(1);
    expect(calls).toBeGreaterThanOrEqual(3);
  });
});
