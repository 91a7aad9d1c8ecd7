/** The printable report's page: builds the report with progress, renders it in steps, then offers to print. */
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import { t, uiLocale } from '@/lib/i18n/i18n';
import type { OnProgress, Progress } from '@/lib/report/progress';
import type { Report } from '@/lib/report/schema';
import { EvidenceReport } from './EvidenceReport';
import { ProgressLine } from './ProgressLine';

/** Chronology rows added per step: a long ledger's table grows while the page stays responsive. */
const ROWS_STEP = 2000;

export function ReportPage({ load }: { load: (onProgress: OnProgress) => Promise<Report> }) {
  const [report, setReport] = useState<Report | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState(0);

  useEffect(() => {
    load(setProgress).then(setReport, (e: unknown) => setError(errorMessage(e)));
  }, [load]);

  const total = report?.events.length ?? 0;
  useEffect(() => {
    if (!report || rows >= total) return;
    const timer = setTimeout(() => setRows((r) => Math.min(total, r + ROWS_STEP)), 0);
    return () => clearTimeout(timer);
  }, [report, rows, total]);
  const ready = report !== null && rows >= total;

  return (
    <main class="report-page" aria-busy={!ready && !error}>
      <div class="toolbar no-print">
        {error ? (
          <p role="alert" class="notice danger">
            {t('reportLoadFailed', error)}
          </p>
        ) : ready ? (
          <button type="button" class="primary" onClick={() => print()} data-testid="print">
            {t('reportPrint')}
          </button>
        ) : report ? (
          <ProgressLine progress={{ phase: 'writing-report', done: rows, total }} />
        ) : (
          <ProgressLine progress={progress} />
        )}
      </div>
      {report && <EvidenceReport report={report} locale={uiLocale()} rows={rows} />}
    </main>
  );
}
