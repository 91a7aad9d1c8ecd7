/**
 * One small interface over both real browsers, so each end-to-end test runs in Chromium
 * (playwright-core) and Firefox ESR (puppeteer-core over WebDriver BiDi) unchanged.
 *
 * Reaching extension pages in Firefox: BiDi refuses to navigate a tab to moz-extension://.
 * The extension opens its dashboard's welcome tab on first install; the harness keeps that tab
 * as an anchor and opens every other extension page from inside it with browser.tabs.create.
 */
import { chromium, type BrowserContext, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { BROWSER_BINARIES, EXTENSION_DIRS, FIXTURE_IP, GECKO_ID } from './paths';
import type { LedgerEvent } from '@/lib/events';

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
  /** The whole page, or with `viewport` only what the viewport shows. */
  screenshot(path: string, options?: { viewport?: boolean }): Promise<void>;
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /**
   * The page's accessibility tree as a screen reader gets it, closed shadow roots included
   * (Chromium only: the DevTools protocol's Accessibility.getFullAXTree).
   */
  accessibilityTree?(): Promise<AXNode[]>;
  /** Emulates forced colours (Windows High Contrast); Chromium only, Firefox over BiDi cannot. */
  setForcedColors?(active: boolean): Promise<void>;
  /** The page's viewport in CSS pixels (a phone's 360 px, a store screenshot's 1280×800). */
  setViewport(width: number, height: number): Promise<void>;
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
  /** Stops the background service worker, as the browser does when it is idle (Chromium only). */
  stopBackground?(): Promise<void>;
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
    screenshot: async (path, options) => void (await page.screenshot({ path, fullPage: !options?.viewport })),
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

async function launchChromium(port: number, userDataDir = '', language?: string): Promise<Harness> {
  const dir = EXTENSION_DIRS.chromium;
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath: requireBinary('chromium'),
    headless: true,
    args: chromiumArgs(port, dir),
    // Chromium on Linux takes its UI language (and so the extension's) from LANGUAGE; Debian needs chromium-l10n for it.
    ...(language ? { env: { ...process.env, LANGUAGE: language } } : {}),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // URL.origin is 'null' for chrome-extension: in Node, so build it from the host.
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
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
    stopBackground: async () => {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      const { targetInfos } = await cdp.send('Target.getTargets');
      for (const t of targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(origin))) {
        await cdp.send('Target.closeTarget', { targetId: t.targetId });
      }
      await cdp.detach();
    },
    close: () => context.close(),
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
    screenshot: async (path, options) => void (await page.screenshot({ path: path as `${string}.png`, fullPage: !options?.viewport })),
    setColorScheme: (scheme) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]),
    setViewport: (width, height) => page.setViewport({ width, height }),
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

async function launchFirefox(): Promise<Harness> {
  const ff = await puppeteer.launch({
    browser: 'firefox',
    executablePath: requireBinary('firefox'),
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      // Every host name resolves to the fixture server (listening on 443).
      'network.dns.forceResolve': FIXTURE_IP,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
    },
  });
  await ff.installExtension(EXTENSION_DIRS.firefox);
  const origin = `moz-extension://${FIREFOX_UUID}`;
  const anchor = await findPage(ff, (href) => href.startsWith(`${origin}/options.html#welcome`));
  await anchor.evaluate(defineExt);
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
    close: () => ff.close(),
  };
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
 * `language` (Chromium) is the browser's UI language, and so the extension's (`de`).
 */
export function launch(name: BrowserName, fixturePort: number, options: { userDataDir?: string; language?: string } = {}): Promise<Harness> {
  return name === 'chromium' ? launchChromium(fixturePort, options.userDataDir, options.language) : launchFirefox();
}
