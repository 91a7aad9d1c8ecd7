// @vitest-environment happy-dom
/**
 * What the page engine does for every surface. Each surface's rules against their fixtures:
 * test/unit/rules/<surface>.test.ts; that every rule has fixtures: tables.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { narrowScope } from '@/lib/rules/page-engine';
import { run } from '../helpers/page-samples';

describe('the page engine', () => {
  it('keeps email addresses out of the text it reports', () => {
    const found = run({ url: 'https://privacy.openai.com/', html: '<div role="status">Your request to download your data was submitted. We wrote to alice@example.org.</div>' });
    expect(found).toHaveLength(1);
    expect(found[0]!.shownText).not.toContain('@');
    expect(found[0]!.shownText).toContain('[email]');
  });
});

describe('what a scan looks at after a batch of changes', () => {
  it('keeps each changed subtree on the page once: nothing taken off the page, nothing inside another', () => {
    document.body.innerHTML = '<section id="feed"><div id="list"><p id="post">x</p></div></section><aside id="side"></aside>';
    const feed = document.getElementById('feed')!;
    const list = document.getElementById('list')!;
    const text = document.getElementById('post')!.firstChild!;
    const side = document.getElementById('side')!;
    const old = document.createElement('div');
    expect(narrowScope([list, text, feed, old, side])).toEqual([feed, side]);
    // A changed text node stands for its element.
    expect(narrowScope([text])).toEqual([document.getElementById('post')]);
    feed.remove();
    expect(narrowScope([list, feed, side])).toEqual([side]);
  });
});
