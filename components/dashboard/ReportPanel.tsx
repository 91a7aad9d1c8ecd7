/**
 * The dashboard's "Import and export": export the ledger (or part of it) as a report file, open
 * the printable report, import a report back. Nothing leaves the browser: the file is handed to
 * the browser's own download through a blob: URL, and a file to import is read from the disk.
 * The export form and the import are files of their own beside this one; this one holds what they
 * share (one thing at a time, one progress line) and the ledger's fingerprint above both.
 */
import { useState } from 'preact/hooks';
import type { Progress } from '@/lib/report/progress';
import type { DashboardContext } from './context';
import { ExportForm } from './ExportForm';
import { ImportForm } from './ImportForm';
import { LedgerFingerprint } from './LedgerFingerprint';

/** What the panel is doing, shared by export and import: one at a time, with one progress line. */
export interface ReportWork {
  busy: 'export' | 'import' | null;
  progress: Progress | null;
  setBusy: (busy: 'export' | 'import' | null) => void;
  setProgress: (progress: Progress | null) => void;
}

export function ReportPanel({ ctx }: { ctx: DashboardContext }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const work: ReportWork = { busy, progress, setBusy, setProgress };
  return (
    <div class="report-panel">
      <LedgerFingerprint ctx={ctx} />
      <ExportForm ctx={ctx} work={work} />
      <ImportForm ctx={ctx} work={work} />
    </div>
  );
}
