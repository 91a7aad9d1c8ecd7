// An extension page's writes as the built extension makes them: each request crosses to the
// background's handler as a message would (JSON, as Chromium sends it), is parsed there, and answered.
import { handleUiRequest, UiRequest } from '@/lib/background/ui-requests';
import type { LedgerDb } from '@/lib/ledger/ledger';
import { ledgerWrites, type LedgerWrites } from '@/lib/ledger/ui-writes';
import { memoryArea } from './memory-area';

const crossing = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export function throughBackground(db: LedgerDb, onRecorded?: () => void, local = memoryArea()): LedgerWrites {
  return ledgerWrites(async (raw) => {
    const request = UiRequest.safeParse(crossing(raw));
    if (!request.success) return { ok: false, error: 'invalid request' };
    const deps = { db: async () => db, local, extensionId: 'ext', extensionBase: 'chrome-extension://ext/', ...(onRecorded ? { onRecorded } : {}) };
    return crossing(await handleUiRequest(request.data, deps).catch((e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) })));
  });
}
