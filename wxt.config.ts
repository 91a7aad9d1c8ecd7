import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPTIONAL_MATCH_PATTERNS, REQUIRED_MATCH_PATTERNS } from './lib/facts/surfaces';
import { NOTICES_FILE, noticesForModules } from './scripts/third-party-notices';

// Firefox 140 is the first desktop version that knows `data_collection_permissions`.
const FIREFOX_MIN_VERSION = '140.0';
// The newest thing the Chromium build needs is CSS color-mix() (Chrome 111, components/app.css);
// below it: storage.session (102), Intl.supportedValuesOf (99), Vite's default build target (107).
const CHROME_MIN_VERSION = '111';
// Where the stores and the extensions page link to: the project's home (docs/store/README.md).
const HOMEPAGE_URL = 'https://likeness-ledger.org/';

export default defineConfig({
  // Engineers running builds side by side give each its own directory (the e2e tests read the same variable).
  outDir: process.env.LL_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The licenses of the packages this build bundled, into the build and so into its zip.
    'build:done': (wxt, output) => {
      const moduleIds = output.steps.flatMap((step) => step.chunks.flatMap((chunk) => (chunk.type === 'chunk' ? chunk.moduleIds : [])));
      writeFileSync(join(wxt.config.outDir, NOTICES_FILE), noticesForModules(moduleIds));
    },
  },
  vite: () => ({
    plugins: [preact()],
    // Every browser that runs MV3 knows modulepreload; Vite's polyfill would add the one fetch() in the build.
    build: { modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    homepage_url: HOMEPAGE_URL,
    // Each permission is explained in README.md ("Permissions"). Keep the two in step.
    permissions: ['storage', 'unlimitedStorage', 'webRequest', 'alarms', 'notifications', 'scripting', 'contextMenus'],
    host_permissions: REQUIRED_MATCH_PATTERNS,
    // Asked for when the user turns them on in the dashboard's settings (lib/site-access/sora-access.ts).
    optional_host_permissions: OPTIONAL_MATCH_PATTERNS,
    action: { default_title: '__MSG_extName__' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'likeness-ledger@likeness-ledger.org',
              strict_min_version: FIREFOX_MIN_VERSION,
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android learnt data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: CHROME_MIN_VERSION }),
  }),
  zip: {
    // The sources zip Firefox review asks for: everything needed to rebuild, nothing generated.
    excludeSources: ['.output/**', 'test-results/**', 'bench/results/**', 'scratch/**', '**/*.log'],
  },
});
