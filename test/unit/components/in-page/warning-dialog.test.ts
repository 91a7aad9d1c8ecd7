// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { showDeletionWarning, WarningNotShown } from '@/components/in-page/warning-dialog';
import { WARNING_TEXT } from '@/components/in-page/warning-text';
import { warningLanguage } from '@/lib/warning/language';
import { ACCOUNT_DELETION_IRREVERSIBLE, ACCOUNT_DELETION_TAKES } from '@/lib/facts/policies';

// The shadow root is closed to the page; the test reaches it the way the browser's accessibility
// tree does not need to: by keeping the root that attachShadow returns.
const roots: ShadowRoot[] = [];
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  const root = attach.call(this, init);
  roots.push(root);
  return root;
};
const lastRoot = () => roots[roots.length - 1]!;
const dialogEl = () => lastRoot().querySelector('dialog')!;
const press = (key: string, shiftKey = false, type = 'keydown') =>
  (lastRoot().activeElement ?? dialogEl()).dispatchEvent(new KeyboardEvent(type, { key, shiftKey, bubbles: true, composed: true, cancelable: true }));
/** What the browser does on Escape in a modal dialog: a cancelable `cancel` event. */
const escape = () => dialogEl().dispatchEvent(new Event('cancel', { cancelable: true }));

afterEach(() => {
  document.documentElement.querySelectorAll('[data-likeness-ledger]').forEach((n) => n.remove());
});

