/**
 * Deletion steps as the fixture pages render them (test/fixtures/site/chatgpt.com, privacy.openai.com),
 * as small snippets: the element carrying `data-target` is the one clicked.
 */

/** ChatGPT's deletion dialog words, as the fixture page has them; Dutch stands for a language nothing is recorded of. */
export const DELETION_WORDS = {
  en: { title: 'Delete account - are you sure?', email: 'Please type your account email', word: 'To proceed, type "DELETE"', go: 'Permanently delete my account', cancel: 'Cancel' },
  de: { title: 'Konto löschen – bist du sicher?', email: 'Gib die E-Mail-Adresse deines Kontos ein', word: 'Gib zum Fortfahren „DELETE“ ein', go: 'Mein Konto dauerhaft löschen', cancel: 'Abbrechen' },
  fr: { title: 'Supprimer le compte ?', email: "Saisissez l'adresse e-mail de votre compte", word: 'Pour continuer, saisissez « SUPPRIMER »', go: 'Supprimer définitivement mon compte', cancel: 'Annuler' },
  es: { title: '¿Eliminar cuenta?', email: 'Escribe el correo de tu cuenta', word: 'Para continuar, escribe «ELIMINAR»', go: 'Eliminar mi cuenta de forma permanente', cancel: 'Cancelar' },
  nl: { title: 'Account verwijderen?', email: 'Typ het e-mailadres van je account', word: 'Typ "VERWIJDEREN" om door te gaan', go: 'Mijn account definitief verwijderen', cancel: 'Annuleren' },
} as const;
export type DialogLanguage = keyof typeof DELETION_WORDS;

/** ChatGPT's deletion dialog, Radix-like ids, the target on its action, its Cancel or its close button. */
export const deletionDialog = (lang: DialogLanguage, target: 'go' | 'cancel' | 'close' = 'go') => {
  const w = DELETION_WORDS[lang];
  const mark = (t: typeof target) => (t === target ? 'data-target' : '');
  return `<div role="dialog" aria-modal="true" aria-labelledby="radix-:r7:"><h2 id="radix-:r7:">${w.title}</h2>
    <button data-testid="close-button" aria-label="x" ${mark('close')}>×</button>
    <label for="radix-:r8:">${w.email}</label><input id="radix-:r8:" autocomplete="off">
    <label for="radix-:r9:">${w.word}</label><input id="radix-:r9:" autocomplete="off">
    <button ${mark('cancel')}>${w.cancel}</button>
    <button class="btn-danger" ${mark('go')}>${w.go}</button></div>`;
};

/** The portal's review screen after the login link: the action's title and the submit button. */
export const portalReview = (title: string, label = 'Submit Request') =>
  `<div role="dialog"><form><h3>${title}</h3><p>Once your request is confirmed it cannot be undone.</p><label for="r">Where do you live?</label><select id="r"><option>Canada</option></select><button data-target type="submit">${label}</button></form></div>`;
