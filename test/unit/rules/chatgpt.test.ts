// @vitest-environment happy-dom
/**
 * ChatGPT's rules against their fixtures (test/fixtures/rules/chatgpt.ts): its network rules, its
 * deletion step in every language the fixtures speak, its route anchors.
 */
import { describe, expect, it } from 'vitest';
import { anchorsFor } from '@/lib/rules/page-rules';
import { CHATGPT } from '@/lib/rules/chatgpt';
import { CHATGPT_FIXTURES } from '../../fixtures/rules/chatgpt';
import { DELETION_WORDS, deletionDialog, type DialogLanguage } from '../../fixtures/rules/deletion-dialogs';
import { describeSurfaceFixtures } from '../helpers/surface-fixtures';

describe('ChatGPT', () => describeSurfaceFixtures('chatgpt'));

describe("ChatGPT's pages", () => {
  it("ChatGPT's step fires in every language the fixtures speak, the unknown one included", () => {
    const fired = CHATGPT_FIXTURES.steps['chatgpt.delete-account.confirm']!.fires.map((p) => p.html);
    for (const lang of Object.keys(DELETION_WORDS) as DialogLanguage[]) expect(fired).toContain(deletionDialog(lang));
  });

  it('an anchor that names English text is not looked for on a German page', () => {
    const english = CHATGPT.anchors!.find((a) => a.id === 'chatgpt.account-delete-button')!;
    expect(anchorsFor([english], 'de-DE')).toEqual([]);
  });
});
