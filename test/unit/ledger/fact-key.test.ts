import { describe, expect, it } from 'vitest';
import type { NewEvent } from '@/lib/ledger/events';
import { SAME_FACT_WITHIN_MS, sameFactWithinMs, factKey } from '@/lib/ledger/fact-key';

const T = Date.UTC(2025, 9, 3, 10);

/** One report of a fact, as a content script (page) or the network watcher would send it. */
function report(kind: NewEvent['kind'], details: Record<string, unknown>, extra: Partial<NewEvent> = {}): NewEvent {
  return {
    kind,
    details,
    occurredAt: T,
    account: { service: 'sora', handle: 'alice' },
    source: 'page',
    evidence: {},
    ...extra,
  } as NewEvent;
}

describe('a fact key', () => {
  it('is the same for one fact seen on the page and in the network, at slightly different times', () => {
    const page = report('access-granted', { person: 'bob' }, { evidence: { url: 'https://sora.chatgpt.com/profile', rule: 'grant-button' } });
    const network = report('access-granted', { person: 'bob' }, { source: 'network', occurredAt: T + 1500, evidence: { rule: 'grant-request' } });
    expect(factKey(network)).toBe(factKey(page));
  });

  it('is the same for a cameo deletion whether or not the report knew the cameo id', () => {
    expect(factKey(report('cameo-deleted', { cameoId: 'cameo_123' }, { source: 'network' }))).toBe(factKey(report('cameo-deleted', {})));
  });

  it('differs for a different person, kind or account', () => {
    const bob = factKey(report('access-granted', { person: 'bob' }));
    expect(factKey(report('access-granted', { person: 'carol' }))).not.toBe(bob);
    expect(factKey(report('access-revoked', { person: 'bob' }))).not.toBe(bob);
    expect(factKey(report('access-granted', { person: 'bob' }, { account: { service: 'sora', handle: 'dave' } }))).not.toBe(bob);
    expect(factKey(report('access-granted', { person: 'bob' }, { account: { service: 'chatgpt', handle: 'alice' } }))).not.toBe(bob);
  });

  it('ignores the case of handles', () => {
    expect(factKey(report('access-granted', { person: 'Bob' }, { account: { service: 'sora', handle: 'ALICE' } }))).toBe(
      factKey(report('access-granted', { person: 'bob' })),
    );
  });

  it('names the audience chosen, not the one before', () => {
    const toMe = factKey(report('audience-changed', { after: 'only-me' }));
    expect(factKey(report('audience-changed', { before: 'everyone', after: 'only-me' }))).toBe(toMe);
    expect(factKey(report('audience-changed', { after: 'everyone' }))).not.toBe(toMe);
  });

  it('reads restrictions without case or surrounding space, and tells different ones apart', () => {
    const key = factKey(report('restrictions-changed', { restrictions: 'No political content' }));
    expect(factKey(report('restrictions-changed', { restrictions: '  no POLITICAL content ' }))).toBe(key);
    expect(factKey(report('restrictions-changed', { restrictions: 'No ads' }))).not.toBe(key);
  });

  it('tells appearances apart by person, place and link', () => {
    const draft = factKey(report('appearance-seen', { by: 'bob', where: 'draft', link: 'https://sora.chatgpt.com/d/1' }));
    expect(factKey(report('appearance-seen', { by: 'Bob', where: 'draft', link: 'https://sora.chatgpt.com/d/1' }))).toBe(draft);
    expect(factKey(report('appearance-seen', { by: 'carol', where: 'draft', link: 'https://sora.chatgpt.com/d/1' }))).not.toBe(draft);
    expect(factKey(report('appearance-seen', { by: 'bob', where: 'post', link: 'https://sora.chatgpt.com/d/1' }))).not.toBe(draft);
    expect(factKey(report('appearance-seen', { by: 'bob', where: 'draft', link: 'https://sora.chatgpt.com/d/2' }))).not.toBe(draft);
  });

  it('tells privacy requests, answers and follow-ups apart by what they are about', () => {
    const gdprErasure = factKey(report('privacy-request-sent', { law: 'gdpr', channel: 'email', request: 'erasure' }));
    expect(factKey(report('privacy-request-sent', { law: 'gdpr', channel: 'privacy-portal', request: 'erasure' }))).toBe(gdprErasure);
    expect(factKey(report('privacy-request-sent', { law: 'ccpa', channel: 'email', request: 'erasure' }))).not.toBe(gdprErasure);
    expect(factKey(report('privacy-request-sent', { law: 'gdpr', channel: 'email', request: 'access' }))).not.toBe(gdprErasure);
    expect(factKey(report('purge-verified', { window: 'window-0001' }))).not.toBe(factKey(report('purge-verified', { window: 'window-0002' })));
    const followUp = (to: string) => factKey(report('follow-up-sent', { window: 'window-0001', law: 'gdpr', to }));
    expect(followUp('authority')).not.toBe(followUp('openai-privacy'));
    expect(factKey(report('entry-removed', { target: 'event-0001' }))).not.toBe(factKey(report('entry-removed', { target: 'event-0002' })));
  });
});

describe('the time within which a repeated report is the same fact', () => {
  it('is ten minutes for actions, and forever for seeing an appearance', () => {
    expect(SAME_FACT_WITHIN_MS).toBe(10 * 60 * 1000);
    expect(sameFactWithinMs('access-granted')).toBe(SAME_FACT_WITHIN_MS);
    expect(sameFactWithinMs('cameo-deleted')).toBe(SAME_FACT_WITHIN_MS);
    expect(sameFactWithinMs('appearance-seen')).toBe(Number.POSITIVE_INFINITY);
  });
});
