/**
 * The watchers end to end, in Chromium and Firefox: each action, done on its fixture page as a
 * user would, becomes exactly one effective ledger event with the right fields; pages where
 * nothing happens write nothing; a page showing impossible text writes nothing; a page whose
 * layout the rules do not know is reported; and after each run, everything stored is checked
 * against the schemas (no email address, token, cookie or HTML anywhere).
 *
 * Each block runs in a fresh browser (a fresh ledger): an action's idempotency key holds for ten
 * minutes, so two deletions of "the" cameo in one ledger would rightly be one fact.
 */
import { expect, it } from 'vitest';
import * as z from 'zod/mini';
import { LedgerEvent } from '@/lib/events';
import { effectiveEvents } from '@/lib/ledger';
import { REFUSED_KEY } from '@/lib/background/content-messages';
import { FINGERPRINT_CHECK_KEY } from '@/lib/background/fingerprint-check';
import { REMINDER_LOG_KEY, ReminderLog } from '@/lib/reminders/log';
import { describeForBugReport } from '@/lib/rules/bug-report';
import { PENDING_KEY, PendingStore } from '@/lib/pending-queue';
import { SETTINGS_KEY, Settings } from '@/lib/settings';
import { TabStatus } from '@/lib/tab-status';
import type { Harness, Page } from './harness/browser';
import { eventually } from './harness/eventually';
import { fixtureUrl, inEachBrowser } from './harness/suite';

const SORA = 'sora.chatgpt.com';
/** Lists and radio groups settle for a second after they appear (lib/rules/page-engine.ts), as a person takes a moment to act. */
const SETTLE = 1200;
/** Long enough for a late duplicate (a page signal after its network twin) to have arrived. */
const QUIET = 1500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const tabStatusOf = (tabId: number) => ext.storage.session.get(`tab:${tabId}`).then((all) => all[`tab:${tabId}`] as TabStatus | undefined);

/** Opens a page and waits until its content script is watching it (and has read the signed-in handle). */
async function open(h: () => Harness, host: string, path: string, handle: string | null = 'alice'): Promise<{ page: Page; tabId: number }> {
  const url = fixtureUrl(host, path);
  const page = await h().newPage(url);
  const tabId = await h().tabIdOf(url);
  await eventually(async () => {
    const status = await h().inExtension(tabStatusOf, tabId);
    expect(status?.watching?.length).toBeGreaterThan(0);
    if (handle) expect(status?.handle).toBe(handle);
  });
  await sleep(SETTLE);
  return { page, tabId };
}

const countable = (e: LedgerEvent) => e.kind !== 'deletion-warning-shown';
const effectiveIds = async (h: () => Harness) => new Set(effectiveEvents(await h().ledger()).map((e) => e.id));

/** Runs an action; expects exactly the given new effective events (in any order), and nothing more after a while. */
async function expectNew(h: () => Harness, action: () => Promise<void>, ...expected: Record<string, unknown>[]): Promise<LedgerEvent[]> {
  const before = await effectiveIds(h);
  await action();
  const fresh = async () => effectiveEvents(await h().ledger()).filter((e) => !before.has(e.id) && countable(e));
  const check = async () => {
    const found = await fresh();
    expect(found).toHaveLength(expected.length);
    for (const e of expected) expect(found).toContainEqual(expect.objectContaining(e));
    return found;
  };
  await eventually(check, 15_000);
  await sleep(QUIET);
  return check();
}

/**
 * The in-page deletion warning (lib/warning) holds the final step of an account deletion until the
 * user chooses. When it shows, choose "Continue with deletion" by keyboard, as its own test does.
 */
async function continuePastWarning(page: Page) {
  const shown = () => document.querySelector('[data-likeness-ledger="warning"]') !== null;
  try {
    await eventually(async () => expect(await page.evaluate(shown)).toBe(true), 2500);
  } catch {
    return;
  }
  await page.press('Shift+Tab');
  await page.press('Enter');
  await eventually(async () => expect(await page.evaluate(shown)).toBe(false));
}

