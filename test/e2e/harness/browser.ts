/**
 * One small interface over both real browsers, so each end-to-end test runs in Chromium
 * (playwright-core) and Firefox ESR (puppeteer-core over WebDriver BiDi) unchanged.
 *
 * Reaching extension pages in Firefox: BiDi refuses to navigate a tab to moz-extension://.
 * The extension opens its dashboard's welcome tab on first install; the harness keeps that tab
 * as an anchor and opens every other extension page from inside it with browser.tabs.create.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Download, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { BROWSER_BINARIES, EXTENSION_DIRS, FIXTURE_IP, GECKO_ID } from './paths';
import type { LedgerEvent } from '@/lib/ledger/events';
import { SORA_ORIGINS, SORA_SCRIPT } from '@/lib/site-access/sora-access';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export interface Page {
  goto(url: string): Promise<void>;
  click(selector: string): Promise<void>;
  fill(selector: string, text: string): Promise<void>;
  /** Chooses a file on disk in a file input, as the browser's file chooser does. */
  chooseFile(selector: string, path: string): Promise<void>;
  press(key: string): Promise<void>;
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  text(selector: string): Promise<string>;
  count(selector: string): Promise<number>;
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Adds a script from a file path (axe-core, say) to the page. */
  addScript(path: string): Promise<void>;
  /** The whole page; with `viewport` only what the viewport shows; with `selector` only that element. */
  screenshot(path: string, options?: { viewport?: boolean; selector?: string }): Promise<void>;
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /**
   * The page's accessibility tree as a screen reader gets it, closed shadow roots included
   * (Chromium only: the DevTools protocol's Accessibility.getFullAXTree).
   */
  accessibilityTree?(): Promise<AXNode[]>;
  /**
   * Emulates forced colours (Windows High Contrast); Chromium only, Firefox over BiDi cannot
   * (BiDi's forced-colours emulation: https://github.com/w3c/webdriver-bidi/pull/905).
   */
  setForcedColors?(active: boolean): Promise<void>;
  /** The page's viewport in CSS pixels (a phone's 360 px, a store screenshot's 1280×800). */
  setViewport(width: number, height: number): Promise<void>;
  /** Makes the page's tab the one in front, as a user clicking on it: Firefox reports a tab behind another as hidden. */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

/** A node of Chromium's accessibility tree (the fields the tests read). */
export interface AXNode {
  role?: { value?: string };
  name?: { value?: string };
  description?: { value?: string };
  ignored: boolean;
  ignoredReasons?: { name: string }[];
  properties?: { name: string; value: { value?: unknown } }[];
}

export interface Harness {
  name: BrowserName;
  /** chrome-extension://ID or moz-extension://UUID */
  origin: string;
  /**
   * Opens a page in a new tab, or with `window` in a window of its own: a tab behind another
   * runs its timers throttled in Firefox (at most one a second), a page alone in its window does
   * not. Chromium's pages run unthrottled either way.
   */
  newPage(url?: string, options?: { window?: boolean }): Promise<Page>;
  /** Opens an extension page (popup.html, options.html#…) in a tab. */
  extensionPage(path: string): Promise<Page>;
  /** Runs a function in an extension page (with the `browser` API) and returns its result. */
  inExtension<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** The tab id of a page, as the extension sees it. */
  tabIdOf(url: string): Promise<number>;
  /** Every event in the ledger, read from the extension's own IndexedDB. */
  ledger(): Promise<LedgerEvent[]>;
  /** The files the browser downloaded so far (a saved letter, a calendar file), by the names it gave them. */
  downloads(): Promise<{ name: string; text: string }[]>;
  /** Stops the background service worker, as the browser does when it is idle (Chromium only). */
  stopBackground?(): Promise<void>;
  /**
   * Runs a function in the background service worker (Chromium only: Firefox's background is an
   * event page that WebDriver BiDi cannot reach), with `chrome` as the browser gives it there:
   * how a test calls a listener as the browser would (the context menu's click handler).
   */
  inBackground?<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  close(): Promise<void>;
}

