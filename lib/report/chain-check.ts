/**
 * Checks a report's fingerprint chain against its events before import: each link recomputed from
 * the hash before it, links that follow each other joined, every event linked once, the head
 * where the links say it is. It shows a file was not changed since its ledger wrote it; it cannot
 * show who wrote it.
 */
import type { LedgerEvent } from '../ledger/events';
import { GENESIS, mismatches } from '../ledger/fingerprint';
import { t } from '../i18n/i18n';
import { IssueList } from './issues';
import type { Report } from './schema';

export type ChainVerdict = { fingerprint: 'verified' | 'none' } | { fingerprint: 'broken'; issues: IssueList };

/** `events` are the report's, in its order, as ledger events. */
export async function checkReportChain(chain: Report['chain'], events: readonly LedgerEvent[]): Promise<ChainVerdict> {
  if (!chain) return { fingerprint: 'none' };
  const issues = new IssueList();
  const eventAt = new Map(events.map((e, i) => [e.id, i]));
  const linked = new Set<string>();
  const seqs = new Set<number>();
  let before: (typeof chain.links)[number] | undefined;
  const hashed: { at: number; prev: string; event: LedgerEvent; hash: string }[] = [];
  for (const [i, link] of chain.links.entries()) {
    const path = `chain.links[${i}]`;
    const at = eventAt.get(link.id);
    if (at === undefined) issues.add([{ path: `${path}.id`, message: t('issueChainNoEvent', link.id) }]);
    else if (linked.has(link.id) || seqs.has(link.seq)) issues.add([{ path, message: t('issueChainLinkedTwice') }]);
    else hashed.push({ at: i, prev: link.prev, event: events[at]!, hash: link.hash });
    if (before && link.seq <= before.seq) issues.add([{ path: `${path}.seq`, message: t('issueChainOrder') }]);
    if (link.seq === 1 && link.prev !== GENESIS) issues.add([{ path: `${path}.prev`, message: t('issueChainGenesis') }]);
    if (before && link.seq === before.seq + 1 && link.prev !== before.hash) issues.add([{ path: `${path}.prev`, message: t('issueChainBreak') }]);
    if (link.seq > chain.head.seq || (link.seq === chain.head.seq && link.hash !== chain.head.hash)) issues.add([{ path, message: t('issueChainHead') }]);
    linked.add(link.id);
    seqs.add(link.seq);
    before = link;
  }
  // Each link from its own `prev`, all at once; their joins were checked above.
  for (const broken of await mismatches(hashed)) {
    const { at, event } = hashed[broken]!;
    issues.add([{ path: `chain.links[${at}].hash`, message: t('issueChainChanged', `events[${eventAt.get(event.id)!}]`) }]);
  }
  // A redacted report keeps only the head, and cannot be imported anyway; any other links every event.
  events.forEach((e, i) => {
    if (!linked.has(e.id)) issues.add([{ path: `events[${i}]`, message: t('issueChainUnlinked') }]);
  });
  return issues.empty ? { fingerprint: 'verified' } : { fingerprint: 'broken', issues };
}
