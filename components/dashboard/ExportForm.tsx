/**
 * The dashboard's export form: which part of the ledger (all of it, a date range, one account),
 * names kept or redacted, saved as a report file or opened as the printable report. The file is
 * handed to the browser's own download through a blob: URL; nothing leaves the browser.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import { formatMegabytes } from '@/lib/i18n/format';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { counted } from '@/lib/i18n/plural';
import { readChain } from '@/lib/ledger/ledger-fingerprint';
import { exportEvents } from '@/lib/report/export';
import { MAX_REPORT_BYTES } from '@/lib/report/file-check';
import { choiceOf, choiceQuery, scopeOf, type ScopeKind } from '@/lib/report/scope-choice';
import { reportTiming } from '@/lib/deadlines/window-options';
import type { DashboardContext } from './context';
import type { ReportWork } from './ReportPanel';
import { ProgressLine } from '../reports/ProgressLine';
import { accountLabel } from '../text';

/** The version in the manifest, for the report's "made by"; outside an extension (tests) there is none. */
function extensionVersion(): string {
  const runtime = (globalThis as { browser?: { runtime?: { getManifest?: () => { version: string } } } }).browser?.runtime;
  try {
    return runtime?.getManifest?.().version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function ExportForm({ ctx, work }: { ctx: DashboardContext; work: ReportWork }) {
  const { busy, progress, setBusy, setProgress } = work;
  const [kind, setKind] = useState<ScopeKind>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [accountIndex, setAccountIndex] = useState(0);
  const [redact, setRedact] = useState(false);
  const [download, setDownload] = useState<{ url: string; fileName: string; tooLarge: boolean } | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const downloadLink = useRef<HTMLAnchorElement>(null);

  const choice = choiceOf(kind, from, to, ctx.accounts[accountIndex], redact);
  const { timeZone } = ctx.settings;

  // A new export replaces the last one's blob; leaving the page lets both go.
  useEffect(() => {
    if (!download) return;
    downloadLink.current?.click();
    return () => URL.revokeObjectURL(download.url);
  }, [download]);

  const runExport = async () => {
    if (!choice) return;
    setBusy('export');
    setExportError(null);
    try {
      // The dashboard holds the whole ledger already (and follows every write): no second read.
      const exported = await exportEvents(
        ctx.all,
        { scope: scopeOf(choice, timeZone), redact: choice.redact, extensionVersion: extensionVersion(), ...reportTiming(ctx.settings, Date.now()), chain: await readChain(ctx.db) },
        setProgress,
      );
      setDownload({ url: URL.createObjectURL(exported.file), fileName: exported.fileName, tooLarge: exported.file.size > MAX_REPORT_BYTES });
      ctx.announce(t('reportExported', counted('entries', exported.eventCount)));
      // Only the whole ledger, names kept, restores it all: that is what counts as a backup.
      if (choice.scope === 'all' && !choice.redact) await ctx.backedUp(ctx.all.length);
    } catch (e) {
      setExportError(errorMessage(e));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  return (
    <form
      class="quick-form"
      aria-labelledby="export-title"
      onSubmit={(e) => {
        e.preventDefault();
        void runExport();
      }}
    >
      <h3 id="export-title">{t('reportExportTitle')}</h3>
      <p class="hint">{t('reportExportIntro')}</p>
      <fieldset>
        <legend>{t('reportScopeLegend')}</legend>
        {(['all', 'date-range', 'account'] as const).map((k) => (
          <label key={k} class="choice">
            <input type="radio" name="report-scope" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`scope-${k}`} />{' '}
            {t(k === 'all' ? 'reportScopeAllOption' : k === 'date-range' ? 'reportScopeRangeOption' : 'reportScopeAccountOption')}
          </label>
        ))}
      </fieldset>
      {kind === 'date-range' && (
        <div class="field-row">
          <div class="field">
            <label for="report-from">{t('filterFrom')}</label>
            <input id="report-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} aria-invalid={!choice || undefined} />
          </div>
          <div class="field">
            <label for="report-to">{t('filterTo')}</label>
            <input id="report-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} aria-invalid={!choice || undefined} />
          </div>
        </div>
      )}
      {kind === 'account' && (
        <div class="field">
          <label for="report-account">{t('fieldAccount')}</label>
          <select id="report-account" value={accountIndex} onChange={(e) => setAccountIndex(Number(e.currentTarget.value))}>
            {ctx.accounts.map((a, i) => (
              <option key={i} value={i}>
                {accountLabel(a)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="field checkbox">
        <label>
          <input type="checkbox" checked={redact} onChange={(e) => setRedact(e.currentTarget.checked)} data-testid="redact" /> {t('reportRedact')}
        </label>
        <span class="hint">{t('reportRedactHint')}</span>
        <span class="hint" data-testid="redact-keeps">{t('reportRedactKeeps')}</span>
      </div>
      <div class="actions">
        <button type="submit" class="primary" disabled={!choice || busy !== null} data-testid="export">
          {t('reportExportButton')}
        </button>
        {choice && (
          <a href={`/report.html${choiceQuery(choice)}`} target="_blank" data-testid="printable">
            {t('reportPrintable')}
          </a>
        )}
      </div>
      {busy === 'export' && <ProgressLine progress={progress} />}
      {exportError && (
        <p role="alert" class="notice danger">
          {t('reportExportFailed', exportError)}
        </p>
      )}
      {download?.tooLarge && (
        <p class="notice warn" data-testid="too-large-to-import">
          {t('reportTooLargeToImport', formatMegabytes(MAX_REPORT_BYTES, uiLocale()))}
        </p>
      )}
      {download && (
        <p class="hint">
          {t('reportDownloadHint')}{' '}
          <a ref={downloadLink} href={download.url} download={download.fileName} data-testid="download">
            {download.fileName}
          </a>
        </p>
      )}
    </form>
  );
}
