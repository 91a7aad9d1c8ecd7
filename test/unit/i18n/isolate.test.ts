import { describe, expect, it } from 'vitest';
import { foreignParts, isolate } from '@/lib/i18n/isolate';

describe('isolating text others wrote', () => {
  it('puts plain text between FSI and PDI, without direction controls of its own that could end the isolate early', () => {
    expect(isolate('alice')).toBe('\u2068alice\u2069');
    expect(isolate('a\u2069b\u202Ec')).toBe('\u2068abc\u2069');
  });

  it('splits a sentence around the strings others wrote, once each, left to right', () => {
    expect(foreignParts('Sora · bob', ['bob'])).toEqual([
      { text: 'Sora · ', foreign: false },
      { text: 'bob', foreign: true },
    ]);
    // "to" inside "tom": only the first occurrence, and the words around stay as they are.
    expect(foreignParts('to tom', ['tom', undefined, 'absent'])).toEqual([
      { text: 'to ', foreign: false },
      { text: 'tom', foreign: true },
    ]);
  });
});
