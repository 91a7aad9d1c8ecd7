import { describe, expect, it } from 'vitest';
import { checkContentMessage, MAX_MESSAGE_BYTES } from '@/lib/background/messages';

const EXT = 'our-extension-id';
const fromSora = { id: EXT, url: 'https://sora.chatgpt.com/profile', tab: { id: 7 } };
const deletion = {
  type: 'observation',
  surface: 'sora',
  observation: {
    kind: 'cameo-deleted',
    occurredAt: Date.UTC(2026, 9, 3, 12),
    account: { service: 'sora', handle: 'alice' },
    evidence: { rule: 'sora.cameo-deleted.dialog', shownText: 'Cameo deleted' },
    details: {},
  },
};

describe('content messages', () => {
  it('accepts a well-formed observation from a page of its own surface', () => {
    const checked = checkContentMessage(deletion, fromSora, EXT);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.tabId).toBe(7);
  });

  it('refuses messages from another extension or without a page', () => {
    expect(checkContentMessage(deletion, { ...fromSora, id: 'someone-else' }, EXT)).toMatchObject({ ok: false });
    expect(checkContentMessage(deletion, { id: EXT }, EXT)).toMatchObject({ ok: false, error: expect.stringMatching(/no page URL/) });
  });

  it('refuses a page that reports for another surface or another service', () => {
    const fromChatgpt = { ...fromSora, url: 'https://chatgpt.com/' };
    expect(checkContentMessage(deletion, fromChatgpt, EXT)).toMatchObject({ ok: false, error: expect.stringMatching(/chatgpt cannot report for sora/) });
    const wrongService = { ...deletion, observation: { ...deletion.observation, account: { service: 'chatgpt', handle: 'a' } } };
    expect(checkContentMessage(wrongService, fromSora, EXT)).toMatchObject({ ok: false, error: expect.stringMatching(/only report sora/) });
  });

  it('refuses kinds only the user may make, unknown fields and bad values, naming the path', () => {
    const removal = { ...deletion, observation: { ...deletion.observation, kind: 'entry-removed', details: { target: 'abcdefgh' } } };
    expect(checkContentMessage(removal, fromSora, EXT).ok).toBe(false);
    const withToken = { ...deletion, observation: { ...deletion.observation, token: 'secret' } };
    expect(checkContentMessage(withToken, fromSora, EXT).ok).toBe(false);
    const badDate = { ...deletion, observation: { ...deletion.observation, occurredAt: 'yesterday' } };
    expect(checkContentMessage(badDate, fromSora, EXT)).toMatchObject({ ok: false, error: expect.stringMatching(/observation\.occurredAt/) });
  });

  it("takes a page's language only as a language subtag: the page writes its <html lang> as it likes", () => {
    const fromChatGPT = { id: EXT, url: 'https://chatgpt.com/', tab: { id: 3 } };
    const miss = (language: string) => checkContentMessage({ type: 'detector-miss', surface: 'chatgpt', rules: [], language }, fromChatGPT, EXT).ok;
    expect(miss('nl')).toBe(true);
    for (const forged of ['alice@example.org', 'nl-NL', '<img src=x>', 'x'.repeat(200), '']) expect(miss(forged), forged).toBe(false);
  });

  it('refuses an oversized message before parsing it', () => {
    const huge = { ...deletion, padding: 'x'.repeat(MAX_MESSAGE_BYTES) };
    expect(checkContentMessage(huge, fromSora, EXT)).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) });
  });
});
