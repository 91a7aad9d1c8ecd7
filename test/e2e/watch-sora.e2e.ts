/**
 * Sora end to end, in Chromium and Firefox, on the fixture app built like the real one
 * (test/fixtures/shared/sora-app.js: Radix-like menus and selects, settings as a dialog over any
 * route, characters at /profile/{username}, grids of cards, toasts in role=status).
 *
 * Sora closed, so its hosts are optional: a fresh install neither asks for them nor watches its
 * pages, and sees none of its requests. Turned on in the dashboard's settings (Firefox: a click on
 * the switch; Chromium's native prompt cannot be answered in a headless test, so its suites start
 * from a profile where the hosts are granted, as after an update), every action done as a user
 * would — clicks, typing, keyboard — is exactly one event with the right fields; turned off, the
 * pages are not watched any more.
 *
 * Each block runs in a fresh browser (a fresh ledger): an action's idempotency key holds for ten
 * minutes, so two deletions of "the" character in one ledger would rightly be one fact.
 */
import { expect, it } from 'vitest';
import { describeForBugReport } from '@/lib/rules/bug-report';
import { SORA_ORIGINS, SORA_SCRIPT } from '@/lib/site-access/sora-access';
import type { Harness, Page } from './harness/browser';
import { eventually } from './harness/eventually';
import { fixtureUrl, inEachBrowser, onlyIn } from './harness/suite';
import { continuePastWarning, expectNew, expectOnlySchemaData, open, SETTLE, sleep, tabStatusOf } from './harness/watch';

const SORA = 'sora.chatgpt.com';
const OLDER = 'sora.com';
// The fixture's ids (test/fixtures/endpoints.ts): creating carries a cameo id, deleting a character id.
const CHARACTER_ID = 'ch_69666ca2a63c81918e80eaf4ddfe8815';
const NEW_CAMEO_ID = '6a01f3c2d4e5f60718293a4b5c6d7e8f';
const ALICE = { service: 'sora', handle: 'alice' };
const test = (id: string) => `[data-test="${id}"]`;

const soraGranted = (origins: string[]) => ext.permissions.contains({ origins });
const soraScripts = (id: string) => ext.scripting.getRegisteredContentScripts({ ids: [id] }).then((s) => s.map((x) => x.matches ?? []));

/** The pages the extension says it watches, by surface and path (without the Sora hosts it cannot even see a Sora tab's address). */
const watchedPages = () =>
  ext.storage.session.get(null).then((all) =>
    Object.entries(all)
      .filter(([key]) => key.startsWith('tab:'))
      .map(([, status]) => `${(status as { surface: string }).surface} ${(status as { path: string }).path}`),
  );

/** Opens a Sora page that must not be watched, and waits as long as a watched one takes to say so. */
async function openUnwatched(h: () => Harness, host: string, path: string): Promise<Page> {
  const page = await h().newPage(fixtureUrl(host, path));
  await sleep(3000);
  expect((await h().inExtension(watchedPages)).filter((p) => p.startsWith('sora '))).toEqual([]);
  return page;
}

/** The character's edit dialog, opened from its profile; its lists have settled when this returns. */
async function editCharacter(page: Page) {
  await page.click(test('edit-character'));
  await page.waitFor(test('edit-dialog'));
  await sleep(SETTLE);
}

/** The dashboard's settings, at the switch "Watch Sora's pages if they come back". */
async function soraSwitch(h: () => Harness) {
  const dash = await h().extensionPage('options.html#settings');
  await dash.waitFor('[data-testid="sora-access"]:not([disabled])');
  const checked = () => dash.evaluate(() => (document.querySelector('[data-testid="sora-access"]') as HTMLInputElement).checked);
  return { dash, checked };
}

async function deleteTheCharacter(page: Page) {
  await page.click(test('more'));
  await page.click(test('delete-character'));
  await page.click(test('confirm-delete'));
}

inEachBrowser('Sora on request: a fresh install', (h) => {
  it("neither holds Sora's hosts nor watches its pages, and offers them in the settings with the reason", async () => {
    expect(await h().inExtension(soraGranted, [...SORA_ORIGINS])).toBe(false);
    expect(await h().inExtension(soraScripts, SORA_SCRIPT.id)).toEqual([]);
    const { dash, checked } = await soraSwitch(h);
    expect(await checked()).toBe(false);
    expect(await dash.text('#sora-access-hint')).toMatch(/Sora closed on 26 April 2026/);
    expect(await dash.text('#sora-access-title')).toBe('Sora');
    await dash.close();
  });

  it('sees nothing of what is done on Sora: no page signal, no request', async () => {
    await expectNew(h, async () => {
      const page = await openUnwatched(h, SORA, '/profile/crystal.party');
      await editCharacter(page);
      await page.fill(test('restrictions'), 'Never in ads.');
      await page.click(test('save-restrictions'));
      await page.click(test('done'));
      await deleteTheCharacter(page);
      await page.waitFor('li[role="status"]');
      await page.close();
    });
    expect(await h().ledger()).toEqual([]);
  });
});

