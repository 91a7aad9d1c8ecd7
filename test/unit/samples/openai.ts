/**
 * Samples of the ChatGPT, privacy portal and API platform page rules (test/unit/samples/page-samples.ts).
 */
import type { RuleSamples } from './page-samples';

const status = (text: string, role = 'status') => `<div role="${role}">${text}</div>`;

const CHATGPT_ACCOUNT = 'https://chatgpt.com/#settings/Account';
const CHATGPT_DATA = 'https://chatgpt.com/#settings/DataControls';
const PORTAL = 'https://privacy.openai.com/';
const PLATFORM_ORG = 'https://platform.openai.com/settings/organization/general';
const CHATGPT_LINKED = { linkedAccounts: ['sora', 'api-platform'] };

export const OPENAI_PAGE_SAMPLES: Record<string, RuleSamples> = {
  'chatgpt.account-deleted': {
    fires: [{ url: CHATGPT_ACCOUNT, html: `<div role="dialog">${status('Your account has been deleted.')}</div>`, details: CHATGPT_LINKED }],
    quiet: [
      { url: 'https://chatgpt.com/#settings/General', html: status('Your account has been deleted.') },
      { url: CHATGPT_ACCOUNT, html: '<div role="dialog"><h2>Delete account - are you sure?</h2></div>' },
    ],
    expected: { url: CHATGPT_ACCOUNT, html: '<div role="dialog">Delete account <button>Delete</button></div>' },
  },
  'chatgpt.export-requested': {
    fires: [
      { url: CHATGPT_DATA, html: status('Your data export has been requested. We will email you when it is ready.'), details: {} },
      { url: 'https://chatgpt.com/#settings/data-controls', html: status('Successfully exported. You should receive an email shortly.', 'alert'), details: {} },
    ],
    quiet: [
      { url: CHATGPT_DATA, html: '<div role="dialog"><h2>Request data export - are you sure?</h2></div>' },
      { url: CHATGPT_DATA, html: status('Export failed') },
      { url: CHATGPT_ACCOUNT, html: status('Your data export has been requested.') },
    ],
    expected: { url: CHATGPT_DATA, html: 'Export data <button>Export</button>' },
  },
  'privacy.account-deletion': {
    fires: [
      { url: PORTAL, html: status('Your request to delete your ChatGPT account was submitted. Reference: PR-1234'), details: CHATGPT_LINKED },
    ],
    quiet: [
      { url: PORTAL, html: '<button>Delete my ChatGPT account</button>' },
      { url: PORTAL, html: '<h2>Confirm your request to delete your ChatGPT account</h2>' },
    ],
  },
  'privacy.data-request': {
    fires: [
      {
        url: PORTAL,
        html: '<label>Where do you live? <select><option>United States</option><option selected>European Union</option></select></label>',
        then: status('Your request to download your data was submitted. Reference: PR-5678'),
        details: { law: 'gdpr', channel: 'privacy-portal', request: 'access', reference: 'PR-5678' },
      },
      {
        // A label that points at the field by its id, away from it.
        url: PORTAL,
        html: '<label for="region">Country or region</label><p>Where we may answer you</p><select id="region"><option>United States</option><option selected>United Kingdom</option></select>',
        then: status('Your request to download your data was submitted.'),
        details: { law: 'uk-gdpr', channel: 'privacy-portal', request: 'access' },
      },
      { url: `${PORTAL}requests`, html: '<h1>Request to access your data has been received</h1>', details: { law: 'none', channel: 'privacy-portal', request: 'access' } },
    ],
    quiet: [
      { url: PORTAL, html: '<h1>Download my data</h1>' },
      { url: PORTAL, html: status('Your request to delete your ChatGPT account was submitted.') },
    ],
  },
  'platform.account-deleted': {
    fires: [{ url: PLATFORM_ORG, html: status('Your account has been deleted.'), details: { linkedAccounts: ['chatgpt', 'sora'] } }],
    quiet: [
      { url: 'https://platform.openai.com/usage', html: status('Your account has been deleted.') },
      { url: PLATFORM_ORG, html: status('Your organization has been deleted.') },
    ],
    expected: { url: PLATFORM_ORG, html: '<h2>Delete account</h2><button>Delete your account</button>' },
  },
  'platform.organization-deleted': {
    fires: [{ url: PLATFORM_ORG, html: '<h1>Your organization was deleted</h1>', details: { linkedAccounts: [] } }],
    quiet: [{ url: PLATFORM_ORG, html: '<button>Delete organization</button>' }],
  },
};

