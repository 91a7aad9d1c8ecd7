/**
 * The dashboard's import of a report file: read from the disk, previewed first (nothing written),
 * then written by the background with the user's choices; a problem says where in the file and,
 * where there is one, offers the way on (keep my own entries, keep an unverified file).
 */
import { useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { previewImport, type ImportOptions, type ImportResult } from '@/lib/report/import';
import type { DashboardContext } from './context';
import { ImportPreview } from './ImportPreview';
import { Outcome, Problem } from './ImportOutcome';
import type { ReportWork } from './ReportPanel';
import { ProgressLine } from '../reports/ProgressLine';

export function ImportForm({ ctx, work }: { ctx: DashboardContext; work: ReportWork }) {
  const { busy, progress, setBusy, setProgress } = work;
  const [file, setFile] = useState<File | null>(null);
  /** What the user has settled so far for this file: conflicts seen, a broken fingerprint accepted. */
  const [settled, setSettled] = useState<ImportOptions>({});
  /** What the file would do, before anything is written; then, once written, the outcome. */
  const [result, setResult] = useState<ImportResult | null>(null);
  const [apply, setApply] = useState(false);
  const { timeZone } = ctx.settings;

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
  );
}
