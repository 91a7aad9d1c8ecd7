/**
 * Samples of Sora's page rules, built like the fixture app (test/fixtures/shared/sora-app.js) and
 * the evidence behind it: settings and pickers in dialogs over any route, Radix menu buttons and
 * selects named by the heading before them, grids of cards under headings, toasts in role=status,
 * Radix ids. sora.chatgpt.com speaks of characters, sora.com of cameos.
 */
import type { RuleSamples } from './page-samples';

const SORA = 'https://sora.chatgpt.com';
const OLDER = 'https://sora.com';
const MINE = `${SORA}/profile/alice`;
const CHARACTER = `${SORA}/profile/crystal.party`;
const LINKED = { linkedAccounts: ['chatgpt', 'api-platform'] };

const status = (text: string, role = 'status') => `<div role="${role}">${text}</div>`;
/** A toast arriving in the viewport's list, as Radix's do. */
const toastIn = (text: string) => (doc: Document) => void doc.querySelector('ol')!.append(Object.assign(doc.createElement('li'), { role: 'status', textContent: text }));
const dialog = (title: string, body: string) => `<div role="dialog" aria-modal="true" aria-labelledby="radix-:r7:"><h2 id="radix-:r7:">${title}</h2>${body}</div>`;
/** The "Character access" menu button (or, older, the select's combobox), named by its heading. */
const access = (chosen: string, { title = 'Character access', combobox = false } = {}) =>
  `<h3 id="radix-:r9:">${title}</h3><button ${combobox ? 'role="combobox" aria-expanded="false"' : 'aria-haspopup="menu" aria-expanded="false"'} aria-labelledby="radix-:r9:">${chosen}</button>`;
const openMenu = (checked: string) =>
  `<div data-radix-popper-content-wrapper><div role="menu">${['Only me', 'People I approve', 'Mutuals', 'Everyone']
    .map((l) => `<div role="menuitemradio" aria-checked="${l === checked}" data-radix-collection-item tabindex="-1">${l}</div>`)
    .join('')}</div></div>`;
const people = (heading: string, ...handles: string[]) =>
  `<h3>${heading}</h3><ul>${handles.map((h) => `<li><span>@${h}</span> <button aria-label="Remove @${h}">Remove</button></li>`).join('')}</ul>`;
const approved = (...handles: string[]) => dialog('Edit character', people('Approved people', ...handles));
const restrictions = (text: string) => `<label for="radix-:rb:">Restrictions</label><textarea id="radix-:rb:">${text}</textarea>`;
const TOASTS = '<ol aria-label="Notifications"></ol>';
const card = (href: string, by: string) => `<div class="card"><video muted></video><a href="${href}">Open</a> <span>@${by}</span></div>`;
const cards = (heading: string, ...items: string[]) => `<h2>${heading}</h2><div class="grid">${items.join('')}</div>`;

