/**
 * The dashboard's "Import and export": export the ledger (or part of it) as a report file, open
 * the printable report, import a report back. Nothing leaves the browser: the file is handed to
 * the browser's own download through a blob: URL, and a file to import is read from the disk.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import type { Account } from '@/lib/ledger/events';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { counted, plural } from '@/lib/i18n/plural';
import { readChain } from '@/lib/ledger/ledger-fingerprint';
import { exportEvents } from '@/lib/report/export';
import { MAX_REPORT_BYTES, previewImport, type ImportOptions, type ImportProblem, type ImportResult } from '@/lib/report/import';
import type { ReportIssue } from '@/lib/report/issues';
import type { Progress } from '@/lib/report/progress';
import { choiceQuery, scopeOf, type ScopeChoice } from '@/lib/report/scope-choice';
import { reportTiming } from '@/lib/deadlines/window-options';
import type { DashboardContext } from './context';
import { accountLabel, kindLabel } from '../text';
import { ImportPreview } from './ImportPreview';
import { LedgerFingerprint } from './LedgerFingerprint';
import { ProgressLine } from '../reports/ProgressLine';

/** The version in the manifest, for the report's "made by"; outside an extension (tests) there is none. */
function extensionVersion(): string {
  const runtime = (globalThis as { browser?: { runtime?: { getManifest?: () => { version: string } } } }).browser?.runtime;
  try {
    return runtime?.getManifest?.().version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

type ScopeKind = ScopeChoice['scope'];

/** The form's state as a choice; null while it does not make one (a date missing, the range backwards). */
function choiceOf(kind: ScopeKind, from: string, to: string, account: Account | undefined, redact: boolean): ScopeChoice | null {
  if (kind === 'all') return { scope: 'all', redact };
  if (kind === 'account') return account ? { scope: 'account', account, redact } : null;
  return from && to && from <= to ? { scope: 'date-range', from, to, redact } : null;
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toLocaleString(uiLocale(), { maximumFractionDigits: 1 });

/** Where in the file and what: the first issues, and how many more. */
function Issues({ issues, more }: { issues: readonly ReportIssue[]; more: number }) {
  return (
    <>
      <ul data-testid="import-issues">
        {issues.map((issue, i) => (
          <li key={i}>
            <code>{issue.path}</code>: {issue.message}
          </li>
        ))}
      </ul>
      {more > 0 && <p>{t('reportMoreIssues', more.toLocaleString(uiLocale()))}</p>}
    </>
  );
}

function Problem({ problem, onKeepOwn, onKeepUnverified }: { problem: ImportProblem; onKeepOwn: () => void; onKeepUnverified: () => void }) {
  switch (problem.kind) {
    case 'too-large':
      return <p>{t('reportTooLarge', megabytes(problem.bytes), megabytes(problem.limit))}</p>;
    case 'not-json':
      return <p>{t('reportNotJson', problem.message)}</p>;
    case 'not-a-report':
      return <p>{t('reportNotAReport')}</p>;
    case 'newer-version':
      return (
        <p>
          {problem.madeBy
            ? t('reportNewerVersion', String(problem.version), problem.madeBy, String(problem.supported))
            : t('reportNewerVersionUnknownMaker', String(problem.version), String(problem.supported))}
        </p>
      );
    case 'redacted':
      return <p>{t('reportRedactedRefused')}</p>;
    case 'write-failed':
      return <p>{t('reportWriteFailed', problem.message)}</p>;
    case 'failed':
      return <p>{t('reportImportFailed', problem.message)}</p>;
    case 'chain-broken':
      return (
        <>
          <p>{t('reportChainBroken')}</p>
          <Issues issues={problem.issues} more={problem.more} />
          <button type="button" onClick={onKeepUnverified} data-testid="keep-unverified">
            {t('reportKeepUnverified')}
          </button>
        </>
      );
    case 'invalid':
      return (
        <>
          <p>{t('reportInvalid')}</p>
          <Issues issues={problem.issues} more={problem.more} />
        </>
      );
    case 'conflicts':
      return (
        <>
          <p>{plural(['reportConflictsOne', 'reportConflictsOther'], problem.conflicts.length)}</p>
          <ul data-testid="import-conflicts">
            {problem.conflicts.map((c) => (
              <li key={c.id}>
                {kindLabel(c.kind)} <code>{c.id}</code>
                <ul>
                  {c.differences.map((d) => (
                    <li key={d.field}>{t('reportConflictField', d.field, d.inLedger ?? '—', d.inReport ?? '—')}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <button type="button" onClick={onKeepOwn} data-testid="keep-own">
            {t('reportKeepOwn')}
          </button>
        </>
      );
  }
}

function Outcome({ result }: { result: Extract<ImportResult, { ok: true }> }) {
  const n = (x: number) => x.toLocaleString(uiLocale());
  return (
    <p role="status" class="notice ok" data-testid="import-done">
      {t('reportImported', n(result.added), n(result.unchanged))}
      {result.keptOwn > 0 && ` ${t('reportImportedKeptOwn', n(result.keptOwn))}`}
      {result.upgradedFrom !== undefined && ` ${t('reportUpgraded', String(result.upgradedFrom))}`}
      {result.changes.length > 0 &&
        ` ${t(result.changesApplied ? 'reportImportedChanged' : 'reportImportedLeftOut', n(new Set(result.changes.map((c) => c.event.id)).size))}`}
    </p>
  );
}

export function ReportPanel({ ctx }: { ctx: DashboardContext }) {
  const [kind, setKind] = useState<ScopeKind>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [accountIndex, setAccountIndex] = useState(0);
  const [redact, setRedact] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [download, setDownload] = useState<{ url: string; fileName: string; tooLarge: boolean } | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  /** What the user has settled so far for this file: conflicts seen, a broken fingerprint accepted. */
  const [settled, setSettled] = useState<ImportOptions>({});
  /** What the file would do, before anything is written; then, once written, the outcome. */
  const [result, setResult] = useState<ImportResult | null>(null);
  const [apply, setApply] = useState(false);
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

  // First a preview (nothing written); the write only from the preview's button, with the user's choices.
  const runImport = async (chosen: File, options: ImportOptions, preview: boolean) => {
    setBusy('import');
    setResult(null);
    try {
      const choices = { ...options, timeZone, fileName: chosen.name };
      // The preview reads the page's own view of the ledger; the write is the background's, which checks the file afresh.
      const outcome = preview ? await previewImport(ctx.db, chosen, setProgress, choices) : await ctx.writes.importReport(await chosen.text(), choices);
      setResult(outcome);
      // The preview appears below the file field: said aloud too, as the file chooser closes.
      if (outcome.ok && !outcome.written) ctx.announce(`${t('labelColon', t('importPreviewTitle'))} ${t('importPreviewCounts', outcome.added.toLocaleString(uiLocale()), outcome.unchanged.toLocaleString(uiLocale()))}`);
      if (outcome.ok && outcome.written) {
        ctx.announce(t('reportImported', outcome.added.toLocaleString(uiLocale()), outcome.unchanged.toLocaleString(uiLocale())));
      }
    } catch (error) {
      // The background could not be asked (it was restarting, or the browser refused the message):
      // nothing was written; said like any other failed import.
      setResult({ ok: false, problem: { kind: 'failed', message: errorMessage(error) } });
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };
  const previewWith = (options: ImportOptions) => {
    if (!file) return;
    setSettled(options);
    void runImport(file, options, true);
  };

  const keepOwn = () => {
    if (result && !result.ok && result.problem.kind === 'conflicts') previewWith({ ...settled, keepOwn: new Set(result.problem.conflicts.map((c) => c.id)) });
  };
  const keepUnverified = () => previewWith({ ...settled, acceptUnverified: true });
  const confirmImport = () => {
    if (file) void runImport(file, { ...settled, applyChanges: apply }, false);
  };
  const cancelImport = () => {
    setResult(null);
    setFile(null);
    ctx.announce(t('importCancelled'));
  };

  return (
    <div class="report-panel">
      <LedgerFingerprint ctx={ctx} />
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
            {t('reportTooLargeToImport', megabytes(MAX_REPORT_BYTES))}
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

      <div class="quick-form" role="group" aria-labelledby="import-title">
        <h3 id="import-title">{t('reportImportTitle')}</h3>
        <p class="hint">{t('reportImportIntro')}</p>
        <div class="field">
          <label for="report-file">{t('reportImportFile')}</label>
          <input
            id="report-file"
            type="file"
            accept=".json,application/json"
            disabled={busy !== null}
            data-testid="import-file"
            onChange={(e) => {
              const chosen = e.currentTarget.files?.[0];
              if (!chosen) return;
              setFile(chosen);
              setSettled({});
              setApply(false);
              void runImport(chosen, {}, true);
              // The same file can be chosen again (after fixing it, say).
              e.currentTarget.value = '';
            }}
          />
        </div>
        {busy === 'import' && <ProgressLine progress={progress} />}
        {result?.ok && !result.written && (
          <ImportPreview preview={result} apply={apply} onApplyChange={setApply} onImport={confirmImport} onCancel={cancelImport} />
        )}
        {result?.ok && result.written && <Outcome result={result} />}
        {result && !result.ok && (
          <div role="alert" class="notice danger" data-testid="import-problem" data-problem={result.problem.kind}>
            <Problem problem={result.problem} onKeepOwn={keepOwn} onKeepUnverified={keepUnverified} />
          </div>
        )}
      </div>
    </div>
  );
}
