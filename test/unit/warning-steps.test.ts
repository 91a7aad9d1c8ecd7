// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { destructiveStepFor } from '@/lib/warning/destructive-steps';

const at = (pathname: string, hash = '') => ({ pathname, hash });
function button(html: string): Element {
  document.body.innerHTML = html;
  return document.querySelector('[data-target]')!;
}

describe('destructive steps', () => {
  it("finds each surface's final deletion button by its name, any capitalisation", () => {
    expect(destructiveStepFor('chatgpt', at('/', '#settings/Account'), button('<button data-target>Permanently Delete My Account</button>'))?.id).toBe('chatgpt.delete-account.confirm');
    // Over any route, in the confirmation that says what goes with the account.
    expect(destructiveStepFor('sora', at('/profile/alice'), button('<div role="alertdialog"><p>All your data, including profile, conversations…</p><button data-target>Delete account</button></div>'))?.id).toBe('sora.delete-account.confirm');
    expect(destructiveStepFor('platform', at('/settings/organization/general'), button('<div role="alertdialog"><button data-target aria-label="Delete account">×</button></div>'))?.id).toBe(
      'platform.delete-account.confirm',
    );
  });

  it('stays quiet on the steps before the last one, and on other pages', () => {
    expect(destructiveStepFor('chatgpt', at('/'), button('<button data-target>Delete</button>'))).toBeNull();
    expect(destructiveStepFor('platform', at('/settings/organization/general'), button('<button data-target>Delete your account</button>'))).toBeNull();
    // The settings dialog's own "Delete account" only opens the confirmation.
    expect(destructiveStepFor('sora', at('/drafts'), button('<div role="dialog"><h2>Settings</h2><button data-target>Delete account</button></div>'))).toBeNull();
    expect(destructiveStepFor('sora', at('/settings'), button('<button data-target>Delete cameo</button>'))).toBeNull();
  });

  it('tells a deletion request from an export request on the privacy portal by its form', () => {
    const form = (title: string) => `<form><h2>${title}</h2><label>Email <input></label><button data-target type="submit">Submit request</button></form>`;
    expect(destructiveStepFor('privacy', at('/'), button(form('Delete my ChatGPT account')))?.id).toBe('privacy.delete-account.submit');
    expect(destructiveStepFor('privacy', at('/'), button(form('Download my data')))).toBeNull();
    expect(destructiveStepFor('privacy', at('/'), button('<button data-target>Delete my ChatGPT account</button>'))).toBeNull();
  });
});
