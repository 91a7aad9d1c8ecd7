/**
 * Redaction for sharing: other people's handles become pseudonyms. The user's own handles stay,
 * since the report is about them; the names they gave accounts without a handle become account-1 ….
 *
 * Pseudonyms are numbered, person-1, person-2 …, in the order each person first appears in the
 * ledger. Numbering rather than a hash: a hash of a handle can be reversed by hashing a list of
 * likely handles, a number cannot, and the mapping is kept nowhere. The same person gets the same
 * number throughout one report; two reports number independently only in so far as their ledgers differ.
 *
 * Everything else that could lead back to a person is replaced too: every event id (entry-000001 …,
 * references follow) and every idempotency key (key-000001 …), since a key derived from a text
 * keeps a hash of it. In free text (notes, restrictions, reasons, references, the text shown on
 * the page, URL paths) a handle is found however it is written: in another case (the dotted İ
 * too), percent-encoded, in fullwidth or decomposed Unicode. Any other `@handle` there becomes
 * `@someone`. The rest of free text is kept as written, and the dashboard says so.
 */
import { addressWithHandleReplaced, handleInAddress } from '../copies/address';
import { KINDS } from '../ledger/event-kinds';
import type { LedgerEvent } from '../ledger/events';

/** Another person an event names: one granted access, a creator, or the uploader in a copy's address. */
const personOf = (e: LedgerEvent): string | null =>
  e.kind === 'access-granted' || e.kind === 'access-revoked'
    ? e.details.person
    : e.kind === 'appearance-seen'
      ? e.details.by
      : e.kind === 'sighting-logged'
        ? handleInAddress(e.details.address)
        : null;

/** Details fields of free text, where a handle can be mentioned (lib/ledger/events.ts DETAILS). */
const FREE_TEXT = ['restrictions', 'text', 'reason', 'reference'] as const;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A handle as compared: NFKC (fullwidth letters, composed accents), lower case, and the dotted
 * capital İ, whose lower case is "i" and a combining dot, as plain "i".
 */
export const foldHandle = (s: string) => s.normalize('NFKC').toLowerCase().replace(/i\u0307/g, 'i').normalize('NFKC');

/** A run of percent-escapes, or one character with the combining marks that follow it. */
const UNIT = /(?:%[0-9A-Fa-f]{2})+|[\s\S][\p{M}]*/gu;

/** Text folded for matching, with where each folded piece came from in the original. */
function folded(text: string): { text: string; from: number[]; to: number[]; at: number[] } {
  const pieces: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const at: number[] = [];
  let length = 0;
  const push = (piece: string, start: number, end: number) => {
    pieces.push(piece);
    from.push(start);
    to.push(end);
    at.push(length);
    length += piece.length;
  };
  for (const m of text.matchAll(UNIT)) {
    const unit = m[0];
    let decoded = unit;
    if (unit.startsWith('%')) {
      try {
        decoded = decodeURIComponent(unit);
      } catch {
        // Not UTF-8: each escape stays as it is written.
        for (let i = 0; i < unit.length; i++) push(unit[i]!.toLowerCase(), m.index + i, m.index + i + 1);
        continue;
      }
    }
    push(foldHandle(decoded), m.index, m.index + unit.length);
  }
  return { text: pieces.join(''), from, to, at };
}

