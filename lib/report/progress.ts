/**
 * Long exports and imports work in chunks and hand the event loop back between them, so the
 * page stays responsive and can show how far they are.
 */

export type Phase =
  /** Export: reading the ledger. */
  | 'reading-ledger'
  /** Export: turning events into the report's form and writing the file's text. */
  | 'writing-report'
  /** Import: checking the file's events. */
  | 'checking'
  /** Import: comparing with what the ledger holds. */
  | 'comparing'
  /** Import: writing the new events. */
  | 'writing-ledger';

export interface Progress {
  phase: Phase;
  done: number;
  total: number;
}

export type OnProgress = (progress: Progress) => void;

/** Events handled between two yields: a few milliseconds of work on a slow machine. */
export const CHUNK = 2000;

/**
 * Lets the browser render and handle input. setTimeout would do, but a tab in the background
 * has its timers slowed to once a second; a message round trip is not throttled.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
