// The third-party notices written into every build (scripts/third-party-notices.ts, wxt.config.ts).
// The built files themselves are checked in test/e2e/build-audit.e2e.ts.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPackageDirs, noticesForModules, noticesText, readPackage } from '../../../scripts/third-party-notices';

const NM = resolve(import.meta.dirname, '../../../node_modules');

describe('third-party notices', () => {
  it('finds each bundled package once, scoped and nested ones too, and skips our own and virtual modules', () => {
    const dirs = bundledPackageDirs([
      `${NM}/dexie/dist/dexie.mjs`,
      `${NM}/dexie/dist/other.mjs`,
      `${NM}/preact/hooks/dist/hooks.module.js?v=1`,
      `${NM}/@scope/pkg/index.js`,
      `${NM}/a/node_modules/b/index.js`,
      '/repo/lib/ledger/ledger.ts',
      '\0vite/preload-helper.js',
    ]);
    expect(dirs).toEqual([`${NM}/@scope/pkg`, `${NM}/a/node_modules/b`, `${NM}/dexie`, `${NM}/preact`]);
  });

  it("carries each package's license text and, for Apache-2.0, its NOTICE, with where the source is", () => {
    const text = noticesForModules([`${NM}/dexie/dist/dexie.mjs`, `${NM}/webextension-polyfill/dist/browser-polyfill.js`]);
    expect(text).toMatch(/^dexie \d+\.\d+\.\d+ \(Apache-2\.0\)$/m);
    expect(text).toContain('Apache License');
    expect(text).toContain('Dexie.js\n\nCopyright (c)'); // dexie's NOTICE file
    expect(text).toMatch(/^webextension-polyfill \S+ \(MPL-2\.0\)$/m);
    expect(text).toContain('Source: https://github.com/mozilla/webextension-polyfill');
    expect(text).toContain('Mozilla Public License Version 2.0');
    expect(text.indexOf('dexie')).toBeLessThan(text.indexOf('webextension-polyfill'));
  });

  it('names a package that ships no license file, with the MIT text where that is its license', () => {
    const wxt = readPackage(`${NM}/wxt`);
    expect(wxt.texts).toEqual([]);
    const text = noticesText([wxt]);
    expect(text).toContain(`wxt ${wxt.version} (MIT)`);
    expect(text).toContain('The package ships no license file');
    expect(text).toContain(`Copyright (c) ${wxt.author}`);
    expect(text).toContain('Permission is hereby granted');
  });

  it('refuses a bundled folder without a package.json rather than leave its license out', () => {
    expect(() => noticesForModules([`${NM}/no-such-package-here/index.js`])).toThrow(/no-such-package-here/);
  });
});
