import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const OUT = resolve(ROOT, process.env.LL_OUT_DIR ?? '.output');
export const EXTENSION_DIRS = {
  chromium: resolve(OUT, 'chrome-mv3'),
  firefox: resolve(OUT, 'firefox-mv3'),
} as const;
/**
 * The loopback address the fixture site listens on (port 443). Any 127.x.y.z works on Linux, so
 * runs side by side can each take their own (LL_FIXTURE_IP=127.0.0.2 …).
 */
export const FIXTURE_IP = process.env.LL_FIXTURE_IP ?? '127.0.0.1';
export const SCREENSHOTS = resolve(ROOT, 'docs/screenshots');
export const BROWSER_BINARIES = { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' } as const;
/** The Firefox build's gecko id (wxt.config.ts); its moz-extension UUID is pinned by a pref. */
export const GECKO_ID = 'likeness-ledger@likeness-ledger.org';
