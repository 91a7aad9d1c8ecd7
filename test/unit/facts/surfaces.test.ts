import { describe, expect, it } from 'vitest';
import { ALL_MATCH_PATTERNS, matchPatterns, OPTIONAL_MATCH_PATTERNS, REQUIRED_MATCH_PATTERNS, surfaceOfUrl } from '@/lib/facts/surfaces';

describe('surfaces', () => {
  it('maps each watched host to its surface', () => {
    expect(surfaceOfUrl('https://sora.chatgpt.com/profile')).toBe('sora');
    expect(surfaceOfUrl('https://sora.com/')).toBe('sora');
    expect(surfaceOfUrl('https://chatgpt.com/#settings/Account')).toBe('chatgpt');
    expect(surfaceOfUrl('https://privacy.openai.com/policies')).toBe('privacy');
  });

  it('does not watch the API platform: nothing there deletes an account or an organization', () => {
    expect(surfaceOfUrl('https://platform.openai.com/settings/organization/general')).toBeNull();
    expect(ALL_MATCH_PATTERNS.some((p) => p.includes('platform.openai.com'))).toBe(false);
  });

  it('does not claim look-alike hosts, other OpenAI hosts, plain http or junk', () => {
    expect(surfaceOfUrl('https://help.openai.com/en/articles/6378407')).toBeNull();
    expect(surfaceOfUrl('https://chatgpt.com.evil.example/')).toBeNull();
    expect(surfaceOfUrl('https://evilchatgpt.com/')).toBeNull();
    expect(surfaceOfUrl('http://chatgpt.com/')).toBeNull();
    expect(surfaceOfUrl('not a url')).toBeNull();
  });

  it('asks for HTTPS on exactly the watched hosts', () => {
    expect(matchPatterns('sora')).toEqual(['https://sora.chatgpt.com/*', 'https://sora.com/*']);
    expect(ALL_MATCH_PATTERNS).toHaveLength(4);
    for (const pattern of ALL_MATCH_PATTERNS) expect(pattern).toMatch(/^https:\/\/[a-z.]+\/\*$/);
  });

  it("asks for Sora's hosts only on request: its site closed", () => {
    expect(OPTIONAL_MATCH_PATTERNS).toEqual(matchPatterns('sora'));
    expect(REQUIRED_MATCH_PATTERNS.filter((p) => OPTIONAL_MATCH_PATTERNS.includes(p))).toEqual([]);
    expect([...REQUIRED_MATCH_PATTERNS, ...OPTIONAL_MATCH_PATTERNS].sort()).toEqual([...ALL_MATCH_PATTERNS].sort());
  });
});
