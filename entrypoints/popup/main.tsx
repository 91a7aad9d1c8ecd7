import { render } from 'preact';
import '@/components/theme.css';
import { Popup } from '@/components/popup/Popup';
import type { PageReply } from '@/lib/background/page-messages';
import { readTabStatus } from '@/lib/tab-status';

// The popup asks the background for its summary: it never opens the ledger itself, so it loads
// neither the database nor the schemas, and its first render stays small and fast.
async function load() {
  const tabParam = Number(new URLSearchParams(location.search).get('tab'));
  const tabId = Number.isInteger(tabParam) && tabParam > 0 ? tabParam : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  const [reply, tab] = await Promise.all([
    browser.runtime.sendMessage({ type: 'popup-summary', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }) as Promise<PageReply>,
    tabId !== undefined ? readTabStatus(browser.storage.session, tabId) : Promise.resolve(null),
  ]);
  if (!reply.ok) throw new Error(reply.error);
  if (!('summary' in reply)) throw new Error('unexpected reply');
  return { latest: reply.summary.latest, tab };
}

render(<Popup load={load} openDashboard={() => void browser.runtime.openOptionsPage().then(() => window.close())} />, document.getElementById('app')!);