export const SORA_PAGE_SAMPLES: Record<string, RuleSamples> = {
  'sora.cameo-created': {
    fires: [
      { url: MINE, html: TOASTS, then: toastIn('Character created'), details: {} },
      { url: `${OLDER}/explore`, html: status('Your cameo is ready'), details: {} },
    ],
    quiet: [
      { url: MINE, html: status('Your character is processing') },
      { url: MINE, html: '<p>Character created</p>' },
      { url: MINE, html: '<div role="status" hidden>Character created</div>' },
      { url: MINE, html: dialog('Create character', '<button>Save</button>') },
    ],
  },
  'sora.audience-changed': {
    fires: [
      { url: CHARACTER, html: dialog('Edit character', access('Only me')), then: dialog('Edit character', access('Everyone')), details: { before: 'only-me', after: 'everyone' } },
      {
        // The dialog is over whatever route was open; the menu opens, the choice is made, the button shows it.
        url: `${SORA}/explore`,
        html: dialog('Edit character', access('Only me')),
        then: (doc) => {
          doc.body.insertAdjacentHTML('beforeend', openMenu('Only me'));
          doc.querySelector('[data-radix-popper-content-wrapper]')!.remove();
          doc.querySelector('[aria-haspopup]')!.textContent = 'Mutuals';
        },
        details: { before: 'only-me', after: 'mutuals' },
      },
      {
        url: `${OLDER}/profile/crystal.party`,
        html: dialog('Edit cameo', access('People I approve', { title: 'Who can use this cameo', combobox: true })),
        then: dialog('Edit cameo', access('Everyone', { title: 'Who can use this cameo', combobox: true })),
        details: { before: 'people-i-approve', after: 'everyone' },
      },
    ],
    quiet: [
      { url: CHARACTER, html: dialog('Settings', access('Only me', { title: 'Video quality' })), then: dialog('Settings', access('Everyone', { title: 'Video quality' })) },
      { url: CHARACTER, html: dialog('Edit character', access('Mutuals')), then: dialog('Edit character', access('Mutuals')) },
      // The menu opened and closed again: nothing chosen.
      { url: CHARACTER, html: dialog('Edit character', access('Only me')), then: (doc) => doc.body.insertAdjacentHTML('beforeend', openMenu('Only me')) },
    ],
  },
  'sora.access-granted': {
    fires: [
      { url: CHARACTER, html: approved('bob'), then: approved('bob', 'carol'), details: { person: 'carol' } },
      {
        url: `${SORA}/drafts`,
        html: '<h3 id="radix-:r3:">People with access</h3><ul aria-labelledby="radix-:r3:"></ul>',
        then: (doc) => void (doc.querySelector('ul')!.innerHTML = '<li>@dave</li>'),
        details: { person: 'dave' },
      },
    ],
    quiet: [
      { url: CHARACTER, html: approved('bob', 'carol'), then: approved('bob') },
      { url: CHARACTER, html: dialog('Edit character', people('Suggested people', 'bob')), then: dialog('Edit character', people('Suggested people', 'bob', 'carol')) },
      // Still loading when first seen: what arrives is the list as it was, not a grant.
      { url: CHARACTER, html: '<h3>Approved people</h3><ul aria-busy="true"></ul>', then: approved('bob') },
    ],
  },
  'sora.access-revoked': {
    fires: [{ url: CHARACTER, html: approved('bob', 'carol'), then: approved('bob'), details: { person: 'carol' } }],
    quiet: [
      { url: CHARACTER, html: approved('bob'), then: approved('bob', 'carol') },
      { url: CHARACTER, html: approved('bob', 'carol'), then: approved('carol', 'bob') },
    ],
  },
  'sora.restrictions-changed': {
    fires: [
      { url: `${SORA}/explore`, html: dialog('Edit character', `<h3>Preferences</h3>${restrictions('No political videos')}`) + TOASTS, then: toastIn('Preferences saved'), details: { restrictions: 'No political videos' } },
      { url: `${OLDER}/profile/crystal.party`, html: `<textarea aria-label="Cameo instructions"> Always smiling </textarea>${status('Cameo preferences saved', 'alert')}`, details: { restrictions: 'Always smiling' } },
    ],
    quiet: [
      { url: CHARACTER, html: `${restrictions('x')}${status('Preferences could not be saved')}` },
      { url: CHARACTER, html: `${restrictions('x')}${status('Saved')}` },
    ],
  },
  'sora.cameo-deleted': {
    fires: [
      { url: CHARACTER, html: TOASTS, then: toastIn('Character deleted'), details: {} },
      { url: `${OLDER}/profile/alice`, html: status('Cameo deleted', 'alert'), details: {} },
    ],
    quiet: [
      { url: CHARACTER, html: '<div role="alertdialog"><h2>Delete your character?</h2><button>Delete</button></div>' },
      { url: CHARACTER, html: status('Character deletion failed') },
      { url: CHARACTER, html: status('Video deleted') },
      { url: `${SORA}/profile/gone.crystal`, html: '<p>Failed to load profile</p>' },
    ],
  },
  'sora.cameo-deleted.unclear': {
    fires: [{ url: CHARACTER, html: TOASTS, then: toastIn('Deleted'), details: {} }],
    quiet: [
      { url: `${SORA}/drafts`, html: status('Deleted') },
      { url: CHARACTER, html: status('Deleted 3 drafts') },
    ],
  },
  'sora.appearance.draft': {
    fires: [
      {
        url: `${SORA}/drafts`,
        html: cards('My drafts', card('/d/gen_90', 'alice')) + cards('Drafts with me', card('https://sora.chatgpt.com/d/gen_01?token=x#y', 'bob')),
        details: { by: 'bob', where: 'draft', link: 'https://sora.chatgpt.com/d/gen_01' },
      },
      {
        url: `${OLDER}/drafts`,
        html: '<h2 id="radix-:r2:">Drafts of me</h2><ol aria-labelledby="radix-:r2:"><li>@carol.c made a draft <a href="/d/gen_02">View</a></li></ol>',
        details: { by: 'carol.c', where: 'draft', link: 'https://sora.com/d/gen_02' },
      },
    ],
    quiet: [
      { url: `${SORA}/drafts`, html: cards('My drafts', card('/d/gen_03', 'alice')) },
      { url: `${SORA}/explore`, html: cards('Drafts with me', card('/d/gen_01', 'bob')) },
      { url: `${SORA}/drafts`, html: cards('Drafts with me', '<div class="card">Loading…</div>') },
    ],
  },
  'sora.appearance.post': {
    fires: [
      {
        url: MINE,
        html: `<div role="tablist"><button role="tab" aria-selected="true">Appearances</button></div><section>${cards('Appearances', card('/p/s_01', 'dave'))}</section>`,
        details: { by: 'dave', where: 'post', link: 'https://sora.chatgpt.com/p/s_01' },
      },
    ],
    quiet: [
      { url: MINE, html: cards('Posts', card('/p/s_10', 'alice')) },
      { url: `${SORA}/drafts`, html: cards('Appearances', card('/p/s_01', 'dave')) },
      // The user's own characters are not appearances.
      { url: MINE, html: cards('Your characters', '<div class="card"><a href="/profile/crystal.party">Crystal</a> <span>@crystal.party</span></div>') },
    ],
    expected: { url: MINE, html: '<div role="tablist"><button role="tab">Posts</button><button role="tab">Appearances</button></div>' },
  },
  'sora.account-deleted': {
    fires: [
      { url: `${SORA}/explore`, html: '<h1>Your account has been deleted</h1>', details: LINKED },
      { url: `${OLDER}/profile/alice`, html: status('Account deletion requested'), details: LINKED },
    ],
    quiet: [
      { url: `${SORA}/explore`, html: '<div role="alertdialog"><h2>Delete your account?</h2></div>' },
      { url: `${SORA}/explore`, html: status('Your account could not be deleted') },
      { url: `${SORA}/explore`, html: '<p>Your account has been deleted</p>' },
    ],
  },
};
