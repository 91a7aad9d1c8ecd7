/**
 * How the extension's own pages (popup, dashboard) write to the ledger: by asking the background, one request per action
 * (lib/background/ui-requests.ts). Such a page holds the ledger open to read it, never to write:
 * the background's path is the one door, checked against lib/ledger/writers.ts.
 */
import type { UiReply, UiRequest } from '../background/ui-requests';
import type { NewEvent } from './events';
import type { ImportOptions, ImportResult } from '../report/import';

export type Ask = (request: UiRequest) => Promise<UiReply>;

export interface LedgerWrites {
  /** A manual entry; resolves with its id. */
  record(event: NewEvent): Promise<string>;
  /** Edits a manual entry; resolves with the new version's id. */
  edit(id: string, changes: Partial<Pick<NewEvent, 'occurredAt' | 'occurredPrecision' | 'account' | 'details'>>): Promise<string>;
  /** Removes an entry (its history stays); resolves with the removal's id. */
  remove(id: string, reason?: string): Promise<string>;
  /** Imports a report file's text, with the choices the user made on its preview. */
  importReport(text: string, options: ImportOptions): Promise<ImportResult>;
  /** Erases the whole ledger, and the observations waiting for room. */
  erase(): Promise<void>;
}

/** The background's answer, or its refusal as an error. */
async function answer(ask: Ask, request: UiRequest): Promise<UiReply & { ok: true }> {
  const reply = await ask(request);
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}

const idOf = (reply: UiReply) => {
  if (!('id' in reply)) throw new Error('unexpected reply');
  return reply.id;
};

export function ledgerWrites(ask: Ask): LedgerWrites {
  return {
    record: async (event) => idOf(await answer(ask, { type: 'record', event: event as unknown as Record<string, unknown> })),
    edit: async (id, changes) => idOf(await answer(ask, { type: 'edit', id, changes })),
    remove: async (id, reason) => idOf(await answer(ask, { type: 'remove', id, ...(reason ? { reason } : {}) })),
    async importReport(text, options) {
      const reply = await answer(ask, {
        type: 'import',
        text,
        fileName: (options.fileName ?? '').slice(0, 255),
        ...(options.timeZone ? { timeZone: options.timeZone } : {}),
        keepOwn: [...(options.keepOwn ?? [])],
        applyChanges: options.applyChanges ?? false,
        acceptUnverified: options.acceptUnverified ?? false,
      });
      if (!('imported' in reply)) throw new Error('unexpected reply');
      return reply.imported;
    },
    erase: async () => void (await answer(ask, { type: 'erase' })),
  };
}
