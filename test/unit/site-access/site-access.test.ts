import { expect, it } from 'vitest';
import { hostOfPattern, surfaceWithdrawn, withdrawnOrigins } from '@/lib/site-access/site-access';
import { REQUIRED_MATCH_PATTERNS } from '@/lib/facts/surfaces';

const holding = (held: string[]) => ({ contains: async ({ origins }: { origins: string[] }) => origins.every((o) => held.includes(o)) });

it('names the install-time host patterns no longer held, and none while all are', async () => {
  expect(REQUIRED_MATCH_PATTERNS).toContain('https://chatgpt.com/*');
  expect(await withdrawnOrigins(holding(REQUIRED_MATCH_PATTERNS))).toEqual([]);
  const rest = REQUIRED_MATCH_PATTERNS.filter((p) => p !== 'https://chatgpt.com/*');
  expect(await withdrawnOrigins(holding(rest))).toEqual(['https://chatgpt.com/*']);
  expect(await withdrawnOrigins(holding([]))).toEqual(REQUIRED_MATCH_PATTERNS);
});

it('shows a pattern as its host', () => {
  expect(hostOfPattern('https://chatgpt.com/*')).toBe('chatgpt.com');
  expect(hostOfPattern('https://privacy.openai.com/*')).toBe('privacy.openai.com');
});

it('knows which surface lost its access, so that a status from before is not shown as current', () => {
  expect(surfaceWithdrawn('chatgpt', ['https://chatgpt.com/*'])).toBe(true);
  expect(surfaceWithdrawn('privacy', ['https://chatgpt.com/*'])).toBe(false);
  expect(surfaceWithdrawn('chatgpt', [])).toBe(false);
});
