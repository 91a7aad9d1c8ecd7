// @vitest-environment happy-dom
// The "Log this?" question against a page that takes it away, restyles it or listens for keys.
import { afterEach, describe, expect, it } from 'vitest';
import { askInPage, closeQuestion } from '@/components/in-page/ask';

const QUESTION = { en: 'Log this as a cameo deletion?', de: 'Als Cameo-Löschung eintragen?', fr: 'L’enregistrer ?', es: '¿Registrarlo?' };
const trusted = () => true;
const prompt = () => document.querySelector<HTMLDialogElement>('[data-likeness-ledger="ask"]');

afterEach(() => {
  closeQuestion();
  document.documentElement.lang = '';
  document.head.replaceChildren();
  document.documentElement.style.display = '';
});

describe('the "Log this?" question', () => {
  it('settles as "no" when the page removes it, and the next signal is asked about again', async () => {
    const first = askInPage(QUESTION, { trusted });
    prompt()!.remove();
    await expect(first).resolves.toBe(false);
    const second = askInPage(QUESTION, { trusted });
    expect(prompt()).not.toBeNull();
    [...prompt()!.querySelectorAll('button')][0]!.click();
    await expect(second).resolves.toBe(true);
  });

  it('settles as "no" when the page hides it', async () => {
    const answer = askInPage(QUESTION, { trusted });
    document.documentElement.style.display = 'none';
    await expect(answer).resolves.toBe(false);
    expect(prompt()).toBeNull();
  });

  it('keeps keys typed in it from the page', async () => {
    const seen: string[] = [];
    for (const type of ['keydown', 'keyup', 'keypress']) {
      document.addEventListener(type, () => seen.push(`${type} capture`), true);
      document.addEventListener(type, () => seen.push(type));
    }
    const answer = askInPage(QUESTION, { trusted });
    for (const type of ['keydown', 'keyup', 'keypress']) document.activeElement!.dispatchEvent(new KeyboardEvent(type, { key: 'x', bubbles: true }));
    expect(seen).toEqual([]);
    prompt()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await expect(answer).resolves.toBe(false);
  });

  it("stays displayed whatever the page's stylesheet says (its colours: test/e2e/warning-dialog.e2e.ts)", async () => {
    const style = document.head.appendChild(document.createElement('style'));
    style.textContent = `[data-likeness-ledger] { display: none !important; }`;
    const answer = askInPage(QUESTION, { trusted });
    const box = prompt()!;
    expect(getComputedStyle(box).display).toBe('block');
    closeQuestion();
    await expect(answer).resolves.toBe(false);
  });

  it("speaks the page's language", async () => {
    document.documentElement.lang = 'de-DE';
    const answer = askInPage(QUESTION, { trusted });
    expect(prompt()!.textContent).toBe('Likeness Ledger: Als Cameo-Löschung eintragen?EintragenJetzt nicht');
    expect(prompt()!.lang).toBe('de');
    closeQuestion();
    await expect(answer).resolves.toBe(false);
  });
});