export function requireBinary(name: BrowserName) {
  // A missing browser is a failure (a MissingRequirement naming what to install), never a skip: CI installs both (.ci/run).
  return BROWSER_BINARIES[name];
}

/**
 * The ledger's events, read from inside an extension page. Never creates or holds the database:
 * an open that would create it is aborted (no ledger yet means no events), and it is closed on
 * every path, so the extension's own upgrade is never blocked by a test.
 */
const readLedger = () =>
  new Promise<LedgerEvent[]>((resolve, reject) => {
    const open = indexedDB.open('likeness-ledger');
    let absent = false;
    open.onupgradeneeded = () => {
      absent = true;
      open.transaction!.abort();
    };
    open.onerror = () => (absent ? resolve([]) : reject(open.error));
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('events')) {
        db.close();
        return resolve([]);
      }
      const req = db.transaction('events').objectStore('events').getAll();
      req.onsuccess = () => resolve(req.result as LedgerEvent[]);
      req.onerror = () => reject(req.error);
      req.transaction!.oncomplete = req.transaction!.onabort = () => db.close();
    };
  });

// ---------------------------------------------------------------------------- Chromium

function wrapPlaywright(page: PwPage): Page {
  return {
    goto: async (url) => void (await page.goto(url)),
    click: (s) => page.locator(s).first().click(),
    fill: (s, text) => page.locator(s).first().fill(text),
    chooseFile: (s, path) => page.locator(s).first().setInputFiles(path),
    press: (key) => page.keyboard.press(key),
    waitFor: async (s, timeout = 10_000) => void (await page.locator(s).first().waitFor({ timeout })),
    text: (s) => page.locator(s).first().innerText(),
    count: (s) => page.locator(s).count(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    addScript: async (path) => void (await page.addScriptTag({ path })),
    screenshot: async (path, options) =>
      void (await (options?.selector ? page.locator(options.selector).first().screenshot({ path }) : page.screenshot({ path, fullPage: !options?.viewport }))),
    setColorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
    setForcedColors: (active) => page.emulateMedia({ forcedColors: active ? 'active' : 'none' }),
    accessibilityTree: async () => {
      const cdp = await page.context().newCDPSession(page);
      try {
        return ((await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] }).nodes;
      } finally {
        await cdp.detach();
      }
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/** Chromium's flags for the tests, the demo and the benchmarks: a closed network, every host on the fixture server. */
export function chromiumArgs(port: number, extensionDir?: string): string[] {
  return [
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--ignore-certificate-errors',
    // Every host name goes to the fixture server, so any request at all (the extension's own
    // included, if it ever made one) is answered and logged there, never sent out.
    `--host-resolver-rules=MAP * ${FIXTURE_IP}:${port}, EXCLUDE localhost`,
    // A closed network: no background traffic of the browser's own.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

/**
 * Gives the extension the Sora hosts in a Chromium profile, as if the user had granted them before
 * (or an update kept them). Chromium asks the user in a native prompt that a headless test cannot
 * answer (microsoft/playwright#32755), so the grant is written where Chromium keeps it: the
 * profile's Preferences, for the extension's id, which a first start creates.
 */
async function grantSoraInProfile(port: number, userDataDir: string) {
  await editExtensionPrefs(port, userDataDir, (settings) => {
    for (const key of ['granted_permissions', 'active_permissions']) {
      settings[key] ??= {};
      settings[key].explicit_host = [...new Set([...(settings[key].explicit_host ?? []), ...SORA_ORIGINS])];
    }
  });
}

/**
 * Site access "on click" in a Chromium profile, as the user sets it on the extension's details page:
 * Chromium withholds every host permission then (its API refuses to remove required ones).
 */
async function withholdSitesInProfile(port: number, userDataDir: string) {
  await editExtensionPrefs(port, userDataDir, (settings) => void (settings.withholding_permissions = true));
}

/** Changes the extension's entry in a profile's Preferences, which a first start creates. */
async function editExtensionPrefs(port: number, userDataDir: string, edit: (settings: any) => void) {
  const first = await chromium.launchPersistentContext(userDataDir, { executablePath: requireBinary('chromium'), headless: true, args: chromiumArgs(port, EXTENSION_DIRS.chromium) });
  const worker = first.serviceWorkers()[0] ?? (await first.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  await first.close();
  const file = join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8'));
  edit(prefs.extensions.settings[id]);
  writeFileSync(file, JSON.stringify(prefs));
}

/**
 * Removes a closed browser's profile. Chromium's helper processes can still be writing to it for a
 * moment after the browser closed (rmdir then fails with ENOTEMPTY): Node's retries wait that out.
 */
export const removeProfile = (dir: string) => rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });

/** Chromium with the extension watching Sora's pages, for the benchmarks (their workloads are Sora pages). */
export async function chromiumWatchingSora(port: number): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'll-bench-'));
  await grantSoraInProfile(port, dir);
  const context = await chromium.launchPersistentContext(dir, { executablePath: requireBinary('chromium'), headless: true, args: chromiumArgs(port, EXTENSION_DIRS.chromium) });
  // Playwright emits 'close' while the browser may still be shutting down and writing to the profile:
  // removed off that event, with retries, and a failure leaves a temporary directory, not a failed run.
  context.on('close', () => void rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 }).catch(() => undefined));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate(async (id) => {
    const scripting = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(f: { ids: string[] }): Promise<unknown[]> } } }).chrome.scripting;
    while ((await scripting.getRegisteredContentScripts({ ids: [id] })).length === 0) await new Promise((r) => setTimeout(r, 100));
  }, SORA_SCRIPT.id);
  return context;
}

