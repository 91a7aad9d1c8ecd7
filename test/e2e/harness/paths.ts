import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
export const EXTENSION_DIRS = {
  chromium: resolve(ROOT, '.output/chrome-mv3'),
  firefox: resolve(ROOT, '.output/firefox-mv3'),
} as const;
export const SCREENSHOTS = resolve(ROOT, 'docs/screenshots');
export const BROWSER_BINARIES = { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' } as const;
/** The Firefox build's gecko id (wxt.config.ts); its moz-extension UUID is pinned by a pref. */
export const GECKO_ID = 'likeness-ledger@likeness-ledger.org';
