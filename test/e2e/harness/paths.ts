import { resolve } from 'node:path';
import { browserBinary } from './requirements';

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
/**
 * Where the end-to-end tests put their screenshots: an ignored folder, so a test run leaves the work
 * tree clean. `npm run screenshots` copies the ones the README shows into docs/screenshots.
 */
export const SCREENSHOTS = resolve(ROOT, 'test-results/screenshots');
/**
 * The browsers' programs, looked up when first read (harness/requirements.ts): Debian's
 * /usr/bin/chromium and /usr/bin/firefox-esr where they are, LL_CHROMIUM and LL_FIREFOX to choose.
 */
export const BROWSER_BINARIES = {
  get chromium() {
    return browserBinary('chromium');
  },
  get firefox() {
    return browserBinary('firefox');
  },
};
/** The Firefox build's gecko id (wxt.config.ts); its moz-extension UUID is pinned by a pref. */
export const GECKO_ID = 'likeness-ledger@likeness-ledger.org';
