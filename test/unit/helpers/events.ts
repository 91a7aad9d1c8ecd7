// Builds valid ledger events for tests, with only what a test cares about spelled out.
import { buildEvent } from '@/lib/ledger/ledger';
import type { LedgerEvent, NewEvent } from '@/lib/ledger/events';

let counter = 0;

export const ALICE = { service: 'sora', handle: 'alice' } as const;

/** A manual event of the given kind, details and time (ms or ISO string). */
export function ev(kind: NewEvent['kind'], details: Record<string, unknown>, at: number | string, extra: Partial<NewEvent> = {}): LedgerEvent {
  const occurredAt = typeof at === 'string' ? Date.parse(at) : at;
  counter += 1;
  return buildEvent(
    { kind, details, occurredAt, account: ALICE, source: 'manual', evidence: {}, ...extra } as NewEvent,
    occurredAt,
    `test-event-${String(counter).padStart(4, '0')}`,
  );
}
