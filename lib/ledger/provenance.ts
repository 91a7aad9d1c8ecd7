/**
 * How an entry is known, for everything that states it to someone else (the dashboard, the
 * evidence report, the letters): an imported entry is "imported from <file>", never "confirmed by
 * the service's own response", whatever the file said; and the ledger's fingerprint as a sentence.
 * The letters (lib/letters/drafts.ts) are in English, as they are sent to OpenAI and authorities.
 */
import type { Imported, LedgerEvent } from './events';
import { fingerprintText, type LedgerFingerprint } from './fingerprint';
import { isoFormatter } from '../report/iso-time';

export type Provenance = { kind: 'imported'; imported: Imported } | { kind: 'own'; certainty: LedgerEvent['certainty'] };

/** An imported entry's certainty is the file's claim, not this browser's observation. */
export const provenanceOf = (e: LedgerEvent): Provenance =>
  e.imported ? { kind: 'imported', imported: e.imported } : { kind: 'own', certainty: e.certainty };

const FINGERPRINT_WORDS: Record<Imported['fingerprint'], string> = {
  verified: "the file's fingerprint checked out",
  unverified: "the file's fingerprint did not check out",
  none: 'the file had no fingerprint',
};

/** For a letter's evidence line: `imported from the file "x.json" on 2026-03-01 (the file's fingerprint checked out)`; null for an entry of this browser's own. */
export function importedStatement(e: LedgerEvent, timeZone: string): string | null {
  if (!e.imported) return null;
  const day = isoFormatter(timeZone)(e.imported.at).slice(0, 10);
  return `imported from the file "${e.imported.file}" on ${day} (${FINGERPRINT_WORDS[e.imported.fingerprint]})`;
}

/** For a letter: the ledger's fingerprint and its date, so that a later export can be shown to extend it. */
export function fingerprintStatement(fingerprint: LedgerFingerprint | null, timeZone: string): string {
  if (!fingerprint) return 'My ledger was empty when this was written, so it has no fingerprint.';
  const at = isoFormatter(timeZone)(fingerprint.recordedAt).replace(/:\d\d\.\d{3}/, '');
  return `Fingerprint of my ledger (SHA-256 hash chain over its ${fingerprint.seq} entries, the last recorded ${at}): ${fingerprintText(fingerprint.hash)}`;
}