async function launchChromium(port: number, userDataDir = '', { language, soraGranted = false, sitesWithheld = false }: Omit<LaunchOptions, 'userDataDir'> = {}): Promise<Harness> {
  const dir = EXTENSION_DIRS.chromium;
  const downloadDir = mkdtempSync(join(tmpdir(), 'll-downloads-'));
  // A grant needs a profile that outlives the first start: a temporary one when the test gave none.
  const temporary = (soraGranted || sitesWithheld) && !userDataDir ? mkdtempSync(join(tmpdir(), 'll-chromium-')) : '';
  if (soraGranted) await grantSoraInProfile(port, userDataDir || temporary);
  if (sitesWithheld) await withholdSitesInProfile(port, userDataDir || temporary);
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir || temporary, {
    executablePath: requireBinary('chromium'),
    headless: true,
    args: chromiumArgs(port, dir),
    acceptDownloads: true,
    downloadsPath: downloadDir,
    // Chromium on Linux takes its UI language (and so the extension's) from LANGUAGE; Debian needs chromium-l10n for it.
    ...(language ? { env: { ...process.env, LANGUAGE: language } } : {}),
  });
  // Playwright saves each download under a generated name: the name the page gave it is the Download's.
  const downloaded: Download[] = [];
  const watchDownloads = (page: PwPage) => page.on('download', (d) => downloaded.push(d));
  context.pages().forEach(watchDownloads);
  context.on('page', watchDownloads);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // URL.origin is 'null' for chrome-extension: in Node, so build it from the host.
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  // The extension's pages may use the real clipboard (a test reads back what "Copy" wrote).
  // (Granted to every origin: Chromium refuses a grant naming a chrome-extension: origin, which it counts as opaque.)
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const extensionPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`${origin}/${path.replace(/^\//, '')}`);
    return wrapPlaywright(page);
  };
  let helper: PwPage | undefined;
  const inExtension = async <T, A>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> => {
    if (!helper || helper.isClosed()) {
      helper = await context.newPage();
      await helper.goto(`${origin}/options.html#e2e-helper`);
      await helper.evaluate(defineExt);
    }
    return helper.evaluate(fn as never, arg) as Promise<T>;
  };
  return {
    name: 'chromium',
    origin,
    newPage: async (url) => {
      const page = wrapPlaywright(await context.newPage());
      if (url) await page.goto(url);
      return page;
    },
    extensionPage,
    inExtension,
    tabIdOf: (url) => inExtension(tabIdByUrl, url),
    ledger: () => inExtension(readLedger),
    downloads: () => Promise.all(downloaded.map(async (d) => ({ name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') }))),
    inBackground: async (fn, arg) => {
      // The worker may have been stopped (idle, or stopBackground): any extension event starts it again.
      const worker = context.serviceWorkers().find((w) => w.url().startsWith(origin)) ?? (await context.waitForEvent('serviceworker'));
      return worker.evaluate(fn as never, arg) as never;
    },
    stopBackground: async () => {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const { targetInfos } = await cdp.send('Target.getTargets');
      for (const t of targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(origin))) {
        await cdp.send('Target.closeTarget', { targetId: t.targetId });
      }
      await cdp.detach();
    },
    close: async () => {
      await context.close();
      rmSync(downloadDir, { recursive: true, force: true });
      if (temporary) removeProfile(temporary);
    },
  };
}

// ----------------------------------------------------------------------------- Firefox

/** A fixed UUID for the moz-extension origin, so tests know the extension's URLs. */
const FIREFOX_UUID = '6c1d2a7e-0b5f-4e8a-9d3c-1f2e3d4c5b6a';

function wrapPuppeteer(page: PpPage): Page {
  return {
    goto: async (url) => void (await page.goto(url)),
    click: (s) => page.locator(s).click(),
    fill: (s, text) => page.locator(s).fill(text),
    chooseFile: async (s, path) => {
      const input = await page.waitForSelector(s);
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
    },
    // Playwright's "Shift+Tab" chords, spelt out for Puppeteer.
    press: async (chord) => {
      const keys = chord.split('+') as never[];
      const key = keys.pop()!;
      for (const modifier of keys) await page.keyboard.down(modifier);
      await page.keyboard.press(key);
      for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
    },
    waitFor: async (s, timeout = 10_000) => void (await page.waitForSelector(s, { timeout })),
    text: (s) => page.$eval(s, (el) => (el as HTMLElement).innerText),
    count: (s) => page.$$eval(s, (els) => els.length),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    addScript: async (path) => void (await page.addScriptTag({ path })),
    screenshot: async (path, options) => {
      const target = options?.selector ? await page.$(options.selector) : page;
      if (!target) throw new Error(`nothing to photograph at ${options?.selector}`);
      await target.screenshot({ path: path as `${string}.png`, ...(options?.selector ? {} : { fullPage: !options?.viewport }) });
    },
    setColorScheme: (scheme) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]),
    setViewport: (width, height) => page.setViewport({ width, height }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

async function locationOf(page: PpPage): Promise<string> {
  try {
    return await page.evaluate(() => location.href);
  } catch {
    return '';
  }
}

/** Puppeteer does not follow navigations it did not make, so pages are found by asking them. */
async function findPage(browser: PpBrowser, test: (href: string) => boolean, timeoutMs = 30_000): Promise<PpPage> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) if (test(await locationOf(page))) return page;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('page not found in time');
}

async function launchFirefox(soraGranted = false): Promise<Harness> {
  const downloadDir = mkdtempSync(join(tmpdir(), 'll-downloads-'));
  const ff = await puppeteer.launch({
    browser: 'firefox',
    executablePath: requireBinary('firefox'),
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      // Every host name resolves to the fixture server (listening on 443).
      'network.dns.forceResolve': FIXTURE_IP,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // Downloads go straight to a folder of the test's, without asking.
      'browser.download.dir': downloadDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
      // An optional permission the extension asks for is granted without the prompt (the settings switch uses it).
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  await ff.installExtension(EXTENSION_DIRS.firefox);
  const origin = `moz-extension://${FIREFOX_UUID}`;
  const anchor = await findPage(ff, (href) => href.startsWith(`${origin}/options.html#welcome`));
  await anchor.evaluate(defineExt);
  if (soraGranted) await grantSoraByClick(anchor);
  const inExtension = <T, A>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> => anchor.evaluate(fn as never, arg) as Promise<T>;
  return {
    name: 'firefox',
    origin,
    newPage: async (url, options) => {
      const page = wrapPuppeteer(await ff.newPage(options?.window ? { type: 'window' } : undefined));
      if (url) await page.goto(url);
      return page;
    },
    extensionPage: async (path) => {
      const marker = `ll-${Math.random().toString(36).slice(2)}`;
      const url = `${origin}/${path.replace(/^\//, '')}`;
      // The marker goes in the query: pages rewrite their own hash (the dashboard's deep links).
      const [beforeHash, hash] = url.split('#') as [string, string | undefined];
      const withMarker = `${beforeHash}${beforeHash.includes('?') ? '&' : '?'}ll-marker=${marker}${hash === undefined ? '' : `#${hash}`}`;
      await anchor.evaluate((u: string) => void ext.tabs.create({ url: u }), withMarker);
      const page = await findPage(ff, (href) => href.includes(marker));
      return wrapPuppeteer(page);
    },
    inExtension,
    tabIdOf: (url) => inExtension(tabIdByUrl, url),
    ledger: () => inExtension(readLedger),
    // A download still being written is an empty file under its final name, beside a .part file.
    downloads: async () =>
      readdirSync(downloadDir)
        .filter((name) => !name.endsWith('.part') && !existsSync(join(downloadDir, `${name}.part`)) && statSync(join(downloadDir, name)).size > 0)
        .map((name) => ({ name, text: readFileSync(join(downloadDir, name), 'utf8') })),
    close: async () => {
      await ff.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}

/**
 * Gives the extension the Sora hosts in Firefox: a permission request needs a user's click, so the
 * anchor page gets a button that asks, and the test clicks it (the prompt is off by pref).
 */
async function grantSoraByClick(anchor: PpPage) {
  await anchor.evaluate((origins: string[]) => {
    const button = Object.assign(document.createElement('button'), { id: 'll-grant-sora', textContent: 'grant' });
    button.addEventListener('click', () => void ext.permissions.request({ origins }).then(() => button.remove()));
    document.body.append(button);
  }, [...SORA_ORIGINS]);
  await anchor.locator('#ll-grant-sora').click();
  await anchor.waitForFunction(() => !document.getElementById('ll-grant-sora'));
}

/** Gives functions run in extension pages one name for the API: `browser` in Firefox, `chrome` in Chromium. */
const defineExt = () => {
  const g = globalThis as unknown as { browser?: unknown; chrome?: unknown; ext?: unknown };
  g.ext = g.browser ?? g.chrome;
};

const tabIdByUrl = async (url: string) => {
  const tabs = await ext.tabs.query({});
  const tab = tabs.find((t) => t.url === url);
  if (tab?.id === undefined) throw new Error(`no tab at ${url}: ${tabs.map((t) => t.url).join(', ')}`);
  return tab.id;
};

/**
 * Starts a browser with the extension. `userDataDir` (Chromium) keeps the profile, so a test can
 * close the browser and start it again on the same ledger: a restart, as a user has one.
 * A fresh install does not watch Sora's pages; `soraGranted` starts with them watched.
 * `language` (Chromium) is the browser's UI language, and so the extension's (`de`).
 */
export function launch(name: BrowserName, fixturePort: number, options: LaunchOptions = {}): Promise<Harness> {
  return name === 'chromium' ? launchChromium(fixturePort, options.userDataDir, options) : launchFirefox(options.soraGranted);
}

/** Waits until the background has registered the Sora content script (it does so at start when the hosts are granted). */
export async function waitForSoraScript(harness: Harness, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  const registered = (id: string) => ext.scripting.getRegisteredContentScripts({ ids: [id] }).then((s) => s.length > 0);
  while (!(await harness.inExtension(registered, SORA_SCRIPT.id))) {
    if (Date.now() > deadline) throw new Error('the Sora content script was not registered');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface LaunchOptions {
  userDataDir?: string;
  language?: string;
  /** Start with Sora's optional hosts granted, as for a user who turned on "Watch Sora's pages" (lib/site-access/sora-access.ts). */
  soraGranted?: boolean;
  /** Chromium: start with the extension's site access set to "on click" (every host withheld). */
  sitesWithheld?: boolean;
}
