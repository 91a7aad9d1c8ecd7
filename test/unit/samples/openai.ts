/**
 * Samples of the privacy portal's page rules (test/unit/samples/page-samples.ts). ChatGPT has no page
 * rules (what its pages show after a deletion or an export is undocumented in every language: its
 * network rules log both), and the API platform is not watched (nothing there deletes an account).
 */
import type { RuleSamples } from './page-samples';

const status = (text: string, role = 'status') => `<div role="${role}">${text}</div>`;

const PORTAL = 'https://privacy.openai.com/';
const CHATGPT_LINKED = { linkedAccounts: ['sora', 'api-platform'] };

export const OPENAI_PAGE_SAMPLES: Record<string, RuleSamples> = {
  'privacy.account-deletion': {
    fires: [
      { url: PORTAL, html: status('Your request to delete your ChatGPT account was submitted. Reference: PR-1234'), details: CHATGPT_LINKED },
      // The 2024 wording, and the older guide's.
      { url: `${PORTAL}policies`, html: status('Your request to delete your OpenAI account has been received.'), details: CHATGPT_LINKED },
      { url: PORTAL, html: '<h2>Your ChatGPT Personal Data Removal Request has been submitted</h2>', details: CHATGPT_LINKED },
    ],
    quiet: [
      { url: PORTAL, html: '<button>Delete my ChatGPT account</button>' },
      { url: PORTAL, html: '<h2>Confirm your request to delete your ChatGPT account</h2>' },
      // The identity check comes first: a login link sent is not a request made.
      { url: PORTAL, html: status('Check your email: we sent a login link to confirm your request to delete your ChatGPT account.') },
      { url: PORTAL, html: '<p>Your request to delete your OpenAI account was submitted.</p>' },
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
      // The 2024 portal's other choice: an opt-out is not a request for the data.
      { url: `${PORTAL}jan-2024`, html: status('Your opt-out request has been submitted.') },
      // The identity check before it.
      { url: PORTAL, html: status('Check your email. We sent a login link to [email] to confirm your request.') },
    ],
  },
};