describe('the in-page deletion warning', () => {
  it('is a modal alert dialog, named and described, with focus on Go back', async () => {
    const choice = showDeletionWarning({ lang: 'en', checklist: [] });
    const dialog = lastRoot().querySelector('[role="alertdialog"]')!;
    expect(dialog).toBe(dialogEl());
    expect(dialogEl().open).toBe(true);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(lastRoot().getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Before you delete this account');
    expect(lastRoot().getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).toMatch(/linked ones/);
    expect((lastRoot().activeElement as HTMLElement).textContent).toBe('Go back');
    (lastRoot().activeElement as HTMLElement).click();
    await expect(choice).resolves.toBe('go-back');
    expect(document.querySelector('[data-likeness-ledger]')).toBeNull();
  });

  it('says what the deletion takes and what cannot be had back, each with its source and date', () => {
    showDeletionWarning({ lang: 'en', checklist: [] }).catch(() => {}); // closed by afterEach, unanswered
    const text = lastRoot().textContent!;
    for (const s of [...ACCOUNT_DELETION_TAKES, ...ACCOUNT_DELETION_IRREVERSIBLE]) {
      expect(text).toContain(s.text.en);
      expect(text).toContain(`Source: ${s.source.title}, as of ${s.source.asOf}`);
    }
    expect(text).toMatch(/App Store and Google Play subscriptions are NOT cancelled/);
  });

  it('lists the checklist it is given', () => {
    showDeletionWarning({
      lang: 'en',
      checklist: [
        { id: 'people-with-access', people: ['bob', 'carol'] },
        { id: 'cameo-not-deleted' },
        { id: 'export-missing', state: 'never-requested' },
        { id: 'open-privacy-requests', count: 2 },
      ],
    }).catch(() => {}); // closed by afterEach, unanswered
    const items = [...lastRoot().querySelectorAll('.checklist li')].map((li) => li.textContent);
    expect(items).toHaveLength(4);
    expect(items[0]).toMatch(/2 people can still use your cameo: bob, carol/);
    expect(items[3]).toMatch(/2 privacy requests are still waiting/);
  });

  it('works by keyboard: Escape goes back, Tab stays inside, Continue continues', async () => {
    const first = showDeletionWarning({ lang: 'en', checklist: [] });
    escape();
    await expect(first).resolves.toBe('go-back');

    const second = showDeletionWarning({ lang: 'en', checklist: [] });
    const buttons = [...lastRoot().querySelectorAll('button')];
    const links = [...lastRoot().querySelectorAll('a[href]')];
    // From the last focusable (Go back), Tab wraps to the first (a source link).
    press('Tab');
    expect(lastRoot().activeElement).toBe(links[0]);
    press('Tab', true);
    expect(lastRoot().activeElement).toBe(buttons[1]);
    buttons.find((b) => b.textContent === 'Continue with deletion')!.click();
    await expect(second).resolves.toBe('continue');
  });

  it("speaks the page's language where it can", () => {
    expect(warningLanguage('de-DE')).toBe('de');
    expect(warningLanguage('fr')).toBe('fr');
    expect(warningLanguage('es-419')).toBe('es');
    expect(warningLanguage('it')).toBe('en');
    expect(warningLanguage(null)).toBe('en');
    showDeletionWarning({ lang: 'de', checklist: [{ id: 'cameo-not-deleted' }] }).catch(() => {}); // closed by afterEach, unanswered
    expect(lastRoot().textContent).toMatch(/Bevor du dieses Konto löschst/);
    expect(lastRoot().querySelector('.checklist li')!.textContent).toMatch(/Cameo ist nicht gelöscht/);
  });
});

describe('the warning against the page', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  afterEach(() => document.body.replaceChildren());

  it('keeps every key typed in it from the page: keydown, keyup and keypress', async () => {
    const seen: string[] = [];
    for (const type of ['keydown', 'keyup', 'keypress']) {
      window.addEventListener(type, () => seen.push(`window ${type}`));
      document.addEventListener(type, () => seen.push(`document ${type}`), true);
      document.addEventListener(type, () => seen.push(`document ${type}`));
    }
    const choice = showDeletionWarning({ lang: 'en', checklist: [] });
    for (const type of ['keydown', 'keyup', 'keypress']) press('a', false, type);
    press('Escape', false, 'keyup');
    expect(seen).toEqual([]);
    escape();
    await expect(choice).resolves.toBe('go-back');
    // Once it is closed, the page has its keys back.
    document.body.dispatchEvent(new KeyboardEvent('keyup', { key: 'a', bubbles: true }));
    expect(seen).toContain('document keyup');
  });

  it('settles as not shown when the page removes it, and takes its listeners with it', async () => {
    const choice = showDeletionWarning({ lang: 'en', checklist: [] });
    document.querySelector('[data-likeness-ledger="warning"]')!.remove();
    await expect(choice).rejects.toEqual(new WarningNotShown('removed'));
  });

  it('settles as not shown when the page hides it or makes it inert', async () => {
    const box = document.body.appendChild(document.createElement('div'));
    const hidden = showDeletionWarning({ lang: 'en', checklist: [], parent: box });
    box.style.display = 'none';
    await expect(hidden).rejects.toMatchObject({ why: 'hidden' });
    expect(box.children).toHaveLength(0);

    box.style.display = '';
    const inert = showDeletionWarning({ lang: 'en', checklist: [], parent: box });
    await sleep(300);
    box.inert = true;
    await expect(inert).rejects.toMatchObject({ why: 'inert' });
  });

  it('stays while it is shown and nobody has answered', async () => {
    let settled = false;
    showDeletionWarning({ lang: 'en', checklist: [] }).finally(() => (settled = true)).catch(() => {}); // closed by afterEach, unanswered
    await sleep(800);
    expect(settled).toBe(false);
    expect(dialogEl().open).toBe(true);
  });
});

describe('the warning in every language it speaks', () => {
  for (const lang of ['fr', 'es'] as const) {
    it(`${lang}: its own words, the facts in ${lang}, and plural forms by the language's rules`, () => {
      showDeletionWarning({ lang, checklist: [{ id: 'people-with-access', people: ['ana'] }, { id: 'open-privacy-requests', count: 2 }] }).catch(() => {});
      const root = lastRoot();
      expect(root.textContent).toContain(WARNING_TEXT[lang].title);
      expect(root.textContent).toContain(ACCOUNT_DELETION_TAKES[0]!.text[lang]);
      const items = [...root.querySelectorAll('.checklist li')].map((li) => li.textContent);
      expect(items[0]).toMatch(lang === 'fr' ? /^1 personne peut/ : /^1 persona aún puede/);
      expect(items[1]).toMatch(lang === 'fr' ? /^2 demandes de confidentialité attendent/ : /^2 solicitudes de privacidad siguen/);
    });
  }
});
