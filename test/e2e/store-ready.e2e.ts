// What a store reviewer and a careful user check before installing: the privacy policy inside the
// extension, reached from the welcome page and the settings, in each of its languages; and the
// store's images, made from the sample ledger in real Chromium in each language.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, waitForSoraScript, type Harness, type Page } from './harness/browser';
import { eventually } from './harness/eventually';
import { fullPage, PNG, seedSampleLedger, type PngImage } from './harness/screenshots';
import { fixtureUrl, inEachBrowser, onlyIn } from './harness/suite';
import { WATCHED_HOSTS } from './hosts';

const ROOT = resolve(import.meta.dirname, '../..');
/** Every run writes the store images here (ignored by git)… */
const STORE_OUT = join(ROOT, 'test-results/store-screenshots');
/** …and copies them into the docs only when asked: LL_UPDATE_STORE_SCREENSHOTS=1. */
const STORE_DOCS = join(ROOT, 'docs/store/screenshots');
/** Every language the UI speaks: one pass of the same flow each, with the browser's UI in that language. */
const LANGUAGES = readdirSync(join(ROOT, 'public/_locales'));

const textOf = (page: { evaluate: <T, A>(fn: (a: A) => T, a: A) => Promise<T> }, selector: string) =>
  page.evaluate((s: string) => document.querySelector(s)?.textContent ?? '', selector);

inEachBrowser('ready for every user', (h) => {
  it('the privacy policy is linked from the welcome page and the settings, and names every host it may read', async () => {
    const dash = await h().extensionPage('options.html#welcome');
    await dash.waitFor('[data-testid="welcome-privacy"] a');
    expect(await textOf(dash, '[data-testid="welcome-privacy"]')).toMatch(/not affiliated with or endorsed by OpenAI/);
    // The dashboard shows its sections as the ledger is read: the settings and erase sections come after the welcome.
    await eventually(async () => {
      const links = await dash.evaluate(() =>
        ['[data-testid="welcome-privacy"] a', '[data-testid="settings-privacy"]'].map((s) => (document.querySelector(s) as HTMLAnchorElement | null)?.href),
      );
      expect(links).toEqual([`${h().origin}/privacy-policy.html`, `${h().origin}/privacy-policy.html`]);
      // The ledger goes with the extension: the welcome page and the erase section say so.
      const uninstall = await dash.evaluate(() => [...document.querySelectorAll('[data-testid="uninstall-deletes"]')].map((p) => {
        const section = p.closest('section')!;
        return section.id || section.dataset.testid;
      }));
      expect(uninstall.sort()).toEqual(['erase', 'welcome']);
    });
    await dash.close();

    const policy = await h().extensionPage('privacy-policy.html');
    await policy.waitFor('main.policy h1');
    expect(await textOf(policy, 'h1')).toBe('Privacy policy');
    const hosts = await policy.evaluate(() => [...document.querySelector('main table')!.querySelectorAll('td:nth-child(2) code')].map((c) => c.textContent));
    expect(hosts.sort()).toEqual([...WATCHED_HOSTS].sort());
    // The German text is one link away, on the same page.
    await policy.click('a[href="?lang=de"]');
    await eventually(async () => expect(await textOf(policy, 'h1')).toBe('Datenschutzerklärung'));
    expect(await policy.evaluate(() => document.documentElement.lang)).toBe('de');
    await policy.close();
  });

  it('the popup fits a 360 px phone screen, and stays 400 px wide on a desktop', async () => {
    await seedSampleLedger(h());
    const popup = await h().extensionPage('popup.html');
    await popup.waitFor('[data-testid="account"]');
    expect(await popupOverflow(popup)).toMatchObject({ popupWidth: 400, scrollsSideways: false, past: [] });
    await popup.setViewport(360, 740);
    const fitsPhone = async () => {
      const { popupWidth, screenWidth, ...overflow } = await popupOverflow(popup);
      expect(screenWidth).toBeLessThanOrEqual(360);
      expect(popupWidth).toBe(screenWidth);
      expect(overflow).toEqual({ scrollsSideways: false, past: [] });
    };
    await eventually(fitsPhone);
    // The Sora card's "What OpenAI said", opened: long source titles wrap.
    await popup.evaluate(() => document.querySelectorAll('.popup details').forEach((d) => d.setAttribute('open', '')));
    await fitsPhone();
    // Quick add's form is the widest thing the popup shows.
    await popup.click('[data-testid="quick-privacy-request-sent"]');
    await popup.waitFor('[data-testid="quick-add-form"]');
    await fitsPhone();
    await popup.close();
  });
});

