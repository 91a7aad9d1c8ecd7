// The in-page warning against the page it is shown in, in both browsers (issues 18 and 19):
// - a page that removes, hides, inerts or covers it: every deletion click goes through (fail open),
//   and no "warning shown" is logged;
// - a page that restyles it through custom and inherited properties: it keeps its colours;
// - keys typed in it never reach the page;
// - over a page with its own Radix-like focus trap and Escape handler (focus-trap.html): by
//   keyboard alone, Tab and Shift+Tab cycle inside, Escape goes back without closing the page's
//   own dialog, Enter on Continue lets the deletion through; a screen reader's view (Chromium's
//   accessibility tree) sees one alert dialog and the page behind as inert;
// - the "Log this?" question: the page's stylesheet cannot hide or restyle it, keys stay in it,
//   and when the page removes it the next unclear signal is asked about again;
// - axe on the same dialog, rendered from the same module in an open shadow root: 0 serious or
//   critical, light and dark, English and German.
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { expect, it } from 'vitest';
import { effectiveEvents } from '@/lib/ledger/relations';
import { ACCOUNT_DELETION_IRREVERSIBLE, ACCOUNT_DELETION_TAKES } from '@/lib/facts/policies';
import type { Harness, Page } from './harness/browser';
import { eventually } from './harness/eventually';
import { PNG } from './harness/screenshots';
import { fixtureUrl, inEachBrowser, onlyIn } from './harness/suite';

const ROOT = resolve(import.meta.dirname, '../..');
/** Screenshots of this file: in the ignored test-results folder (the README's come from warning.e2e.ts). */
const SHOTS = resolve(ROOT, 'test-results/screenshots');
const PAGE = (query = '') => fixtureUrl('chatgpt.com', `/focus-trap.html${query}`);
const AXE = resolve(ROOT, 'node_modules/axe-core/axe.min.js');
/** Every link and button in the warning: Tab visits each once per round. */
const FOCUSABLE = [...ACCOUNT_DELETION_TAKES, ...ACCOUNT_DELETION_IRREVERSIBLE].filter((s) => s.source.url).length + 2;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Hostile = 'remove' | 'hide' | 'inert' | 'cover' | 'restyle';

const shown = () => document.querySelector('[data-likeness-ledger="warning"]') !== null;
const deleted = () => Number(document.getElementById('deleted')!.textContent);

async function warningsLogged(h: () => Harness) {
  return effectiveEvents(await h().ledger()).filter((e) => e.kind === 'deletion-warning-shown').length;
}

/** The page at its last step: the Radix-like dialog open, "Permanently delete my account" in it. */
async function atLastStep(h: () => Harness, query = '') {
  const page = await h().newPage(PAGE(query), { window: true });
  await page.click('#open-delete');
  await page.waitFor('#permanently-delete');
  return page;
}

async function openWarning(page: Page) {
  await page.click('#permanently-delete');
  await eventually(async () => expect(await page.evaluate(shown)).toBe(true));
}

/** The focus is in the warning (from the page, that is its host: the shadow root is closed). */
const focusInWarning = () => document.activeElement?.getAttribute('data-likeness-ledger') === 'warning';

/** Counts pixels of a screenshot by colour. */
function colours(file: string) {
  const { data } = PNG.sync.read(readFileSync(file));
  const c = { white: 0, magenta: 0, green: 0 };
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (r > 250 && g > 250 && b > 250) c.white += 1;
    if (r > 200 && g < 60 && b > 200) c.magenta += 1;
    if (r < 60 && g > 200 && b < 60) c.green += 1;
  }
  return c;
}

