/**
 * What the in-page warning lists before an account deletion: what the user may want to do first.
 * Built in the background from the ledger (lib/warning/checklist.ts) and sent to the page as data.
 */
export type ChecklistItem =
  /** People who can still use the cameo: revoke them first. */
  | { id: 'people-with-access'; people: string[] }
  /** A cameo exists and was not deleted: delete it first so that its own 30-day clock starts. */
  | { id: 'cameo-not-deleted' }
  /** No data export requested, or requested but not received: get a copy first. */
  | { id: 'export-missing'; state: 'never-requested' | 'requested-not-received' }
  /** Privacy requests still waiting for an answer. */
  | { id: 'open-privacy-requests'; count: number };
