// @vitest-environment happy-dom
/**
 * Sora's rules against their fixtures (test/fixtures/rules/sora.ts), in both wordings, and what
 * Sora's pages need of the engine: the handle from the Profile link, a toast region reused,
 * lists that settle before they count.
 */
import { describe, expect, it } from 'vitest';
import { PageState, scan, SETTLE_MS, type ScanContext } from '@/lib/rules/page-engine';
import { handleShown } from '@/lib/rules/page-reader';
import { SORA } from '@/lib/rules/sora';
import { run } from '../helpers/page-samples';
import { describeSurfaceFixtures } from '../helpers/surface-fixtures';

const happyDOM = (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
const CHARACTER = 'https://sora.chatgpt.com/profile/crystal.party';

describe('Sora', () => describeSurfaceFixtures('sora'));

describe("Sora's pages", () => {
  it('reads "cameo" and "character" in any capitalisation', () => {
    for (const text of ['CAMEO DELETED', 'cameo deleted', 'Character Deleted', 'your CHARACTER was deleted']) {
      expect(run({ url: 'https://sora.chatgpt.com/explore', html: `<div role="status">${text}</div>` }).map((f) => f.rule.id)).toEqual(['sora.cameo-deleted']);
    }
  });

  it('knows the signed-in handle from the sidebar\'s Profile link only, never from a link to another profile', () => {
    happyDOM.setURL('https://sora.chatgpt.com/explore');
    document.body.innerHTML = '<a href="/profile/crystal.party">Crystal</a><a href="/profile/erin">Profile of Erin</a><nav><a href="/profile/alice" aria-label="Profile">◯</a></nav>';
    expect(handleShown([document.documentElement], SORA.account)?.handle).toBe('alice');
    document.body.innerHTML = '<a href="/profile/crystal.party">Crystal</a><a href="/explore" aria-label="Profile">◯</a>';
    expect(handleShown([document.documentElement], SORA.account)).toBeNull();
  });

  it('reports a reused toast region again when it shows the message again', () => {
    happyDOM.setURL(CHARACTER);
    document.body.innerHTML = '<label>Restrictions <textarea>one</textarea></label><div role="status"></div>';
    const ctx: ScanContext = { doc: document, rules: SORA.rules, state: new PageState(), now: 0 };
    const region = document.querySelector('[role=status]')!;
    const say = (text: string) => {
      region.textContent = text;
      return scan([region], ctx).map((f) => f.details);
    };
    expect(say('Preferences saved')).toEqual([{ restrictions: 'one' }]);
    expect(say('Preferences saved')).toEqual([]);
    document.querySelector('textarea')!.value = 'two';
    say('');
    expect(say('Preferences saved')).toEqual([{ restrictions: 'two' }]);
  });

  it('does not count a change made while a list is still settling', () => {
    happyDOM.setURL(CHARACTER);
    const list = (...handles: string[]) => `<h3>Approved people</h3><ul>${handles.map((h) => `<li>@${h}</li>`).join('')}</ul>`;
    document.body.innerHTML = list('bob');
    const state = new PageState();
    const ctx = (now: number): ScanContext => ({ doc: document, rules: SORA.rules, state, now });
    const appeared = 60_000;
    expect(scan([document.documentElement], ctx(appeared))).toEqual([]);
    document.body.innerHTML = list('bob', 'carol');
    expect(scan([document.documentElement], ctx(appeared + SETTLE_MS - 1))).toEqual([]);
    document.body.innerHTML = list('bob', 'carol', 'dave');
    expect(scan([document.documentElement], ctx(appeared + SETTLE_MS)).map((f) => f.details)).toEqual([{ person: 'dave' }]);
  });
});