inEachBrowser('the warning against its page', (h) => {
  for (const hostile of ['remove', 'hide', 'inert', 'cover'] as Hostile[]) {
    it(`a page that does "${hostile}" to the warning: 5 of 5 deletion clicks go through, none logged as shown`, async () => {
      const page = await atLastStep(h);
      const logged = await warningsLogged(h);
      await page.evaluate((how: Hostile) => ((window as unknown as { hostile: Hostile }).hostile = how), hostile);
      for (let i = 1; i <= 5; i += 1) {
        await page.evaluate(() => document.getElementById('permanently-delete')!.click());
        await eventually(async () => expect(await page.evaluate(deleted)).toBe(i));
        // The page undoes what it did, so the next click starts from a usable page.
        await page.evaluate(() => {
          document.documentElement.style.removeProperty('display');
          (document.getElementById('own-dialog') as HTMLDialogElement | null)?.remove();
        });
        expect(await page.evaluate(shown)).toBe(false);
      }
      await sleep(500);
      expect(await warningsLogged(h)).toBe(logged);
      await page.close();
    });
  }

  it('a page that restyles the warning (custom properties, inherited and its own, display, opacity): it keeps its look and stays', async () => {
    const page = await atLastStep(h);
    await page.evaluate(() => ((window as unknown as { hostile: Hostile }).hostile = 'restyle'));
    await openWarning(page);
    await sleep(1000);
    // Still there: hiding the host did not hide it, and it did not fail open either.
    expect(await page.evaluate(shown)).toBe(true);
    expect(await page.evaluate(deleted)).toBe(0);
    mkdirSync(SHOTS, { recursive: true });
    const file = `${SHOTS}/warning-restyled-${h().name}.png`;
    await page.screenshot(file);
    // Answerable as ever: Enter on Go back.
    await page.press('Enter');
    await eventually(async () => expect(await page.evaluate(shown)).toBe(false));
    expect(await page.evaluate(deleted)).toBe(0);
    await page.close();
    const c = colours(file);
    // The dialog's own white background (the page is grey under a dark backdrop), none of the page's colours.
    expect(c.white).toBeGreaterThan(50_000);
    expect(c.magenta).toBe(0);
    expect(c.green).toBe(0);
  });

  it('keys typed in the warning (keydown, keypress, keyup) never reach the page', async () => {
    const page = await atLastStep(h);
    await openWarning(page);
    for (const key of ['a', 'Tab', 'Shift+Tab']) await page.press(key);
    await sleep(300);
    expect(await page.evaluate(() => (window as unknown as { seen: { keys: string[] } }).seen.keys)).toEqual([]);
    await page.press('Escape');
    await eventually(async () => expect(await page.evaluate(shown)).toBe(false));
    await page.close();
  });

  it('over a Radix-like focus trap, by keyboard alone: Escape goes back and leaves the page’s dialog open', async () => {
    const page = await atLastStep(h);
    await openWarning(page);
    expect(await page.evaluate(focusInWarning)).toBe(true);
    // The shipped warning's root is closed: the page cannot reach into it.
    expect(await page.evaluate(() => document.querySelector('[data-likeness-ledger="warning"]')!.shadowRoot)).toBeNull();
    await page.press('Escape');
    await eventually(async () => expect(await page.evaluate(shown)).toBe(false));
    await sleep(300);
    expect(await page.evaluate(() => document.getElementById('escapes')!.textContent)).toBe('0');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('permanently-delete');
    expect(await page.evaluate(deleted)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { seen: unknown }).seen)).toEqual({ keys: [], focus: [] });
    await page.close();
  });

  it('over a Radix-like focus trap, by keyboard alone: Tab and Shift+Tab cycle inside; Enter on Continue deletes', async () => {
    const page = await atLastStep(h, '?lang=de');
    await openWarning(page);
    // Round and round: focus never reaches the page, whose trap would pull it back into its dialog.
    for (const chord of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < FOCUSABLE; i += 1) {
        await page.press(chord);
        expect(await page.evaluate(focusInWarning), `${chord} ${i + 1}`).toBe(true);
      }
    }
    expect(await page.evaluate(deleted)).toBe(0);
    // Back on Go back, where it started; one Shift+Tab is Continue.
    await page.press('Shift+Tab');
    await page.press('Enter');
    await eventually(async () => expect(await page.evaluate(deleted)).toBe(1));
    expect(await page.evaluate(shown)).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { seen: unknown }).seen)).toEqual({ keys: [], focus: [] });
    expect(await page.evaluate(() => document.getElementById('escapes')!.textContent)).toBe('0');
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const lang of ['en', 'de'] as const) {
      it(`axe finds no serious or critical violation in the warning (${scheme}, ${lang})`, async () => {
        const page = await h().newPage(fixtureUrl('example.org', '/'));
        if (h().name === 'chromium') await page.setColorScheme(scheme);
        await page.addScript(await openRootBundle());
        await page.evaluate((l: string) => {
          document.documentElement.lang = l;
          const show = (window as unknown as { showWarningForAxe: (o: object) => Promise<unknown> }).showWarningForAxe;
          void show({ lang: l, checklist: [{ id: 'people-with-access', people: ['bob', 'carol'] }, { id: 'cameo-not-deleted' }, { id: 'export-missing', state: 'never-requested' }, { id: 'open-privacy-requests', count: 1 }] });
        }, lang);
        // Firefox over WebDriver BiDi cannot emulate prefers-color-scheme: there the warning's own
        // dark rules are applied as they are.
        if (h().name === 'firefox' && scheme === 'dark') await page.evaluate(applyDarkRules);
        await page.addScript(AXE);
        const result = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run: (c: unknown, o: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[]; passes: unknown[] }> } }).axe;
          // Only the warning: it is what this test is about (the host's open root in this test page).
          const { violations, passes } = await axe.run({ include: [['[data-likeness-ledger="warning"]']] }, { resultTypes: ['violations'] });
          return { passes: passes.length, violations: violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) })) };
        });
        // axe saw the dialog's content, not an empty host.
        expect(result.passes).toBeGreaterThanOrEqual(10);
        const minor = result.violations.filter((v) => v.impact === 'moderate' || v.impact === 'minor');
        console.log(`axe, warning, ${h().name} ${scheme} ${lang}: ${result.passes} rules passed; moderate or minor: ${minor.length ? JSON.stringify(minor) : 'none'}`);
        expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot(`${SHOTS}/warning-dialog-${h().name}-${scheme}-${lang}.png`);
        await page.close();
      });
    }
  }
});

