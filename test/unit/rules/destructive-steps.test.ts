// @vitest-environment happy-dom
/**
 * How a destructive step is recognised, beyond the table of pages that fire it and near misses
 * (test/fixtures/rules/<surface>.ts): the one accessible name, capitalisation, and what marks a field as
 * asking for the account's email.
 */
import { describe, expect, it } from 'vitest';
import { destructiveStepFor } from '@/lib/rules/destructive-steps';

const at = (pathname: string, hash = '') => ({ pathname, hash });
function button(html: string): Element {
  document.body.innerHTML = html;
  return document.querySelector('[data-target]')!;
}

describe('the privacy portal', () => {
  it('names an <input type=submit> by its value, as a screen reader does', () => {
    const html = '<form><h3>Delete my ChatGPT account</h3><input data-target type="submit" value="Submit Request"></form>';
    expect(destructiveStepFor('privacy', at('/'), button(html))?.id).toBe('privacy.delete-account.submit');
  });
});

describe('ChatGPT: the last step of an account deletion', () => {
  it('finds a button labelled by another element (aria-labelledby), as a screen reader names it', () => {
    const html = `<p id="l">Permanently delete my account</p><button data-target aria-labelledby="l"><svg></svg></button>`;
    expect(destructiveStepFor('chatgpt', at('/', '#settings/Account'), button(html))?.id).toBe('chatgpt.delete-account.confirm');
  });

  it('finds the recorded name in any capitalisation', () => {
    expect(destructiveStepFor('chatgpt', at('/'), button('<button data-target>PERMANENTLY delete my account</button>'))?.id).toBe('chatgpt.delete-account.confirm');
  });

  it('knows an email field by its type, its autofill hint or the address it shows', () => {
    for (const field of ['<input type="email">', '<input autocomplete="username">', '<input placeholder="alice@example.org">']) {
      const html = `<dialog open>${field}<input><button>Nee</button><button data-target>Ja</button></dialog>`;
      expect(destructiveStepFor('chatgpt', at('/'), button(html))?.id, field).toBe('chatgpt.delete-account.confirm');
    }
  });

  it('needs both the email and a second typed word: a one-field dialog is something else', () => {
    expect(destructiveStepFor('chatgpt', at('/'), button('<div role="dialog"><label>Email <input type="email"></label><button data-target>Save</button></div>'))).toBeNull();
    expect(destructiveStepFor('chatgpt', at('/'), button('<div role="dialog"><input><input><button data-target>Rename</button></div>'))).toBeNull();
  });
});

describe('Sora: the last step of an account deletion', () => {
  it('is the confirmation that says what goes with the account, over any route', () => {
    expect(destructiveStepFor('sora', at('/profile/alice'), button('<div role="alertdialog"><p>All your data, including profile, conversations…</p><button data-target>Delete account</button></div>'))?.id).toBe('sora.delete-account.confirm');
  });

  it("stays quiet on the settings dialog's own Delete account (it only opens the confirmation) and on a cameo's", () => {
    expect(destructiveStepFor('sora', at('/drafts'), button('<div role="dialog"><h2>Settings</h2><button data-target>Delete account</button></div>'))).toBeNull();
    expect(destructiveStepFor('sora', at('/settings'), button('<button data-target>Delete cameo</button>'))).toBeNull();
  });
});
