// @vitest-environment happy-dom
/**
 * The destructive steps against dialogs built like the real ones, in each language ChatGPT speaks
 * and in one the facts file records nothing of: the step is found by its structure, and by its
 * recorded name; the steps before it, the export and "Delete all chats" dialogs, the stale-login
 * variant and help articles stay quiet. The meta-test is in rule-tables-steps.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { destructiveStepFor } from '@/lib/warning/destructive-steps';

const at = (pathname: string, hash = '') => ({ pathname, hash });
function button(html: string): Element {
  document.body.innerHTML = html;
  return document.querySelector('[data-target]')!;
}

/** ChatGPT's deletion dialog as the fixture page renders it, in a language's words. */
export const DELETION_WORDS = {
  en: { title: 'Delete account - are you sure?', email: 'Please type your account email', word: 'To proceed, type "DELETE"', go: 'Permanently delete my account', cancel: 'Cancel' },
  de: { title: 'Konto löschen – bist du sicher?', email: 'Gib die E-Mail-Adresse deines Kontos ein', word: 'Gib zum Fortfahren „DELETE“ ein', go: 'Mein Konto dauerhaft löschen', cancel: 'Abbrechen' },
  fr: { title: 'Supprimer le compte ?', email: "Saisissez l'adresse e-mail du compte", word: 'Pour continuer, saisissez « SUPPRIMER »', go: 'Supprimer définitivement mon compte', cancel: 'Annuler' },
  es: { title: '¿Eliminar cuenta?', email: 'Escribe el correo de tu cuenta', word: 'Para continuar, escribe «ELIMINAR»', go: 'Eliminar mi cuenta de forma permanente', cancel: 'Cancelar' },
  // Dutch: nothing of it is recorded, so only the structure can find the step.
  nl: { title: 'Account verwijderen?', email: 'Typ het e-mailadres van je account', word: 'Typ "VERWIJDEREN" om door te gaan', go: 'Mijn account definitief verwijderen', cancel: 'Annuleren' },
} as const;

const deletionDialog = (w: (typeof DELETION_WORDS)[keyof typeof DELETION_WORDS], target: 'go' | 'cancel' | 'close' = 'go') =>
  `<div role="dialog" aria-modal="true" aria-labelledby="radix-:r7:"><h2 id="radix-:r7:">${w.title}</h2>
    <button data-testid="close-button" aria-label="x" ${target === 'close' ? 'data-target' : ''}>×</button>
    <label>${w.email} <input id="radix-:r8:" autocomplete="off"></label>
    <label>${w.word} <input id="radix-:r9:" autocomplete="off"></label>
    <button ${target === 'cancel' ? 'data-target' : ''}>${w.cancel}</button>
    <button class="btn-danger" ${target === 'go' ? 'data-target' : ''}>${w.go}</button></div>`;

