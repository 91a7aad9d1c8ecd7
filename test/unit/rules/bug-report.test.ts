import { describe, expect, it } from 'vitest';
import { describeForBugReport, redactedPath } from '@/lib/rules/bug-report';
import type { TabStatus } from '@/lib/background/tab-status';

const status: TabStatus = {
  surface: 'sora',
  path: '/profile/alice_b/characters/ch_8f3a9',
  seen: ['8c1f6a2e-0000-4000-8000-000000000001'],
  misses: ['sora.audience-changed'],
  watching: ['sora.audience-changed', 'sora.cameo-deleted'],
  handle: 'alice_b',
};

describe('the bug report for a detector miss', () => {
  it('names the surface, the path with its ids replaced, the rules and the version', () => {
    expect(describeForBugReport(status, '1.2.3')).toBe(
      [
        'Likeness Ledger 1.2.3: detection may be out of date on this page.',
        'Surface: sora (Sora)',
        'Page: /profile/:id/characters/:id',
        'Rules that found nothing: sora.audience-changed',
        'Rules watching this page: sora.audience-changed, sora.cameo-deleted',
        'Events seen on this visit: 1',
      ].join('\n'),
    );
  });

  it('never carries a handle, an event id, or a rule id it does not know', () => {
    const report = describeForBugReport({ ...status, misses: ['sora.audience-changed', 'alice_b'], watching: undefined }, '1.2.3');
    expect(report).not.toContain('alice');
    expect(report).not.toContain('8c1f6a2e');
    expect(report).toContain('Rules watching this page: none');
  });

  it('keeps only the words of the apps’ routes in a path', () => {
    expect(redactedPath('/')).toBe('/');
    expect(redactedPath('/settings/organization/General')).toBe('/settings/organization/general');
    expect(redactedPath('/p/s_123abc')).toBe('/p/:id');
    expect(redactedPath('/profile/bob')).toBe('/profile/:id');
  });
});

describe('the bug report on ChatGPT', () => {
  it("names a missing anchor of the route, and a page language the rules know no text of", () => {
    const report = describeForBugReport(
      { surface: 'chatgpt', path: '/c/68a1f0', seen: [], misses: ['chatgpt.settings-dialog'], watching: ['chatgpt.settings-dialog', 'chatgpt.profile-button'], handle: 'Alice Example', unknownLanguage: 'nl' },
      '1.2.3',
    );
    expect(report).toContain('Page: /:id/:id');
    expect(report).toContain('Rules that found nothing: chatgpt.settings-dialog');
    expect(report).toContain('Page language without known texts: nl');
    expect(report).not.toMatch(/alice/i);
  });
});