onlyIn('firefox', "Sora on request: turned on in the settings, as a user does", (h) => {
  it('the switch asks for the hosts; a Sora tab open before is watched at once, without a reload, and pages from then on', async () => {
    // Open, and unwatched, before the grant.
    const page = await openUnwatched(h, SORA, '/profile/crystal.party');
    // A mark a reload would wipe.
    await page.evaluate(() => void ((window as { openBeforeGrant?: true }).openBeforeGrant = true));
    const { dash, checked } = await soraSwitch(h);
    await dash.click('[data-testid="sora-access"]');
    await eventually(async () => expect(await dash.text('#sora-access-title ~ [role="status"]')).toBe("Sora's pages are watched."));
    expect(await checked()).toBe(true);
    await eventually(async () => expect(await h().inExtension(soraScripts, SORA_SCRIPT.id)).toEqual([[...SORA_ORIGINS]]));
    await dash.close();

    // The tab opened before the grant is now watched, the page never reloaded.
    const tabId = await h().tabIdOf(fixtureUrl(SORA, '/profile/crystal.party'));
    await eventually(async () => expect((await h().inExtension(tabStatusOf, tabId))?.handle).toBe('alice'));
    expect(await page.evaluate(() => (window as { openBeforeGrant?: true }).openBeforeGrant)).toBe(true);
    await sleep(SETTLE);
    await editCharacter(page);
    await expectNew(
      h,
      async () => {
        await page.click(test('character-access'));
        await page.click(test('level-everyone'));
      },
      { kind: 'audience-changed', certainty: 'confirmed', account: ALICE, details: { after: 'everyone' } },
    );
    await page.close();
  });
});