describe('ChatGPT: the last step of an account deletion', () => {
  for (const [lang, words] of Object.entries(DELETION_WORDS)) {
    it(`is found in ${lang} over any route, and its Cancel and close buttons are not`, () => {
      for (const [path, hash] of [['/', '#settings/Account'], ['/c/6789', '#settings/Account'], ['/', '']] as const) {
        expect(destructiveStepFor('chatgpt', at(path, hash), button(deletionDialog(words)))?.id).toBe('chatgpt.delete-account.confirm');
      }
      expect(destructiveStepFor('chatgpt', at('/', '#settings/Account'), button(deletionDialog(words, 'cancel')))).toBeNull();
      expect(destructiveStepFor('chatgpt', at('/', '#settings/Account'), button(deletionDialog(words, 'close')))).toBeNull();
    });
  }

  it('finds a button labelled by another element (aria-labelledby), as a screen reader names it', () => {
    const html = `<p id="l">Permanently delete my account</p><button data-target aria-labelledby="l"><svg></svg></button>`;
    expect(destructiveStepFor('chatgpt', at('/', '#settings/Account'), button(html))?.id).toBe('chatgpt.delete-account.confirm');
  });

  it('finds the recorded name in any capitalisation, and an email field by its type or placeholder', () => {
    expect(destructiveStepFor('chatgpt', at('/'), button('<button data-target>PERMANENTLY delete my account</button>'))?.id).toBe('chatgpt.delete-account.confirm');
    const byType = '<dialog open><input type="email"><input><button>Nee</button><button data-target>Ja</button></dialog>';
    const byPlaceholder = '<div role="alertdialog"><input placeholder="alice@example.org"><input><button data-target>OK</button></div>';
    expect(destructiveStepFor('chatgpt', at('/'), button(byType))?.id).toBe('chatgpt.delete-account.confirm');
    expect(destructiveStepFor('chatgpt', at('/'), button(byPlaceholder))?.id).toBe('chatgpt.delete-account.confirm');
  });

  it('stays quiet on the steps before it, other dialogs, the stale-login variant and help articles', () => {
    const quiet = [
      // Settings → Account: "Delete account" and its "Delete" button open the dialog; they delete nothing.
      '<div role="dialog" aria-label="Settings"><div role="tablist"><button role="tab">Account</button></div><p>Delete account <button data-target>Delete</button></p></div>',
      // Data controls: the export's confirmation.
      '<div role="dialog"><h2>Request data export - are you sure?</h2><button>Cancel</button><button data-target>Confirm export</button></div>',
      // Data controls: deleting all chats is not deleting the account.
      '<div role="dialog"><h2>Clear your chat history - are you sure?</h2><button>Cancel</button><button data-target>Delete all</button></div>',
      '<div role="dialog"><h2>Alle Chats löschen?</h2><button>Abbrechen</button><button data-target>Alle löschen</button></div>',
      // A login older than ten minutes: the dialog asks to sign in again first.
      '<div role="dialog"><h2>Delete account</h2><p>You need to have logged in within the last 10 minutes.</p><button>Cancel</button><button data-target>Refresh login</button></div>',
      // A dialog with one field (rename a chat) is not the deletion.
      '<div role="dialog"><label>Email <input type="email"></label><button data-target>Save</button></div>',
      // A help article that names the button.
      '<article><h1>How to delete your account</h1><p>Type DELETE and click <a data-target href="#">Permanently delete my account</a></p></article>',
    ];
    for (const html of quiet) expect(destructiveStepFor('chatgpt', at('/', '#settings/Account'), button(html)), html).toBeNull();
  });
});

describe('the privacy portal: the deletion request, not the export', () => {
  const review = (title: string, label = 'Submit Request') =>
    `<div role="dialog"><form><h2>${title}</h2><p>Once your request is confirmed, your account and data will be deleted.</p><button data-target type="submit">${label}</button></form></div>`;

  it('warns before the request is submitted, in the wording of 2026 and of 2024', () => {
    for (const title of ['Delete my ChatGPT account', 'Delete my OpenAI account', 'ChatGPT Personal Data Removal Request']) {
      expect(destructiveStepFor('privacy', at('/policies'), button(review(title)))?.id).toBe('privacy.delete-account.submit');
    }
    expect(destructiveStepFor('privacy', at('/'), button(review('Delete my ChatGPT account', 'Confirm request')))?.id).toBe('privacy.delete-account.submit');
  });

  it('stays quiet on the export request, the choice itself and the login link step', () => {
    expect(destructiveStepFor('privacy', at('/'), button(review('Download my data')))).toBeNull();
    expect(destructiveStepFor('privacy', at('/'), button('<button data-target>Delete my ChatGPT account</button>'))).toBeNull();
    expect(destructiveStepFor('privacy', at('/'), button(review('Delete my ChatGPT account', 'Send login link')))).toBeNull();
  });
});

describe('Sora', () => {
  it('finds its final deletion button in settings only', () => {
    expect(destructiveStepFor('sora', at('/settings'), button('<div role="dialog"><button data-target>Delete account</button></div>'))?.id).toBe('sora.delete-account.confirm');
    expect(destructiveStepFor('sora', at('/drafts'), button('<button data-target>Delete account</button>'))).toBeNull();
    expect(destructiveStepFor('sora', at('/settings'), button('<button data-target>Delete cameo</button>'))).toBeNull();
  });
});
