/**
 * A screenshot of a copy elsewhere is never kept: only its SHA-256, so the user can later show that
 * a file they still hold is the one they logged (lib/copies/sightings.ts).
 */

/** The screenshot's SHA-256, in hex: the only thing kept of it, so it can later be shown to be the same file. (lib/ledger/fingerprint.ts hashes text for the chain; this hashes a file.) */
export async function screenshotSha256(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
