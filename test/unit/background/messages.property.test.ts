// Property tests for the content-message gate: whatever a page sends, the gate never throws,
// and it lets through only what the schemas and the sender rules allow.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerEvent } from '@/lib/ledger/events';
import { buildEvent } from '@/lib/ledger/ledger';
import { checkContentMessage } from '@/lib/background/messages';

const EXT = 'ext-id';
const SENDERS = ['https://sora.chatgpt.com/profile', 'https://sora.chatgpt.com/drafts', 'https://chatgpt.com/', 'https://privacy.openai.com/', 'https://platform.openai.com/x', 'https://example.org/', 'not a url'];
const sender = fc.record({ id: fc.constantFrom(EXT, 'other'), url: fc.option(fc.constantFrom(...SENDERS), { nil: undefined }) });

/** Valid observations of a few kinds, with free handles, times and people. */
const validObservation = fc
  .record({
    template: fc.constantFrom(
      { kind: 'cameo-deleted', details: {} },
      { kind: 'audience-changed', details: { after: 'everyone' } },
      { kind: 'access-granted', details: { person: 'bob' } },
    ),
    handle: fc.string({ minLength: 1, maxLength: 20 }).filter((h) => h.trim().length > 0),
    occurredAt: fc.integer({ min: Date.UTC(2001, 0, 1), max: Date.UTC(2199, 0, 1) }),
  })
  .map(({ template, handle, occurredAt }) => ({ ...template, occurredAt, account: { service: 'sora', handle }, evidence: {} }));

/** A valid observation with one field replaced by anything at all. */
const mutatedObservation = fc
  .tuple(validObservation, fc.constantFrom('kind', 'occurredAt', 'account', 'evidence', 'details', 'extra'), fc.anything())
  .map(([obs, field, value]) => ({ ...obs, [field]: value }));

const observation = fc.oneof(validObservation, mutatedObservation);
const message = fc.oneof(
  fc.record({ type: fc.constant('observation'), surface: fc.constantFrom('sora', 'sora', 'chatgpt'), observation }),
  fc.record({ type: fc.constantFrom('page-visit', 'detector-miss', 'warning-checklist', 'erase'), surface: fc.constantFrom('sora', 'chatgpt') }),
  fc.jsonValue(),
  fc.anything(),
);

describe('content-message gate (property)', () => {
  it('never throws, and what it accepts is a valid event from the right sender', () => {
    let accepted = 0;
    fc.assert(
      fc.property(message, sender, (raw, from) => {
        const checked = checkContentMessage(raw, from, EXT);
        if (!checked.ok) {
          expect(typeof checked.error).toBe('string');
          return;
        }
        expect(from.id).toBe(EXT);
        if (checked.message.type !== 'observation') return;
        accepted += 1;
        const obs = checked.message.observation;
        // Whatever got through becomes a valid ledger event: no field beyond the schema survives.
        const event = buildEvent({ ...obs, source: 'page' } as never, Date.now(), 'prop-test-0001');
        expect(LedgerEvent.safeParse(event).success).toBe(true);
        expect(['entry-removed', 'note']).not.toContain(obs.kind);
      }),
      { numRuns: 3000 },
    );
    // The generators reach the accepting side too, or the property would say nothing.
    expect(accepted).toBeGreaterThan(0);
  });
});
