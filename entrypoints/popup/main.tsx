import { render } from 'preact';
import '@/components/theme.css';
import '@/components/app.css';
import { Popup, type PopupActions } from '@/components/popup/Popup';
import type { UiReply, UiRequest } from '@/lib/background/ui-requests';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { loadSettings } from '@/lib/settings/settings';
import { readTabStatus, type TabStatus } from '@/lib/background/tab-status';
import { readFingerprintCheck } from '@/lib/background/fingerprint-check';
import { ledgerWrites } from '@/lib/ledger/ui-writes';
import { surfaceWithdrawn, withdrawnOrigins } from '@/lib/site-access/site-access';

const ask = async (request: UiRequest) => {
  const reply = (await browser.runtime.sendMessage(request)) as UiReply;
  if (!reply.ok) throw new Error(reply.error);
  return reply;
};
// Every write through the background, like every page's (lib/ledger/ui-writes.ts).
const writes = ledgerWrites(ask);

// The tests open the popup in a tab of its own, where the active tab is the popup: they name the tab.
const tabParam = Number(new URLSearchParams(location.search).get('tab'));
const namedTab = Number.isInteger(tabParam) && tabParam > 0 ? tabParam : undefined;

const actions: PopupActions = {
  // The popup asks the background for its summary: it never opens the ledger to render, so it
  // loads neither the database nor the schemas, and its first render stays small and fast.
  async load() {
    const tabId = namedTab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    const [reply, tab, settings, fingerprint, withdrawn] = await Promise.all([
      ask({ type: 'popup-summary' }),
      tabId !== undefined ? readTabStatus(browser.storage.session, tabId) : Promise.resolve(null),
      loadSettings(browser.storage.local),
      readFingerprintCheck(browser.storage.session),
      withdrawnOrigins(browser.permissions),
    ]);
    if (!('summary' in reply)) throw new Error('unexpected reply');
    // Warmed up now, so that copying after the click needs no wait (Firefox wants the click's activation:
    // https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Interact_with_the_clipboard).
    if (tab?.misses.length) void import('@/lib/rules/bug-report');
    const current = tab && !surfaceWithdrawn(tab.surface, withdrawn) ? tab : null;
    return { summary: reply.summary, tab: current, law: settings.jurisdiction, fingerprintBroken: fingerprint?.ok === false, withdrawn };
  },
  record: (event) => writes.record(event),
  // The removal is an entry of its own, and history stays.
  undo: async (id) => void (await writes.remove(id)),
  openDashboard(at) {
    const opening = at
      ? browser.tabs.create({ url: browser.runtime.getURL(`/options.html#${at}` as '/options.html') })
      : browser.runtime.openOptionsPage();
    // A popup closes once the dashboard is open; the popup opened as a page of its own stays.
    void opening.then(() => namedTab === undefined && window.close());
  },
  // Straight from the click's handler: both browsers grant a permission request only in a user gesture.
  grantSiteAccess: (origins) => browser.permissions.request({ origins }),
  async copyBugReport(tab: TabStatus) {
    // Loaded when asked for: it carries the rule tables, which the first render does not need.
    const { describeForBugReport } = await import('@/lib/rules/bug-report');
    await navigator.clipboard.writeText(describeForBugReport(tab, browser.runtime.getManifest().version));
  },
};

document.documentElement.lang = uiLocale();
document.title = t('extName');

render(<Popup actions={actions} />, document.getElementById('app')!);