inEachBrowser('the "Log this?" question against its page', (h) => {
  const prompt = '[data-likeness-ledger="ask"]';
  // Deleting a video on a character's profile says only "Deleted" (test/fixtures/shared/sora-app.js).
  const unclearDeletion = async (page: Page) => {
    await page.click('[data-test="delete-post"]');
    await page.waitFor(prompt);
  };
  const unclearLogged = async () => effectiveEvents(await h().ledger()).filter((e) => e.evidence.rule === 'sora.cameo-deleted.unclear').length;

  it("keeps its look under the page's stylesheet, keeps its keys, and settles when the page removes it", async () => {
    const logged = await unclearLogged();
    const page = await h().newPage(fixtureUrl('sora.chatgpt.com', '/profile/crystal.party'), { window: true });
    await page.evaluate(() => {
      const style = document.head.appendChild(document.createElement('style'));
      style.textContent = `html { color: transparent !important; font-size: 2px !important; letter-spacing: 9px !important; }
        [data-likeness-ledger] { display: none !important; opacity: 0 !important; }
        [data-likeness-ledger] * { visibility: hidden !important; color: transparent !important; }`;
      const w = window as unknown as { keys: string[] };
      w.keys = [];
      for (const type of ['keydown', 'keyup', 'keypress']) {
        document.addEventListener(type, (e) => w.keys.push(`${type} ${(e as KeyboardEvent).key}`), true);
        document.addEventListener(type, (e) => w.keys.push(`${type} ${(e as KeyboardEvent).key}`));
      }
    });
    await unclearDeletion(page);
    const look = await page.evaluate((selector: string) => {
      const box = document.querySelector(selector)!;
      const css = getComputedStyle(box);
      const button = getComputedStyle(box.querySelector('button')!);
      return { display: css.display, opacity: css.opacity, color: css.color, fontSize: css.fontSize, letterSpacing: css.letterSpacing, button: [button.visibility, button.color] };
    }, prompt);
    expect(look).toMatchObject({ display: 'block', opacity: '1', fontSize: '14px', letterSpacing: 'normal' });
    expect(look.color).not.toBe('rgba(0, 0, 0, 0)');
    expect(look.button[0]).toBe('visible');
    expect(look.button[1]).not.toBe('rgba(0, 0, 0, 0)');
    // Focus is on "Log it": keys typed there stay in the question.
    await page.press('a');
    await sleep(200);
    expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual([]);
    // The page takes the question away: nothing is logged, and the next unclear signal is asked about.
    await page.evaluate((selector: string) => document.querySelector(selector)!.remove(), prompt);
    await sleep(500);
    // A second unclear "Deleted." in the page's toast region (the same text again is the same moment).
    await page.evaluate(() => {
      const toast = document.createElement('li');
      toast.setAttribute('role', 'status');
      toast.textContent = 'Deleted.';
      document.querySelector('ol[aria-label="Notifications"]')!.append(toast);
    });
    await page.waitFor(prompt);
    await page.click(`${prompt} button:nth-of-type(2)`);
    expect(await page.count(prompt)).toBe(0);
    await sleep(500);
    expect(await unclearLogged()).toBe(logged);
    await page.close();
  });
}, { soraGranted: true });

