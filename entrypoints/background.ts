import { errorMessage } from '@/lib/i18n/error-message';
import { handleContentMessage } from '@/lib/background/content-messages';
import { startCopyMenu } from '@/lib/background/copy-menu';
import { checkFingerprintOnOpen } from '@/lib/background/fingerprint-check';
import { handleUiRequest, isExtensionPage, UiRequest } from '@/lib/background/ui-requests';
import { watchNetwork, type WebRequestApi } from '@/lib/background/network-watch';
import { pageBudget } from '@/lib/background/page-limits';
import { startReminders } from '@/lib/background/reminders';
import { LedgerDb } from '@/lib/ledger/ledger';
import { flushPending } from '@/lib/ledger/pending-queue';
import { forgetTab } from '@/lib/background/tab-status';
import { keepSoraScriptInStep, type PermissionsApi, type ScriptingApi, type TabsApi } from '@/lib/site-access/sora-access';

export default defineBackground(() => {
  let opened: Promise<LedgerDb> | undefined;
  const db = () => (opened ??= new LedgerDb().open().then((d) => d as LedgerDb));
  const ids = { extensionId: browser.runtime.id, extensionBase: browser.runtime.getURL('/') };
  const failure = (error: unknown) => ({ ok: false as const, error: errorMessage(error) });
  // Badge, notifications and the next alarm follow the ledger's writes (a run shortly after each burst of them);
  // startReminders rebuilds them at install and start-up.
  const reminders = startReminders({ db });
  const onRecorded = () => reminders.afterWrite();
  // How many observations each tab may make, per kind: for the background's life.
  const budget = pageBudget();
  // No content script reads or writes storage.local: where the browser can (Chromium), take it out of
  // their reach, so a page that took over one cannot rewrite the pending queue, the settings or the
  // reminder log. Firefox cannot (only storage.session has access levels): there every read is parsed.
  // https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/storage/StorageArea/setAccessLevel,
  // https://bugzilla.mozilla.org/show_bug.cgi?id=1724754 (open: access levels for the other areas).
  void (browser.storage.local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> })
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    ?.catch(() => undefined);
  // Observations that met a full disk earlier wait in storage.local: try them again at every start.
  void db().then((d) => flushPending(d, browser.storage.local)).catch(() => undefined);
  // The fingerprint chain, checked once a browser session; the popup shows a break.
  void db().then((d) => checkFingerprintOnOpen(d, browser.storage.session)).catch(() => undefined);

  // "Log a copy of my likeness here": its click listener at the top level, so a click wakes the background.
  const copyMenu = startCopyMenu(browser.contextMenus as never, {
    title: () => browser.i18n.getMessage('contextMenuLogCopy'),
    open: (path) => browser.tabs.create({ url: browser.runtime.getURL(path as '/options.html') }),
  });
  browser.runtime.onStartup.addListener(() => void copyMenu.create().catch(() => undefined));

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void copyMenu.create().catch(() => undefined);
    // Ask the browser never to evict the ledger: it is evidence (with unlimitedStorage in the manifest).
    void navigator.storage?.persist?.();
    // A first install opens the dashboard's welcome: what is watched, and that nothing leaves the device.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
  });

  browser.runtime.onMessage.addListener((message, sender) => {
    if (isExtensionPage(sender, ids)) {
      const request = UiRequest.safeParse(message);
      if (!request.success) return Promise.resolve(failure('invalid request'));
      return handleUiRequest(request.data, { db, local: browser.storage.local, ...ids, onRecorded }).catch(failure);
    }
    return handleContentMessage(message, sender, {
      db,
      extensionId: ids.extensionId,
      session: browser.storage.session,
      local: browser.storage.local,
      onRecorded,
      budget,
      injectWarning: async (tabId, frameId) => {
        await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/warning.js'] });
      },
    }).catch(failure);
  });

  // Registered at the top level, so that the browser wakes the background for a watched request.
  watchNetwork(browser.webRequest as unknown as WebRequestApi, {
    db,
    session: browser.storage.session,
    tabUrl: (tabId) => browser.tabs.get(tabId).then((tab) => tab.url),
    onRecorded,
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    budget.forget(tabId);
    void forgetTab(browser.storage.session, tabId);
  });

  // Sora's content script runs only on the Sora hosts the user granted (lib/site-access/sora-access.ts).
  // Tabs already open on Sora when the user grants its hosts are watched at once, without a reload.
  void keepSoraScriptInStep(
    browser.permissions as unknown as PermissionsApi,
    browser.scripting as unknown as ScriptingApi,
    browser.tabs as unknown as TabsApi,
  ).catch(() => undefined);
});
