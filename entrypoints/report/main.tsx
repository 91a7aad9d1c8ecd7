import { render } from 'preact';
import '@/components/theme.css';
import '@/components/app.css';
import '@/components/reports/report.css';
import { ReportPage } from '@/components/reports/ReportPage';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { LedgerDb } from '@/lib/ledger/ledger';
import { readChain } from '@/lib/ledger/ledger-fingerprint';
import { buildReport } from '@/lib/report/build';
import { readLedger } from '@/lib/report/export';
import type { OnProgress } from '@/lib/report/progress';
import { choiceFromQuery, scopeOf } from '@/lib/report/scope-choice';
import { loadSettings } from '@/lib/settings/settings';
import { reportTiming } from '@/lib/deadlines/window-options';

document.documentElement.lang = uiLocale();
document.title = t('reportTitle');

async function load(onProgress: OnProgress) {
  const choice = choiceFromQuery(location.search);
  if (!choice) throw new Error(t('reportBadAddress'));
  const settings = await loadSettings(browser.storage.local);
  const db = new LedgerDb();
  const events = await readLedger(db, onProgress);
  const chain = await readChain(db);
  return buildReport(
    events,
    {
      scope: scopeOf(choice, settings.timeZone),
      redact: choice.redact,
      extensionVersion: browser.runtime.getManifest().version,
      ...reportTiming(settings, Date.now()),
      chain,
    },
    onProgress,
  );
}

render(<ReportPage load={load} />, document.getElementById('app')!);
