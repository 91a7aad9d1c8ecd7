/**
 * What an import of a report file came to, said to the user: the problem that stopped it (with
 * where in the file, and the choice to go on where there is one), or what it added and left alone.
 */
import { formatMegabytes } from '@/lib/i18n/format';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { plural } from '@/lib/i18n/plural';
import type { ImportProblem, ImportResult } from '@/lib/report/import';
import type { ReportIssue } from '@/lib/report/issues';
import { kindLabel } from '../text';

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

export function Problem({ problem, onKeepOwn, onKeepUnverified }: { problem: ImportProblem; onKeepOwn: () => void; onKeepUnverified: () => void }) {
  switch (problem.kind) {
    case 'too-large':
      return <p>{t('reportTooLarge', formatMegabytes(problem.bytes, uiLocale()), formatMegabytes(problem.limit, uiLocale()))}</p>;
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

export function Outcome({ result }: { result: Extract<ImportResult, { ok: true }> }) {
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
