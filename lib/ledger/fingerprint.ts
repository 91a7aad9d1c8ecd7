/**
 * The ledger's fingerprint: a hash chain over its events in the order this ledger recorded them.
 * Each link is the SHA-256 of the previous link's hash followed by the event's canonical form, so
 * the last link (the head) stands for every event before it: a later export whose chain passes
 * through the same head extends the ledger that head described, and an event changed, removed or
 * reordered afterwards breaks every link from it on. It proves integrity, not authorship: whoever
 * writes a file can compute a chain for it. docs/fingerprint.md defines it precisely.
 */
import type { LedgerEvent } from './events';

/** One link: the `seq`-th event this ledger recorded (from 1), and the chain's hash up to it. */
export interface ChainLink {
  seq: number;
  id: string;
  hash: string;
}

/** The fingerprint of a ledger: its newest link, with when that event was recorded. */
export interface LedgerFingerprint {
  seq: number;
  hash: string;
  recordedAt: number;
}

/** The "previous hash" of the first link. */
export const GENESIS = '0'.repeat(64);

/**
 * JSON with object keys sorted by UTF-16 code units, no whitespace, fields whose value is
 * undefined left out, strings and numbers as JSON.stringify writes them. Arrays keep their order.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** SHA-256 (WebCrypto) of UTF-8 text or of a file's bytes, as 64 lower-case hex digits. */
export async function sha256Hex(data: string | ArrayBuffer): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', typeof data === 'string' ? encoder.encode(data) : data));
  let hex = '';
  for (const b of bytes) hex += HEX[b];
  return hex;
}

/** One link's hash: SHA-256 of the previous hash (hex) immediately followed by the event's canonical form. */
export const linkHash = (prev: string, event: LedgerEvent): Promise<string> => sha256Hex(prev + canonicalJson(event));

/** The links of `events`, in the order given, after `head` (none: they start the chain). */
export async function chainLinks(head: Pick<ChainLink, 'seq' | 'hash'> | undefined, events: readonly LedgerEvent[]): Promise<ChainLink[]> {
  const links: ChainLink[] = [];
  let prev = head?.hash ?? GENESIS;
  let seq = head?.seq ?? 0;
  for (const e of events) {
    prev = await linkHash(prev, e);
    links.push({ seq: ++seq, id: e.id, hash: prev });
  }
  return links;
}

/** Links recomputed at once. */
const CHECK_CHUNK = 512;

/**
 * Which of these links do not match their events (their indexes, in order): each recomputed from
 * the previous hash as stored, so none waits for another and WebCrypto hashes them side by side
 * (a digest awaited after another costs a round trip each: 13 s for 100k on a loaded machine,
 * against 3 s in parallel). That every link's `prev` is the hash before it is the caller's to check.
 */
export async function mismatches(links: readonly { prev: string; event: LedgerEvent; hash: string }[]): Promise<number[]> {
  const found: number[] = [];
  for (let start = 0; start < links.length; start += CHECK_CHUNK) {
    const chunk = links.slice(start, start + CHECK_CHUNK);
    const hashes = await Promise.all(chunk.map((l) => linkHash(l.prev, l.event)));
    hashes.forEach((h, i) => h !== chunk[i]!.hash && found.push(start + i));
  }
  return found;
}

/** The order a ledger that had no chain recorded its events in, as far as it can be told: by recording time, then id. */
export const recordingOrder = (a: LedgerEvent, b: LedgerEvent) => a.recordedAt - b.recordedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export type ChainCheck =
  | { ok: true; head: LedgerFingerprint | null; count: number }
  /** The first link that does not hold: what is wrong there. */
  | { ok: false; seq: number; id?: string; problem: 'changed' | 'missing-event' | 'unlinked-event' | 'out-of-order' };

/**
 * Checks links (in `seq` order, from 1) against the events they name: each hash recomputed from
 * the one before, every event linked once. Never repairs anything: it says where the chain breaks.
 */
export async function checkChain(links: readonly ChainLink[], eventOf: (id: string) => LedgerEvent | undefined, eventCount: number): Promise<ChainCheck> {
  const checks: { prev: string; event: LedgerEvent; hash: string }[] = [];
  let last: LedgerEvent | undefined;
  for (const [i, link] of links.entries()) {
    if (link.seq !== i + 1) return { ok: false, seq: i + 1, problem: 'out-of-order' };
    const e = eventOf(link.id);
    if (!e) return { ok: false, seq: link.seq, id: link.id, problem: 'missing-event' };
    checks.push({ prev: i ? links[i - 1]!.hash : GENESIS, event: e, hash: link.hash });
    last = e;
  }
  const [broken] = await mismatches(checks);
  if (broken !== undefined) return { ok: false, seq: links[broken]!.seq, id: links[broken]!.id, problem: 'changed' };
  if (eventCount !== links.length) return { ok: false, seq: links.length + 1, problem: 'unlinked-event' };
  const head = links.at(-1);
  return { ok: true, head: head && last ? { seq: head.seq, hash: head.hash, recordedAt: last.recordedAt } : null, count: links.length };
}

/** A fingerprint as people quote it: the hash in groups of eight, so it can be read out and compared. */
export const fingerprintText = (hash: string) => hash.match(/.{1,8}/g)?.join(' ') ?? hash;