/** A <select> has no typing in the harness; the user's choice is the value and the change event. */
const choose = (page: Page, selector: string, label: string) =>
  page.evaluate(([s, l]) => {
    const select = document.querySelector(s) as HTMLSelectElement;
    select.value = l;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, [selector, label] as [string, string]);

const EMAIL = /[^\s@"<>]+@[^\s@"<>]+\.[a-z]{2,}/i;
const Refusals = z.array(z.strictObject({ at: z.number(), error: z.string(), host: z.string() }));
/** The ledger's fingerprint check of this session (lib/background/fingerprint-check.ts), written out here. */
const FingerprintCheck = z.strictObject({ ok: z.boolean(), checkedAt: z.number(), seq: z.optional(z.number()) });

/** Everything the extension stored, checked against its schemas; nothing that looks like an email, a token, a cookie or HTML. */
const EVENT_FIELDS = ['id', 'key', 'kind', 'occurredAt', 'recordedAt', 'account', 'source', 'certainty', 'evidence', 'details', 'supersedes'];
const EVIDENCE_FIELDS = ['url', 'rule', 'shownText'];

async function expectOnlySchemaData(h: () => Harness) {
  const events = await h().ledger();
  expect(events.length).toBeGreaterThan(0);
  for (const e of events) expect(LedgerEvent.safeParse(e).error?.issues).toBeUndefined();
  // The same, written out here: a schema loosened in lib/events.ts must not loosen its own check.
  for (const e of events) {
    expect(Object.keys(e).filter((k) => !EVENT_FIELDS.includes(k)), `fields of a ${e.kind} event`).toEqual([]);
    expect(Object.keys(e.account).sort(), `account of a ${e.kind} event`).toEqual(['handle', 'service']);
    expect(Object.keys(e.evidence).filter((k) => !EVIDENCE_FIELDS.includes(k)), `evidence of a ${e.kind} event`).toEqual([]);
    if (e.evidence.url !== undefined) expect(e.evidence.url, `evidence URL of a ${e.kind} event`).toMatch(/^https:\/\/[^?#]+$/);
  }
  const [local, session] = await Promise.all([
    h().inExtension(() => ext.storage.local.get(null)),
    h().inExtension(() => ext.storage.session.get(null)),
  ]);
  const LOCAL: Record<string, z.ZodMiniType> = { [SETTINGS_KEY]: Settings, [REMINDER_LOG_KEY]: ReminderLog, [PENDING_KEY]: PendingStore };
  for (const [key, value] of Object.entries(local)) {
    expect(LOCAL[key], `storage.local "${key}" has a schema`).toBeDefined();
    expect(LOCAL[key]!.safeParse(value).success, `storage.local "${key}"`).toBe(true);
  }
  for (const [key, value] of Object.entries(session)) {
    const schema = key.startsWith('tab:') ? TabStatus : key === REFUSED_KEY ? Refusals : key === FINGERPRINT_CHECK_KEY ? FingerprintCheck : undefined;
    expect(schema, `storage.session "${key}" has a schema`).toBeDefined();
    expect(schema!.safeParse(value).success, `storage.session "${key}"`).toBe(true);
  }
  const everything = JSON.stringify({ events, local, session });
  expect(everything).not.toMatch(EMAIL);
  expect(everything).not.toMatch(/token|cookie|bearer|authorization|session_id/i);
  expect(everything).not.toMatch(/<\/?[a-z][^>]*>/i);
}

inEachBrowser('watchers: Sora', (h) => {
  it('creating a cameo: one event, confirmed by the network, with its id', async () => {
    const { page } = await open(h, SORA, '/profile');
    await expectNew(
      h,
      async () => {
        await page.click('#create-cameo');
        await page.click('#record');
        await page.waitFor('#upload:not([disabled])');
        await page.click('#upload');
      },
      { kind: 'cameo-created', source: 'network', certainty: 'confirmed', account: { service: 'sora', handle: 'alice' }, details: { cameoId: 'ch_new1' } },
    );
    await page.close();
  });

  it('each change of who can use it, all four levels', async () => {
    const { page } = await open(h, SORA, '/profile/cameo');
    const pick = (value: string) => () => page.click(`[role="radio"][data-value="${value}"]`);
    // "public" is confirmed by the network; which of the others "private" means only the page says.
    await expectNew(h, pick('everyone'), { kind: 'audience-changed', certainty: 'confirmed', details: { after: 'everyone' } });
    await expectNew(h, pick('people-i-approve'), { kind: 'audience-changed', source: 'page', certainty: 'seen-on-page', details: { before: 'everyone', after: 'people-i-approve' } });
    await expectNew(h, pick('mutuals'), { kind: 'audience-changed', source: 'page', details: { before: 'people-i-approve', after: 'mutuals' } });
    const [last] = await expectNew(h, pick('only-me'), { kind: 'audience-changed', source: 'page', details: { before: 'mutuals', after: 'only-me' } });
    expect(last!.evidence).toEqual({ url: fixtureUrl(SORA, '/profile/cameo'), rule: 'sora.audience-changed', shownText: 'Who can use your cameo: Only me' });
    await page.close();
  });

  it('approving a person, removing a person, changing the restrictions, deleting the cameo', async () => {
    const { page } = await open(h, SORA, '/profile/cameo');
    await expectNew(
      h,
      async () => {
        await page.fill('#new-person', '@dave');
        await page.click('#approve');
      },
      { kind: 'access-granted', source: 'page', account: { service: 'sora', handle: 'alice' }, details: { person: 'dave' } },
    );
    await expectNew(
      h,
      async () => {
        await page.click('[aria-label="Remove @bob"]');
        await page.click('#confirm-remove');
      },
      { kind: 'access-revoked', source: 'page', details: { person: 'bob' } },
    );
    await expectNew(
      h,
      async () => {
        await page.fill('#restrictions', 'No political videos. Never in ads.');
        await page.click('#save-restrictions');
      },
      { kind: 'restrictions-changed', certainty: 'confirmed', details: { restrictions: 'No political videos. Never in ads.' } },
    );
    await expectNew(
      h,
      async () => {
        await page.click('#delete-cameo');
        await page.click('#confirm-delete');
      },
      { kind: 'cameo-deleted', source: 'network', certainty: 'confirmed', details: { cameoId: 'ch_5f2c' } },
    );
    await page.close();
  });

  it('looking at drafts that use it: one event per draft, once', async () => {
    const DRAFTS = '/drafts?from=share&token=page-secret';
    const drafts = { kind: 'appearance-seen', source: 'page', account: { service: 'sora', handle: 'alice' } };
    let page: Page | undefined;
    await expectNew(
      h,
      // Arrived at from a shared link: the query (a token, say) must not reach the ledger.
      async () => void ({ page } = await open(h, SORA, DRAFTS)),
      { ...drafts, details: { by: 'bob', where: 'draft', link: 'https://sora.chatgpt.com/d/gen_01' } },
      { ...drafts, details: { by: 'carol', where: 'draft', link: 'https://sora.chatgpt.com/d/gen_02' } },
    );
    await page!.close();
    // Seeing the same drafts again is the same appearance.
    await expectNew(h, async () => void (await (await open(h, SORA, DRAFTS)).page.close()));
  });

  it('looking at posts it appears in', async () => {
    const { page } = await open(h, SORA, '/profile');
    await expectNew(h, () => page.click('#tab-appearances'), {
      kind: 'appearance-seen',
      details: { by: 'dave', where: 'post', link: 'https://sora.chatgpt.com/p/s_01' },
    });
    await page.close();
  });

  it('deleting the Sora account', async () => {
    const { page } = await open(h, SORA, '/settings');
    await expectNew(
      h,
      async () => {
        await page.click('#delete-account');
        await page.click('#confirm-delete-account');
        await continuePastWarning(page);
      },
      { kind: 'account-deletion-requested', source: 'page', account: { service: 'sora', handle: 'alice' }, details: { linkedAccounts: ['chatgpt', 'api-platform'] } },
    );
    await page.close();
  });

  it('stores nothing beyond what the schemas name', () => expectOnlySchemaData(h));
});

inEachBrowser('watchers: the "Characters" wording', (h) => {
  const path = '/profile/characters/ch_5f2c';

  it('reads the renamed settings', async () => {
    const { page } = await open(h, SORA, path);
    await expectNew(h, () => page.click('[role="radio"][data-value="everyone"]'), { kind: 'audience-changed', certainty: 'confirmed', details: { after: 'everyone' } });
    await page.close();
  });

  it('asks before logging an unclear "Deleted", and logs nothing on "Not now"', async () => {
    const prompt = '[data-likeness-ledger="ask"]';
    const deleteIt = async (page: Page) => {
      await page.click('#delete-cameo');
      await page.click('#confirm-delete');
      await page.waitFor(prompt);
      expect(await page.text(prompt)).toContain('Log this as a cameo deletion?');
    };
    const first = await open(h, SORA, path);
    await expectNew(h, async () => {
      await deleteIt(first.page);
      await first.page.click(`${prompt} button:nth-of-type(2)`);
      expect(await first.page.count(prompt)).toBe(0);
    });
    await first.page.close();

    const second = await open(h, SORA, path);
    await expectNew(
      h,
      async () => {
        await deleteIt(second.page);
        await second.page.click(`${prompt} button:nth-of-type(1)`);
      },
      { kind: 'cameo-deleted', source: 'page', certainty: 'seen-on-page', evidence: { url: fixtureUrl(SORA, path), rule: 'sora.cameo-deleted.unclear', shownText: 'Deleted' } },
    );
    await second.page.close();
  });

  it('stores nothing beyond what the schemas name', () => expectOnlySchemaData(h));
});

const CHATGPT = 'chatgpt.com';
const PORTAL = 'privacy.openai.com';
/** What ChatGPT's profile button shows (the fixture's /backend-api/me `name`): the account's name in the ledger. */
const DISPLAY_NAME = 'Alice Example';
const CHATGPT_ACCOUNT = { service: 'chatgpt', handle: DISPLAY_NAME };
const CHATGPT_LINKED = { linkedAccounts: ['sora', 'api-platform'] };
/** The word the fixture's deletion dialog asks for, by language. */
const TYPED_WORD = { en: 'DELETE', de: 'DELETE', fr: 'SUPPRIMER', es: 'ELIMINAR' } as const;

for (const lang of ['en', 'de', 'fr', 'es'] as const) {
  inEachBrowser(`watchers: ChatGPT in ${lang}`, (h) => {
    it('requesting a data export: profile menu → Settings → Data controls → Export → Confirm export, one event', async () => {
      const url = fixtureUrl(CHATGPT, `/c/6789-abc?lang=${lang}`);
      const page = await h().newPage(url);
      const tabId = await h().tabIdOf(url);
      await expectNew(
        h,
        async () => {
          // The settings dialog opens over the conversation, as the real one does.
          await page.click('[data-testid="accounts-profile-button"]');
          await page.click('[data-testid="settings-menu-item"]');
          await eventually(async () => expect((await h().inExtension(tabStatusOf, tabId))?.handle).toBe(DISPLAY_NAME));
          await page.click('[data-fixture="tab-DataControls"]');
          await page.click('[data-fixture="export"]');
          await page.click('[data-fixture="confirm-export"]');
          await page.waitFor('[role="status"] .toast');
        },
        { kind: 'data-export-requested', source: 'network', certainty: 'confirmed', account: CHATGPT_ACCOUNT, details: {} },
      );
      await page.close();
    });

    it('deleting the account: email and the word typed, the button reached by keyboard, warned, confirmed by the network', async () => {
      // A login older than ten minutes first: "Refresh login", then the deletion itself.
      const { page } = await open(h, CHATGPT, `/?lang=${lang}&stale=1#settings/Account`, DISPLAY_NAME);
      await page.click('[data-fixture="delete-account"]');
      await page.click('[data-fixture="refresh-login"]');
      await page.waitFor('[data-fixture="delete-account"]');
      await expectNew(
        h,
        async () => {
          await page.click('[data-fixture="delete-account"]');
          await page.fill('[data-fixture="confirm-email"]', 'alice@example.org');
          await page.fill('[data-fixture="confirm-word"]', TYPED_WORD[lang]);
          // Tab past "Cancel" to the unlocked button, and press Enter on it.
          await page.press('Tab');
          await page.press('Tab');
          await page.press('Enter');
          await continuePastWarning(page);
        },
        { kind: 'account-deletion-requested', source: 'network', certainty: 'confirmed', account: CHATGPT_ACCOUNT, details: CHATGPT_LINKED },
      );
      await page.close();
    });

    it('switching the training toggle, deleting all chats, cancelling an export: nothing', async () => {
      const { page } = await open(h, CHATGPT, `/?lang=${lang}#settings/DataControls`, DISPLAY_NAME);
      await expectNew(h, async () => {
        await page.click('[data-testid="improve-model-toggle"]');
        await page.click('[data-fixture="delete-all"]');
        await page.click('[data-fixture="confirm-delete-all"]');
        await page.click('[data-fixture="export"]');
        await page.waitFor('[data-fixture="confirm-export"]');
        await page.press('Escape');
      });
      await page.close();
    });

    it('stores nothing beyond what the schemas name', () => expectOnlySchemaData(h));
  });
}

/**
 * The privacy portal as a Transcend Privacy Center: the data subject, the action, the email, the
 * login link from the email (followed as the user would), the review, the request submitted.
 */
async function portalRequest(h: () => Harness, path: '/' | '/jan-2024', action: 'erasure' | 'access', region?: string): Promise<Page> {
  const { page } = await open(h, PORTAL, path, null);
  await page.click('[data-fixture="make-request"]');
  if (path === '/') await page.click('[data-fixture="consumer"]');
  await page.click(`[data-fixture="choose-${action}"]`);
  await page.fill('[data-fixture="email"]', 'alice@example.org');
  // The form sent with Enter from the email field.
  await page.press('Enter');
  await page.waitFor('[role="status"]');
  await page.goto(fixtureUrl(PORTAL, `${path}?login=fixture-login-token`));
  await page.waitFor('[data-fixture="region"]');
  if (region) await choose(page, '[data-fixture="region"]', region);
  await page.click('[data-fixture="submit"]');
  await continuePastWarning(page);
  await page.waitFor('[role="status"]');
  return page;
}

inEachBrowser('watchers: the privacy portal', (h) => {
  it('requesting account deletion: logged once, under no handle (the portal shows only the email)', async () => {
    let page: Page | undefined;
    await expectNew(h, async () => void (page = await portalRequest(h, '/', 'erasure')), {
      kind: 'account-deletion-requested',
      source: 'page',
      account: { service: 'chatgpt', handle: 'unknown' },
      details: CHATGPT_LINKED,
    });
    await page!.close();
  });

  it('requesting a copy of the data: the law from where the user lives, the reference, no email', async () => {
    let page: Page | undefined;
    const [event] = await expectNew(h, async () => void (page = await portalRequest(h, '/', 'access', 'European Union')), {
      kind: 'privacy-request-sent',
      details: { law: 'gdpr', channel: 'privacy-portal', request: 'access', reference: 'PR-48213' },
    });
    expect(event!.evidence.url).toBe(fixtureUrl(PORTAL, '/'));
    await page!.close();
  });

  it('stores nothing beyond what the schemas name', () => expectOnlySchemaData(h));
});

inEachBrowser('watchers: the privacy portal in its Jan 2024 wording', (h) => {
  it('"Delete my OpenAI account": logged once', async () => {
    let page: Page | undefined;
    await expectNew(h, async () => void (page = await portalRequest(h, '/jan-2024', 'erasure')), {
      kind: 'account-deletion-requested',
      account: { service: 'chatgpt', handle: 'unknown' },
      evidence: { url: fixtureUrl(PORTAL, '/jan-2024'), rule: 'privacy.account-deletion', shownText: 'Your request to delete your OpenAI account has been submitted. Reference: PR-48213.' },
    });
    await page!.close();
  });
});

inEachBrowser('watchers: quiet pages, impossible pages, pages the rules no longer fit', (h) => {
  it('unrelated OpenAI pages and other sites produce no event', async () => {
    await expectNew(h, async () => {
      const pages: Page[] = [];
      for (const [host, path] of [
        [SORA, '/explore'],
        [SORA, '/profile'],
        ['chatgpt.com', '/'],
        ['chatgpt.com', '/#settings/General'],
        ['chatgpt.com', '/?lang=de#settings/Account'],
        ['privacy.openai.com', '/'],
        ['privacy.openai.com', '/jan-2024?modal=take-control'],
        // No longer watched: nothing there deletes an account.
        ['platform.openai.com', '/settings/organization/general'],
        ['help.openai.com', '/en/articles/6378407-how-to-delete-your-account'],
        ['example.org', '/'],
      ] as const) {
        pages.push(await h().newPage(fixtureUrl(host, path)));
      }
      // A single-page navigation to a page where rules watch but nothing is done.
      await pages[0]!.click('a[href="/profile"]');
      await sleep(3000);
      for (const page of pages) await page.close();
    });
    expect(await h().ledger()).toEqual([]);
  });

  it('a page that shows a 500-character handle gets nothing written', async () => {
    const refused = () => ext.storage.session.get('refused').then((all) => (all.refused ?? []) as { error: string; host: string }[]);
    const page = await h().newPage(fixtureUrl(SORA, '/forged-handle.html'));
    await eventually(async () => {
      const errors = (await h().inExtension(refused)).filter((r) => r.host === SORA).map((r) => r.error);
      expect(errors.some((e) => /account\.handle|handle/.test(e) && /observation/.test(e))).toBe(true);
    });
    expect(await h().ledger()).toEqual([]);
    await page.close();
  });

  it('a ChatGPT page in a language the rules know no text of says so; its settings anchors are found', async () => {
    const { page, tabId } = await open(h, 'chatgpt.com', '/?lang=nl#settings/Account', 'Alice Example');
    const status = await eventually(async () => {
      const s = await h().inExtension(tabStatusOf, tabId);
      expect(s?.unknownLanguage).toBe('nl');
      return s!;
    }, 10_000);
    expect(status.misses).toEqual([]);
    expect(describeForBugReport(status, '0.1.0')).toContain('Page language without known texts: nl');
    await page.close();
  });

  it('a ChatGPT settings dialog the rules do not know is reported, redacted', async () => {
    const { page, tabId } = await open(h, 'chatgpt.com', '/c/6789-abc?layout=redesign#settings/Account', 'Alice Example');
    const status = await eventually(async () => {
      const s = await h().inExtension(tabStatusOf, tabId);
      expect(s?.misses).toEqual(['chatgpt.settings-dialog']);
      return s!;
    }, 10_000);
    expect(status.unknownLanguage).toBeUndefined();
    const report = describeForBugReport(status, '0.1.0');
    expect(report).toContain('Rules that found nothing: chatgpt.settings-dialog');
    expect(report).not.toMatch(/alice|6789/i);
    await page.close();
  });

  it('a cameo settings page whose layout the rules do not know is reported, redacted', async () => {
    const url = fixtureUrl(SORA, '/profile/cameo?layout=select');
    const page = await h().newPage(url);
    const tabId = await h().tabIdOf(url);
    const status = await eventually(async () => {
      const s = await h().inExtension(tabStatusOf, tabId);
      expect(s?.misses).toEqual(['sora.audience-changed']);
      return s!;
    }, 10_000);
    const report = describeForBugReport(status, '0.1.0');
    expect(report).toContain('Page: /profile/cameo');
    expect(report).toContain('Rules that found nothing: sora.audience-changed');
    expect(report).not.toMatch(/alice/i);
    await page.close();

    // The page as the rules know it: nothing missed.
    const { page: fine, tabId: fineTab } = await open(h, SORA, '/profile/cameo');
    await sleep(4500);
    expect((await h().inExtension(tabStatusOf, fineTab))?.misses).toEqual([]);
    await fine.close();
  });
});