inEachBrowser(
  'watchers: Sora',
  (h) => {
    it('creating a character: one event, confirmed by the network, with its cameo id', async () => {
      const { page } = await open(h, SORA, '/profile/alice');
      await expectNew(
        h,
        async () => {
          await page.click(test('create-character'));
          await page.click(test('record'));
          await page.waitFor(`${test('save-character')}:not([disabled])`);
          await page.fill(test('display-name'), 'Alice on a bike');
          await page.click(test('save-character'));
        },
        { kind: 'cameo-created', source: 'network', certainty: 'confirmed', account: ALICE, details: { cameoId: NEW_CAMEO_ID } },
      );
      await page.close();
    });

    it('each change of "Character access", all four levels, by mouse and by keyboard', async () => {
      const { page } = await open(h, SORA, '/profile/crystal.party');
      await editCharacter(page);
      const pick = (level: string) => async () => {
        await page.click(test('character-access'));
        await page.click(test(`level-${level}`));
      };
      // "public" is confirmed by the network; which of the others "private" means only the page says.
      await expectNew(h, pick('everyone'), { kind: 'audience-changed', certainty: 'confirmed', details: { after: 'everyone' } });
      await expectNew(h, pick('people-i-approve'), { kind: 'audience-changed', source: 'page', certainty: 'seen-on-page', details: { before: 'everyone', after: 'people-i-approve' } });
      await expectNew(h, pick('mutuals'), { kind: 'audience-changed', source: 'page', details: { before: 'people-i-approve', after: 'mutuals' } });
      const [last] = await expectNew(
        h,
        async () => {
          // The menu opens on Enter with the chosen level focused; down past "Everyone" wraps to "Only me".
          await page.evaluate(() => (document.querySelector('[data-test="character-access"]') as HTMLElement).focus());
          await page.press('Enter');
          await page.waitFor(test('level-only-me'));
          await page.press('ArrowDown');
          await page.press('ArrowDown');
          await page.press('Enter');
        },
        { kind: 'audience-changed', source: 'page', details: { before: 'mutuals', after: 'only-me' } },
      );
      expect(last!.evidence).toEqual({ url: fixtureUrl(SORA, '/profile/crystal.party'), rule: 'sora.audience-changed', shownText: 'Character access: Only me' });
      await page.close();
    });

    it('approving a person, removing a person, changing the restrictions, deleting the character', async () => {
      // Opened over another route: the dialog is the same wherever it is.
      const { page } = await open(h, SORA, '/profile/crystal.party');
      await editCharacter(page);
      await expectNew(
        h,
        async () => {
          await page.fill(test('new-person'), '@dave');
          await page.click(test('approve'));
        },
        { kind: 'access-granted', source: 'page', account: ALICE, details: { person: 'dave' } },
      );
      await expectNew(
        h,
        async () => {
          await page.click(test('remove-bob'));
          await page.click(test('confirm-remove'));
        },
        { kind: 'access-revoked', source: 'page', details: { person: 'bob' } },
      );
      await expectNew(
        h,
        async () => {
          await page.fill(test('restrictions'), 'No political videos. Never in ads.');
          await page.click(test('save-restrictions'));
        },
        { kind: 'restrictions-changed', certainty: 'confirmed', details: { restrictions: 'No political videos. Never in ads.' } },
      );
      await page.click(test('done'));
      // Deleting carries the character id (ch_…), not the cameo id the settings used.
      await expectNew(h, () => deleteTheCharacter(page), { kind: 'cameo-deleted', source: 'network', certainty: 'confirmed', details: { cameoId: CHARACTER_ID } });
      await page.close();
    });

    it('looking at drafts with me: one event per card, once', async () => {
      const DRAFTS = '/drafts?from=share&token=page-secret';
      const drafts = { kind: 'appearance-seen', source: 'page', account: ALICE };
      let page: Page | undefined;
      await expectNew(
        h,
        // Arrived at from a shared link: the query (a token, say) must not reach the ledger.
        async () => void ({ page } = await open(h, SORA, DRAFTS)),
        { ...drafts, details: { by: 'bob', where: 'draft', link: 'https://sora.chatgpt.com/d/gen_01' } },
        { ...drafts, details: { by: 'carol', where: 'draft', link: 'https://sora.chatgpt.com/d/gen_02' } },
      );
      await page!.close();
      // Seeing the same drafts again is the same appearance.
      await expectNew(h, async () => void (await (await open(h, SORA, DRAFTS)).page.close()));
    });

    it('looking at posts it appears in', async () => {
      const { page } = await open(h, SORA, '/profile/alice');
      await expectNew(h, () => page.click(test('tab-appearances')), {
        kind: 'appearance-seen',
        details: { by: 'dave', where: 'post', link: 'https://sora.chatgpt.com/p/s_01' },
      });
      await page.close();
    });

    it('deleting the Sora account, from the settings dialog over another route', async () => {
      const { page } = await open(h, SORA, '/explore');
      await expectNew(
        h,
        async () => {
          await page.click(test('settings'));
          await page.click(test('settings-item'));
          await page.click(test('settings-account'));
          await page.click(test('delete-account'));
          await page.click(test('confirm-delete-account'));
          await continuePastWarning(page);
        },
        { kind: 'account-deletion-requested', source: 'page', account: ALICE, details: { linkedAccounts: ['chatgpt', 'api-platform'] } },
      );
      await page.close();
    });

    it('pages where nothing is done, and the settings opened and closed, write nothing', async () => {
      await expectNew(h, async () => {
        const { page } = await open(h, SORA, '/explore');
        await page.click(test('settings'));
        await page.click(test('settings-item'));
        await page.click(test('settings-usage'));
        await page.press('Escape');
        await sleep(2000);
        await page.close();
        // Someone else's profile: their posts are not appearances of the user's character.
        const other = await open(h, SORA, '/profile/erin');
        await sleep(2000);
        await other.page.close();
      });
    });

    it('a page that shows a 500-character handle gets nothing written', async () => {
      const refused = () => ext.storage.session.get('refused').then((all) => (all.refused ?? []) as { error: string; host: string }[]);
      await expectNew(h, async () => {
        const page = await h().newPage(fixtureUrl(SORA, '/forged-handle.html'));
        await eventually(async () => {
          const errors = (await h().inExtension(refused)).filter((r) => r.host === SORA).map((r) => r.error);
          expect(errors.some((e) => /handle/.test(e) && /observation/.test(e))).toBe(true);
        });
        await page.close();
      });
    });

    it('a profile whose layout the rules do not know is reported, redacted', async () => {
      const url = fixtureUrl(SORA, '/profile/alice?layout=unknown');
      const page = await h().newPage(url);
      const tabId = await h().tabIdOf(url);
      const status = await eventually(async () => {
        const s = await h().inExtension(tabStatusOf, tabId);
        expect(s?.misses).toEqual(['sora.appearance.post']);
        return s!;
      }, 10_000);
      const report = describeForBugReport(status, '0.1.0');
      expect(report).toContain('Page: /profile/:id');
      expect(report).not.toMatch(/alice/i);
      await page.close();

      const { page: fine, tabId: fineTab } = await open(h, SORA, '/profile/alice');
      await sleep(4500);
      expect((await h().inExtension(tabStatusOf, fineTab))?.misses).toEqual([]);
      await fine.close();
    });

    it('stores nothing beyond what the schemas name', () => expectOnlySchemaData(h));

    it('turned off in the settings: the hosts are given back, no page is watched, no request seen', async () => {
      const { dash, checked } = await soraSwitch(h);
      expect(await checked()).toBe(true);
      await dash.click('[data-testid="sora-access"]');
      await eventually(async () => expect(await dash.text('#sora-access-title ~ [role="status"]')).toMatch(/no longer watched/));
      expect(await checked()).toBe(false);
      await eventually(async () => expect(await h().inExtension(soraScripts, SORA_SCRIPT.id)).toEqual([]));
      expect(await h().inExtension(soraGranted, [...SORA_ORIGINS])).toBe(false);
      await dash.close();
      await expectNew(h, async () => {
        const page = await openUnwatched(h, SORA, '/profile/crystal.party');
        await editCharacter(page);
        await page.click(test('character-access'));
        await page.click(test('level-everyone'));
        await page.fill(test('restrictions'), 'Only on Sundays.');
        await page.click(test('save-restrictions'));
        await page.waitFor('li[role="status"]');
        await page.close();
      });
    });
  },
  { soraGranted: true },
);

