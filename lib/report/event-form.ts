/** A ledger event in the report's form (instants as ISO 8601 with offset) and back. */
import type { LedgerEvent } from '../ledger/events';
import type { ReportEvent } from './schema';

export const toReportEvent = (e: LedgerEvent, iso: (ms: number) => string): ReportEvent =>
  ({
    ...e,
    occurredAt: iso(e.occurredAt),
    recordedAt: iso(e.recordedAt),
    ...(e.imported ? { imported: { ...e.imported, at: iso(e.imported.at) } } : {}),
  }) as ReportEvent;

/** Exact to the millisecond: the ISO text carries its offset. */
export const fromReportEvent = (e: ReportEvent): LedgerEvent =>
  ({
    ...e,
    occurredAt: Date.parse(e.occurredAt),
    recordedAt: Date.parse(e.recordedAt),
    ...(e.imported ? { imported: { ...e.imported, at: Date.parse(e.imported.at) } } : {}),
  }) as LedgerEvent;
