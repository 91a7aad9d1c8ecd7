import { describe, expect, it } from 'vitest';
import { primarySubtag } from '@/lib/i18n/language-tag';

describe('a language tag’s primary subtag', () => {
  it('is lower-cased and cut before the region, whichever separator the tag uses', () => {
    expect(primarySubtag('de-AT')).toBe('de');
    expect(primarySubtag('de_AT')).toBe('de');
    expect(primarySubtag('FR')).toBe('fr');
    expect(primarySubtag('zh-Hant-TW')).toBe('zh');
  });

  it('is empty when there is no tag', () => {
    expect(primarySubtag('')).toBe('');
    expect(primarySubtag(null)).toBe('');
    expect(primarySubtag(undefined)).toBe('');
  });
});
