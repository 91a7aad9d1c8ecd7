import { render } from 'preact';
import '@/components/theme.css';
import { Popup } from '@/components/popup/Popup';
import { LedgerDb, loadSummaryInputs } from '@/lib/ledger';
import { readTabStatus } from '@/lib/tab-status';

async function load() {
  const db = new LedgerDb();
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const [{ latest }, status] = await Promise.all([
    loadSummaryInputs(db),
    tab?.id !== undefined ? readTabStatus(browser.storage.session, tab.id) : Promise.resolve(null),
  ]);
  return { latest, tab: status };
}

render(<Popup load={load} openDashboard={() => void browser.runtime.openOptionsPage().then(() => window.close())} />, document.getElementById('app')!);
