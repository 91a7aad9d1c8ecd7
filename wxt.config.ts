import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { OPTIONAL_MATCH_PATTERNS, REQUIRED_MATCH_PATTERNS } from './lib/surfaces';

// Firefox 140 is the first desktop version that knows `data_collection_permissions`.
const FIREFOX_MIN_VERSION = '140.0';

export default defineConfig({
  // Engineers running builds side by side give each its own directory (the e2e tests read the same variable).
  outDir: process.env.LL_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    // Every browser that runs MV3 knows modulepreload; Vite's polyfill would add the one fetch() in the build.
    build: { modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each permission is explained in README.md ("Permissions"). Keep the two in step.
    permissions: ['storage', 'unlimitedStorage', 'webRequest', 'alarms', 'notifications', 'scripting'],
    host_permissions: REQUIRED_MATCH_PATTERNS,
    // Asked for when the user turns them on in the dashboard's settings (lib/sora-access.ts).
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
      : {}),
  }),
  zip: {
    // The sources zip Firefox review asks for: everything needed to rebuild, nothing generated.
    excludeSources: ['.output/**', 'test-results/**', 'bench/results/**'],
  },
});