inEachBrowser(
  'watchers: Sora, the older "cameo" wording (sora.com)',
  (h) => {
    it('"Who can use this cameo" in a Radix Select, by mouse and by keyboard', async () => {
      const { page } = await open(h, OLDER, '/profile/crystal.party');
      await editCharacter(page);
      await expectNew(
        h,
        async () => {
          await page.click(test('character-access'));
          await page.click(test('option-everyone'));
        },
        { kind: 'audience-changed', certainty: 'confirmed', account: ALICE, details: { after: 'everyone' } },
      );
      await expectNew(
        h,
        async () => {
          await page.evaluate(() => (document.querySelector('[data-test="character-access"]') as HTMLElement).focus());
          await page.press('ArrowDown');
          await page.waitFor(test('option-mutuals'));
          await page.press('ArrowUp');
          await page.press('Enter');
        },
        { kind: 'audience-changed', source: 'page', details: { before: 'everyone', after: 'mutuals' } },
      );
      await page.close();
    });

    it('"Cameo preferences" saved, and "Create a Cameo"', async () => {
      const { page } = await open(h, OLDER, '/profile/crystal.party');
      await editCharacter(page);
      await expectNew(
        h,
        async () => {
          await page.fill(test('restrictions'), 'No horror.');
          await page.click(test('save-restrictions'));
        },
        { kind: 'restrictions-changed', certainty: 'confirmed', details: { restrictions: 'No horror.' } },
      );
      await page.close();
      const mine = await open(h, OLDER, '/profile/alice');
      await expectNew(
        h,
        async () => {
          await mine.page.click(test('create-character'));
          await mine.page.click(test('record'));
          await mine.page.waitFor(`${test('save-character')}:not([disabled])`);
          await mine.page.click(test('save-character'));
        },
        { kind: 'cameo-created', certainty: 'confirmed', details: { cameoId: NEW_CAMEO_ID } },
      );
      await mine.page.close();
    });

    it('asks before logging an unclear "Deleted" on a cameo\'s profile, and logs nothing on "Not now"', async () => {
      const prompt = '[data-likeness-ledger="ask"]';
      const deleteAPost = async (page: Page) => {
        await page.click(test('delete-post'));
        await page.waitFor(prompt);
        expect(await page.text(prompt)).toContain('Log this as a cameo deletion?');
      };
      const first = await open(h, OLDER, '/profile/crystal.party');
      await expectNew(h, async () => {
        await deleteAPost(first.page);
        await first.page.click(`${prompt} button:nth-of-type(2)`);
        expect(await first.page.count(prompt)).toBe(0);
      });
      await first.page.close();

      const second = await open(h, OLDER, '/profile/crystal.party');
      await expectNew(
        h,
        async () => {
          await deleteAPost(second.page);
          await second.page.click(`${prompt} button:nth-of-type(1)`);
        },
        { kind: 'cameo-deleted', source: 'page', certainty: 'seen-on-page', evidence: { url: fixtureUrl(OLDER, '/profile/crystal.party'), rule: 'sora.cameo-deleted.unclear', shownText: 'Deleted' } },
      );
      await second.page.close();
    });

    it('stores nothing beyond what the schemas name', () => expectOnlySchemaData(h));
  },
  { soraGranted: true },
);
