// What the built extension may contain and ask for, checked on the builds users get.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIONAL_MATCH_PATTERNS, REQUIRED_MATCH_PATTERNS } from '@/lib/facts/surfaces';
import { EXTENSION_DIRS } from './harness/paths';

const README = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
/** The permissions the README explains, from its "Permissions, and why" table. */
const documented = new Set([...README.matchAll(/^\| `([a-zA-Z]+)` \|/gm)].map((m) => m[1]));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Ways a script could talk to a server, or run code it was sent. None may appear in the build. */
const FORBIDDEN = ['fetch(', 'XMLHttpRequest', 'sendBeacon', 'WebSocket', 'EventSource', 'eval(', 'new Function', 'importScripts'];

for (const [browser, dir] of Object.entries(EXTENSION_DIRS)) {
  describe(`build audit [${browser}]`, () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

    it('asks only for permissions the README explains, and OpenAI hosts alone', () => {
      expect(manifest.permissions.length).toBeGreaterThan(0);
      for (const permission of manifest.permissions) expect(documented, `README explains ${permission}`).toContain(permission);
      expect([...manifest.host_permissions].sort()).toEqual([...REQUIRED_MATCH_PATTERNS].sort());
      for (const script of manifest.content_scripts) {
        for (const match of script.matches) expect(REQUIRED_MATCH_PATTERNS).toContain(match);
      }
      // Sora closed: its hosts are asked for only when the user turns them on, and its script is registered then.
      expect([...manifest.optional_host_permissions].sort()).toEqual([...OPTIONAL_MATCH_PATTERNS].sort());
      expect(OPTIONAL_MATCH_PATTERNS).toEqual(['https://sora.chatgpt.com/*', 'https://sora.com/*']);
      expect(manifest.content_scripts.flatMap((s: { js: string[] }) => s.js)).not.toContain('content-scripts/sora.js');
      expect(manifest.externally_connectable).toBeUndefined();
      expect(manifest.web_accessible_resources).toBeUndefined();
    });

    it('has a strict content security policy for its pages', () => {
      const csp: string = manifest.content_security_policy.extension_pages;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
    });

    it('contains no network calls, no eval and no remote scripts', () => {
      const files = filesUnder(dir);
      for (const file of files.filter((f) => f.endsWith('.js'))) {
        const code = readFileSync(file, 'utf8');
        for (const token of FORBIDDEN) expect(code.includes(token), `${token} in ${file}`).toBe(false);
      }
      for (const file of files.filter((f) => f.endsWith('.html'))) {
        expect(readFileSync(file, 'utf8')).not.toMatch(/<script[^>]+src="(https?:)?\/\//);
      }
    });

    it('carries the licenses of the packages it bundles, and says where the project lives', () => {
      const notices = readFileSync(join(dir, 'THIRD_PARTY_NOTICES.txt'), 'utf8');
      for (const [name, license] of [['dexie', 'Apache-2.0'], ['webextension-polyfill', 'MPL-2.0'], ['preact', 'MIT'], ['zod', 'MIT']]) {
        expect(notices, name).toMatch(new RegExp(`^${name} \\S+ \\(${license}\\)$`, 'm'));
      }
      expect(notices).toContain('Mozilla Public License Version 2.0');
      expect(manifest.homepage_url).toMatch(/^https:\/\//);
      if (browser === 'chromium') expect(Number(manifest.minimum_chrome_version)).toBeGreaterThanOrEqual(111);
    });

    if (browser === 'firefox') {
      it('declares that it collects no data', () => {
        expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
      });
    }
  });
}