/** The index of the piece holding folded position `pos`. */
function pieceAt(at: readonly number[], pos: number): number {
  let lo = 0;
  let hi = at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (at[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const number = (prefix: string, n: number) => `${prefix}-${String(n).padStart(6, '0')}`;

export interface Pseudonyms {
  /** The pseudonym of a handle (exact field). */
  of(handle: string): string;
  /** Free text with every known handle and every other `@handle` replaced. */
  inText(text: string): string;
  /** The pseudonym of an event id, for the report's derived parts. */
  id(id: string): string;
  /** An event with every other person's handle, its id, its references and its key replaced. */
  inEvent(e: LedgerEvent): LedgerEvent;
}

/** `events` must be the whole ledger, oldest first, so that numbers follow first appearance. */
export function pseudonymsFor(events: readonly LedgerEvent[]): Pseudonyms {
  const numbers = new Map<string, string>();
  // The names the user gave their accounts ("Work", an email) lead back to them like a handle:
  // numbered apart from people, account-1 …, wherever they are written.
  const named = new Map<string, string>();
  const own = new Set<string>();
  const ids = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const e of events) {
    const person = personOf(e);
    const key = person && foldHandle(person);
    if (key && !numbers.has(key)) numbers.set(key, `person-${numbers.size + 1}`);
    own.add(foldHandle(e.account.handle));
    if (e.kind === 'account-named' && !named.has(foldHandle(e.details.name))) named.set(foldHandle(e.details.name), `account-${named.size + 1}`);
    ids.set(e.id, number('entry', ids.size + 1));
  }
  // Longest first, so that "ann.b" is replaced as itself and not as "ann" followed by ".b";
  // a handle only counts where it stands alone, not inside a longer word ("ann" in "joanne").
  // Any other @handle (a mention of someone never granted access) is matched as a whole.
  const handles = [...numbers.keys(), ...named.keys()].sort((a, b) => b.length - a.length).map(escape);
  const known = handles.length ? `|(?<![\\p{L}\\p{N}_])(?:${handles.join('|')})(?![\\p{L}\\p{N}_])` : '';
  const pattern = new RegExp(`@[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_])?${known}`, 'gu');
  const of = (handle: string) => numbers.get(foldHandle(handle)) ?? 'person';
  const replacement = (match: string) => {
    if (named.has(match)) return named.get(match)!;
    if (!match.startsWith('@')) return of(match);
    const handle = match.slice(1);
    return numbers.has(handle) ? `@${numbers.get(handle)!}` : own.has(handle) ? null : '@someone';
  };

  const inText = (text: string) => {
    const f = folded(text);
    let out = '';
    let kept = 0;
    for (const m of f.text.matchAll(pattern)) {
      const replaced = replacement(m[0]);
      if (replaced === null) continue;
      const start = f.from[pieceAt(f.at, m.index)]!;
      const end = f.to[pieceAt(f.at, m.index + m[0].length - 1)]!;
      if (start < kept) continue;
      out += text.slice(kept, start) + replaced;
      kept = end;
    }
    return out + text.slice(kept);
  };

  // In a URL only the path can name a person; the host stays a host even for a person called "sora".
  const inUrl = (url: string) => {
    const u = new URL(url);
    return `${u.origin}${inText(u.pathname)}`;
  };
  const id = (original: string) => {
    if (!ids.has(original)) ids.set(original, number('entry', ids.size + 1));
    return ids.get(original)!;
  };
  // A key names the fact, and for free text keeps a hash of it: replaced whole, one pseudonym per key.
  const key = (original: string) => {
    if (!keys.has(original)) keys.set(original, number('key', keys.size + 1));
    return keys.get(original)!;
  };

  return {
    of,
    inText,
    id,
    inEvent: (e) => {
      const d: Record<string, unknown> = { ...e.details };
      for (const field of ['person', 'by'] as const) if (typeof d[field] === 'string') d[field] = of(d[field]);
      if (e.kind === 'account-named') d.name = named.get(foldHandle(e.details.name));
      for (const field of FREE_TEXT) if (typeof d[field] === 'string') d[field] = inText(d[field]);
      // The details field that holds another event's id (a privacy request's `request` is its type, an answer's the request's id).
      const reference = KINDS[e.kind].refersBy;
      if (reference && typeof d[reference] === 'string') d[reference] = id(d[reference]);
      if (typeof d.link === 'string') d.link = inUrl(d.link);
      // A copy's address keeps its platform and the video's identity; the uploader's handle goes.
      if (e.kind === 'sighting-logged') d.address = addressWithHandleReplaced(e.details.address, (h) => (own.has(foldHandle(h)) ? h : of(h)));
      const evidence = { ...e.evidence };
      if (evidence.url) evidence.url = inUrl(evidence.url);
      if (evidence.shownText) evidence.shownText = inText(evidence.shownText);
      // An imported event may carry any text here: a rule's name, a cameo's id, a file's name.
      if (evidence.rule) evidence.rule = inText(evidence.rule);
      if (typeof d.cameoId === 'string') d.cameoId = inText(d.cameoId);
      return {
        ...e,
        id: id(e.id),
        key: key(e.key),
        evidence,
        details: d,
        ...(e.supersedes ? { supersedes: id(e.supersedes) } : {}),
        ...(e.imported ? { imported: { ...e.imported, file: inText(e.imported.file) } } : {}),
      } as LedgerEvent;
    },
  };
}
