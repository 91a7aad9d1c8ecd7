import { render } from 'preact';
import '@/components/theme.css';
import '@/components/app.css';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { t, uiLocale } from '@/lib/i18n/i18n';
import type { UiReply, UiRequest } from '@/lib/background/ui-requests';
import { LedgerDb } from '@/lib/ledger/ledger';
import { ledgerWrites } from '@/lib/ledger/ui-writes';

document.documentElement.lang = uiLocale();
document.title = t('dashboardTitle');

// The dashboard reads the ledger itself; it writes only through the background (one door).
const writes = ledgerWrites((request: UiRequest) => browser.runtime.sendMessage(request) as Promise<UiReply>);

render(<Dashboard db={new LedgerDb()} settingsArea={browser.storage.local} writes={writes} />, document.getElementById('app')!);