onlyIn('chromium', 'forced colours', (h) => {
  it('an open chip and the selected row keep a mark of their own', async () => {
    await seedSampleLedger(h());
    const popup = await h().extensionPage('popup.html');
    await popup.waitFor('[data-testid="account"]');
    await popup.setForcedColors!(true);
    expect(await popup.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
    await popup.click('[data-testid="quick-access-granted"]');
    await popup.waitFor('[data-testid="quick-add-form"]');
    const chips = await popup.evaluate(() =>
      ['[aria-expanded="true"]', '[aria-expanded="false"]'].map((s) => getComputedStyle(document.querySelector(`.chip${s}`)!).backgroundColor),
    );
    expect(chips[0]).not.toBe(chips[1]);
    await popup.close();

    const dash = await h().extensionPage('options.html#timeline');
    await dash.setForcedColors!(true);
    await dash.click('[data-testid="timeline-row"][data-kind="cameo-deleted"]');
    await dash.waitFor('[data-testid="timeline-row"][aria-current="true"]');
    const marks = await dash.evaluate(() =>
      ['[aria-current="true"]', ':not([aria-current="true"])'].map((s) => getComputedStyle(document.querySelector(`[data-testid="timeline-row"]${s}`)!).outlineStyle),
    );
    expect(marks).toEqual(['solid', 'none']);
    await dash.close();
  });
});

/** Whether anything in the popup reaches past its right edge, or the page scrolls sideways. */
const popupOverflow = (page: Page) =>
  page.evaluate(() => {
    const edge = document.querySelector('.popup')!.getBoundingClientRect().right;
    // What is drawn: Firefox gives the content of a closed <details> a box of its own.
    const past = [...document.querySelectorAll('.popup *')].filter((el) => el.checkVisibility() && el.getBoundingClientRect().right > edge + 0.5);
    return {
      popupWidth: Math.round(edge),
      /** The page's width less a scroll bar, where the browser draws one beside the page (Firefox). */
      screenWidth: document.documentElement.clientWidth,
      scrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      past: past.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 30)}`),
    };
  });

/** A part of an image, cut at (x, y): `width`×`height`, or less where the image ends. */
function cut(source: PngImage, x: number, y: number, width: number, height: number): PngImage {
  const out = new PNG({ width: Math.min(width, source.width - x), height: Math.min(height, source.height - y) });
  PNG.bitblt(source, out, x, y, out.width, out.height, 0, 0);
  return out;
}

/** Writes a store image, which must have the size the store asks for. */
function save(image: PngImage, name: string, size: readonly [number, number]) {
  expect([image.width, image.height], name).toEqual(size);
  mkdirSync(STORE_OUT, { recursive: true });
  writeFileSync(join(STORE_OUT, name), PNG.sync.write(image));
  if (process.env.LL_UPDATE_STORE_SCREENSHOTS === '1') {
    mkdirSync(STORE_DOCS, { recursive: true });
    copyFileSync(join(STORE_OUT, name), join(STORE_DOCS, name));
  }
}

const SCREEN = [1280, 800] as const;
const TILE = [440, 280] as const;

/** What a 1280×800 screen shows of the page scrolled to `top` (the dashboard's side bar stays in view). */
async function screenAt(page: Page, top: number): Promise<PngImage> {
  await page.evaluate((y) => new Promise((done) => (scrollTo(0, y), requestAnimationFrame(done))), Math.round(top));
  return fullPage(page, { viewport: true });
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
const ICON = dataUrl(readFileSync(join(ROOT, 'public/icon/128.png')));
const messages = (language: string) => JSON.parse(readFileSync(join(ROOT, `public/_locales/${language}/messages.json`), 'utf8')) as Record<string, { message: string }>;

/**
 * English sentences (four words or more, without substitutions) that a page in another language
 * shows as they are: messages that fell back to English, or English written into the code.
 */
function untranslated(pageText: string, shown: Record<string, { message: string }>): string[] {
  const en = messages('en');
  return Object.entries(en)
    .filter(([key, { message }]) => !message.includes('$') && (message.match(/\p{L}{2,}/gu)?.length ?? 0) >= 4 && shown[key]?.message !== message)
    .map(([, { message }]) => message)
    .filter((message) => pageText.includes(message));
}

/**
 * A store picture drawn in a blank page: the icon, the name and what it does, in the extension's
 * own colours, and with `shot` a screenshot beside them (the popup, as a browser shows it).
 */
const drawPicture = ({ icon, name, text, shot }: { icon: string; name: string; text: string; shot?: string }) => {
  const el = <T extends HTMLElement = HTMLElement>(tag: string, css: string, props: object = {}) => Object.assign(document.createElement(tag), props, { style: css }) as unknown as T;
  document.documentElement.style.cssText = 'margin:0;height:100%';
  document.body.style.cssText = `margin:0;height:100%;display:flex;align-items:center;justify-content:space-between;box-sizing:border-box;font-family:system-ui,sans-serif;${
    shot ? 'padding:0 72px;background:#e8edfd;color:#1b1d22' : 'padding:0 28px;gap:22px;background:#2a4fd6;color:#fff'
  }`;
  document.body.replaceChildren();
  const logo = el<HTMLImageElement>('img', `background:#fff;border-radius:${shot ? 28 : 24}px;padding:8px;flex:none`, { src: icon, width: shot ? 96 : 112, height: shot ? 96 : 112, alt: '' });
  const words = el('div', shot ? 'max-width:520px' : '');
  words.append(
    el('div', `font-size:${shot ? 44 : 30}px;font-weight:700;margin:${shot ? '24px 0 16px' : '0 0 10px'}`, { textContent: name }),
    el('div', `font-size:${shot ? 24 : 16}px;line-height:1.35`, { textContent: text }),
  );
  if (!shot) return document.body.append(logo, words), logo.decode();
  const column = el('div', '');
  column.append(logo, words);
  const popup = el<HTMLImageElement>('img', 'border:1px solid #d4d7dd;border-radius:8px;box-shadow:0 12px 32px rgb(16 24 40 / 0.18);align-self:flex-start;margin-top:24px', { src: shot, alt: '' });
  document.body.append(column, popup);
  return Promise.all([logo.decode(), popup.decode()]).then(() => undefined);
};

for (const language of LANGUAGES) {
  describe(`store screenshots [chromium, ${language}]`, () => {
    let harness: Harness | undefined;
    beforeAll(async () => {
      harness = await launch('chromium', inject('fixturePort'), { language, soraGranted: true });
      await waitForSoraScript(harness);
    });
    afterAll(async () => {
      await harness?.close();
    });

    it('at 1280×800 from the sample ledger, and the 440×280 promo tile', async () => {
      const h = harness!;
      const text = messages(language);
      expect(await h.inExtension(() => ext.i18n.getUILanguage())).toMatch(new RegExp(`^${language}`));
      const dash = await h.extensionPage('options.html#timeline');
      await dash.setViewport(...SCREEN);
      await dash.waitFor('[data-testid="timeline-empty"]');
      await seedSampleLedger(h);

      // 1: the timeline, with a deleted cameo's details and its purge window.
      await dash.click('[data-testid="timeline-row"][data-kind="cameo-deleted"]');
      await dash.waitFor('[data-testid="details-window"]');
      expect(await textOf(dash, '#timeline h2')).toBe(text.sectionTimeline!.message);
      // The page says which language it is in, and no English sentence is left in it untranslated.
      expect(await dash.evaluate(() => document.documentElement.lang)).toMatch(new RegExp(`^${language}\\b`));
      if (language !== 'en') expect(untranslated(await dash.evaluate(() => document.body.innerText), text)).toEqual([]);
      save(await screenAt(dash, 0), `1-timeline-${language}.png`, SCREEN);

      // 2: who had access when, and the deadlines.
      const accessTop = await dash.evaluate(() => document.querySelector('#access')!.getBoundingClientRect().top + scrollY - 16);
      save(await screenAt(dash, accessTop), `2-access-deadlines-${language}.png`, SCREEN);
      await dash.close();

      // 3: the toolbar popup, as a browser shows it below its toolbar.
      const site = fixtureUrl('sora.chatgpt.com', '/profile/alice');
      const tab = await h.newPage(site);
      const tabId = await h.tabIdOf(site);
      const popup = await h.extensionPage(`popup.html?tab=${tabId}`);
      await popup.waitFor('[data-testid="account"]');
      await eventually(async () => expect(await textOf(popup, '[data-testid="tab-status"]')).toContain('Sora'));
      // Longer words (German's) wrap inside the popup, never past its edge.
      expect((await popupOverflow(popup)).past).toEqual([]);
      const right = await popup.evaluate(() => Math.ceil(document.querySelector('.popup')!.getBoundingClientRect().right));
      const shown = cut(await fullPage(popup), 0, 0, right, SCREEN[1] - 48);
      await popup.close();
      await tab.close();
      const picture = await h.newPage();
      await picture.setViewport(...SCREEN);
      await picture.evaluate(drawPicture, { icon: ICON, name: text.extName!.message, text: text.extDescription!.message, shot: dataUrl(PNG.sync.write(shown)) });
      save(await fullPage(picture, { viewport: true }), `3-popup-${language}.png`, SCREEN);

      // The promo tile.
      await picture.setViewport(...TILE);
      await picture.evaluate(drawPicture, { icon: ICON, name: text.extName!.message, text: text.extDescription!.message });
      save(await fullPage(picture, { viewport: true }), `promo-tile-${language}.png`, TILE);
      await picture.close();
    });
  });
}
