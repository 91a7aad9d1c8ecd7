/**
 * A screenshot of a copy elsewhere is never kept: only its SHA-256, so the user can later show that
 * a file they still hold is the one they logged (lib/copies/sightings.ts).
 */
import { sha256Hex } from '../ledger/fingerprint';

/** The screenshot's SHA-256, in hex: the only thing kept of it, so it can later be shown to be the same file. */
export const screenshotSha256 = async (file: Blob): Promise<string> => sha256Hex(await file.arrayBuffer());
