import { render } from 'preact';
import '@/components/theme.css';
import '@/components/app.css';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { t, uiLocale } from '@/lib/i18n';
import { LedgerDb } from '@/lib/ledger';

document.documentElement.lang = uiLocale();
document.title = t('dashboardTitle');

const notifyChanged = () => {
  // The background may be restarting; it reads the ledger afresh at its next wake-up anyway.
  browser.runtime.sendMessage({ type: 'ledger-changed' }).catch(() => {});
};

render(<Dashboard db={new LedgerDb()} settingsArea={browser.storage.local} notifyChanged={notifyChanged} />, document.getElementById('app')!);