onlyIn('chromium', 'the warning in forced colours', (h) => {
  it('keeps a visible frame and tells its two buttons apart without colour', async () => {
    const page = await h().newPage(fixtureUrl('example.org', '/'));
    await page.setForcedColors!(true);
    await page.addScript(await openRootBundle());
    const look = await page.evaluate(() => {
      void (window as unknown as { showWarningForAxe: (o: object) => Promise<unknown> }).showWarningForAxe({ lang: 'en', checklist: [{ id: 'cameo-not-deleted' }] });
      const root = document.querySelector('[data-likeness-ledger="warning"]')!.shadowRoot!;
      const css = (selector: string) => getComputedStyle(root.querySelector(selector)!);
      return {
        forced: matchMedia('(forced-colors: active)').matches,
        dialog: [css('dialog').borderTopStyle, css('dialog').borderTopWidth],
        goBack: css('button.primary').borderTopStyle,
        proceed: css('button.danger').borderTopStyle,
        checklist: css('.checklist li').borderTopStyle,
      };
    });
    expect(look).toEqual({ forced: true, dialog: ['solid', '3px'], goBack: 'solid', proceed: 'double', checklist: 'solid' });
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot(`${SHOTS}/warning-dialog-chromium-forced-colors.png`);
    await page.close();
  });
});

onlyIn('chromium', 'the warning as a screen reader gets it', (h) => {
  it('one alert dialog, named and described, focus on Go back; the page behind is inert', async () => {
    const page = await atLastStep(h);
    await openWarning(page);
    const tree = await page.accessibilityTree!();
    const dialogs = tree.filter((n) => !n.ignored && (n.role?.value === 'alertdialog' || n.role?.value === 'dialog'));
    expect(dialogs.map((n) => [n.role?.value, n.name?.value])).toEqual([['alertdialog', 'Before you delete this account']]);
    expect(dialogs[0]!.description?.value).toMatch(/linked ones/);
    const focused = tree.filter((n) => n.role?.value !== 'RootWebArea' && n.properties?.some((p) => p.name === 'focused' && p.value.value === true));
    expect(focused.map((n) => [n.role?.value, n.name?.value])).toEqual([['button', 'Go back']]);
    // The page's own dialog and its button are out of the tree while the warning is open (and back in after).
    expect(tree.filter((n) => !n.ignored && n.name?.value === 'Permanently delete my account')).toEqual([]);
    expect(tree.filter((n) => !n.ignored && n.name?.value === 'Delete account - are you sure?')).toEqual([]);
    await page.press('Enter');
    await eventually(async () => expect(await page.evaluate(shown)).toBe(false));
    // And back: the page's dialog is in the tree again once the warning has gone.
    const after = await page.accessibilityTree!();
    expect(after.filter((n) => !n.ignored && n.role?.value === 'button' && n.name?.value === 'Permanently delete my account')).toHaveLength(1);
    await page.close();
  });
});

function applyDarkRules() {
  const root = document.querySelector('[data-likeness-ledger="warning"]')!.shadowRoot!;
  for (const sheet of [...root.styleSheets]) {
    const dark = [...sheet.cssRules].filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && /prefers-color-scheme:\s*dark/.test(r.conditionText));
    for (const rule of dark) for (const inner of [...rule.cssRules]) sheet.insertRule(inner.cssText, sheet.cssRules.length);
  }
}

/**
 * The warning's own module, bundled for a test page with every shadow root open, so that axe can
 * read it. Only this test bundle opens it: the shipped warning (entrypoints/warning.ts) keeps its
 * root closed.
 */
let bundle: Promise<string> | undefined;
function openRootBundle(): Promise<string> {
  bundle ??= (async () => {
    const outfile = resolve(ROOT, 'test-results/warning-open-root.js');
    const inlineCss: Plugin = {
      name: 'inline-css',
      setup(b) {
        b.onResolve({ filter: /\?inline$/ }, (a) => ({ path: resolve(a.resolveDir, a.path.replace(/\?inline$/, '')), namespace: 'inline-css' }));
        b.onLoad({ filter: /.*/, namespace: 'inline-css' }, (a) => ({ contents: readFileSync(a.path, 'utf8'), loader: 'text' }));
      },
    };
    await build({
      stdin: {
        contents: `
          import { showDeletionWarning } from './components/in-page/warning-dialog';
          const attach = Element.prototype.attachShadow;
          Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: 'open' }); };
          window.showWarningForAxe = showDeletionWarning;`,
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      outfile,
      plugins: [inlineCss],
      logLevel: 'silent',
    });
    return outfile;
  })();
  return bundle;
}
