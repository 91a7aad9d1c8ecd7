import { handleContentMessage } from '@/lib/background/content-messages';
import { LedgerDb } from '@/lib/ledger';
import { forgetTab } from '@/lib/tab-status';

export default defineBackground(() => {
  let opened: Promise<LedgerDb> | undefined;
  const db = () => (opened ??= new LedgerDb().open().then((d) => d as LedgerDb));

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Ask the browser never to evict the ledger: it is evidence (with unlimitedStorage in the manifest).
    void navigator.storage?.persist?.();
    // A first install opens the dashboard's welcome: what is watched, and that nothing leaves the device.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
  });

  browser.runtime.onMessage.addListener((message, sender) =>
    handleContentMessage(message, sender, {
      db,
      extensionId: browser.runtime.id,
      session: browser.storage.session,
    }).catch((error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) })),
  );

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(browser.storage.session, tabId));
});
