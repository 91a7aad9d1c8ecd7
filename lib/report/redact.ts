/**
 * Redaction for sharing: other people's handles become pseudonyms. The user's own handles stay,
 * since the report is about them.
 *
 * Pseudonyms are numbered, person-1, person-2 …, in the order each person first appears in the
 * ledger (handles compared without case, as everywhere else). Numbering rather than a hash:
 * a hash of a handle can be reversed by hashing a list of likely handles, a number cannot, and
 * the mapping is kept nowhere. The same person gets the same number throughout one report; two
 * reports number independently only in so far as their ledgers differ.
 */
import type { LedgerEvent } from '../events';

const personOf = (e: LedgerEvent): string | null =>
  e.kind === 'access-granted' || e.kind === 'access-revoked' ? e.details.person : e.kind === 'appearance-seen' ? e.details.by : null;

/** Details fields of free text, where a handle can be mentioned (lib/events.ts DETAILS). */
const FREE_TEXT = ['restrictions', 'text', 'reason', 'reference'] as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Pseudonyms {
  /** The pseudonym of a handle (exact field). */
  of(handle: string): string;
  /** Free text (evidence, notes, links, keys) with every known handle replaced. */
  inText(text: string): string;
  /** An event with every other person's handle replaced, wherever it occurs. */
  inEvent(e: LedgerEvent): LedgerEvent;
}

/** `events` must be the whole ledger, oldest first, so that numbers follow first appearance. */
export function pseudonymsFor(events: readonly LedgerEvent[]): Pseudonyms {
  const numbers = new Map<string, string>();
  for (const e of events) {
    const person = personOf(e)?.toLowerCase();
    if (person && !numbers.has(person)) numbers.set(person, `person-${numbers.size + 1}`);
  }
  // Longest first, so that "ann.b" is replaced as itself and not as "ann" followed by ".b";
  // a handle only counts where it stands alone, not inside a longer word ("ann" in "joanne").
  const handles = [...numbers.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = handles.length ? new RegExp(`(?<![\\p{L}\\p{N}_])(?:${handles.join('|')})(?![\\p{L}\\p{N}_])`, 'giu') : null;
  // A case-insensitive match whose lower case is not a key (a few letters fold differently) is still replaced.
  const of = (handle: string) => numbers.get(handle.toLowerCase()) ?? 'person';
  const inText = (text: string) => (pattern ? text.replace(pattern, of) : text);

  // In a URL only the path can name a person; the host stays a host even for a person called "sora".
  const inUrl = (url: string) => {
    const u = new URL(url);
    return `${u.origin}${inText(u.pathname)}`;
  };
  // The key is kind|service|own handle|subject (lib/fact-key.ts): only the subject can name someone else.
  const inKey = (key: string) => {
    const parts = key.split('|');
    return parts.length < 4 ? key : [...parts.slice(0, 3), ...parts.slice(3).map(inText)].join('|');
  };

  return {
    of,
    inText,
    inEvent: (e) => {
      if (!pattern) return e;
      const d: Record<string, unknown> = { ...e.details };
      for (const field of ['person', 'by'] as const) if (typeof d[field] === 'string') d[field] = of(d[field]);
      for (const field of FREE_TEXT) if (typeof d[field] === 'string') d[field] = inText(d[field]);
      if (typeof d.link === 'string') d.link = inUrl(d.link);
      const evidence = { ...e.evidence };
      if (evidence.url) evidence.url = inUrl(evidence.url);
      if (evidence.shownText) evidence.shownText = inText(evidence.shownText);
      return { ...e, key: inKey(e.key), evidence, details: d } as LedgerEvent;
    },
  };
}
