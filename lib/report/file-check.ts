/**
 * Checking a report file before anything is written: its size before it is read, then every
 * event's fields, ids that come twice, and keys the ledger would not have given (lib/report/import.ts
 * checks the syntax, version and envelope in between, and writes).
 */
import type { LedgerEvent, NewEvent } from '../ledger/events';
import { factKey } from '../ledger/fact-key';
import { fromReportEvent } from './event-form';
import { t } from '../i18n/i18n';
import { IssueList, issuesFrom } from './issues';
import { CHUNK, nextTask, type OnProgress } from './progress';
import { ReportEvent } from './schema';

/** Far above a ledger of 100k events (about 40 MB); a larger file is refused before it is read. */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

/** UTF-8 size of a text without encoding it. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function sizeOf(input: string | Blob): number {
  if (typeof input !== 'string') return input.size;
  // Every UTF-16 unit is at least one byte: a text this long is too large without counting.
  return input.length > MAX_REPORT_BYTES ? input.length : utf8Bytes(input);
}

/**
 * Whether an event's key is one the ledger would have given it: derived from the fact
 * (lib/ledger/fact-key.ts), or, for an entry typed by hand, `manual|` and an entry's id (an edit keeps the
 * key of what it edits). Any other key could make a later real observation count as a duplicate.
 */
function keyProblem(e: LedgerEvent): string | null {
  const derived = factKey(e as NewEvent);
  if (e.key === derived) return null;
  if (e.source === 'manual' && /^manual\|[A-Za-z0-9_-]{8,64}$/.test(e.key)) return null;
  return t('issueKeyMismatch', JSON.stringify(derived));
}

/** Checks the report's events one chunk at a time; returns them as ledger events, or what is wrong. */
export async function checkEvents(items: readonly unknown[], onProgress?: OnProgress): Promise<{ events: LedgerEvent[] } | { issues: IssueList }> {
  const issues = new IssueList();
  const events: LedgerEvent[] = [];
  const firstAt = new Map<string, number>();
  for (let start = 0; start < items.length; start += CHUNK) {
    const end = Math.min(items.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const parsed = ReportEvent.safeParse(items[i]);
      if (!parsed.success) {
        issues.add(issuesFrom(parsed.error, items[i], ['events', i]));
        continue;
      }
      const e = parsed.data;
      const earlier = firstAt.get(e.id);
      if (earlier !== undefined) issues.add([{ path: `events[${i}].id`, message: t('issueDuplicateId', e.id, `events[${earlier}]`) }]);
      else firstAt.set(e.id, i);
      const event = fromReportEvent(e);
      const key = keyProblem(event);
      if (key) issues.add([{ path: `events[${i}].key`, message: key }]);
      events.push(event);
    }
    onProgress?.({ phase: 'checking', done: end, total: items.length });
    await nextTask();
  }
  return issues.empty ? { events } : { issues };
}

