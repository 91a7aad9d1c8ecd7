/**
 * THIRD_PARTY_NOTICES.txt for the builds: the license of every package whose code a build
 * actually bundles, read from that package's own files in node_modules. Dexie (Apache-2.0) asks
 * for its license and NOTICE to travel with it, webextension-polyfill (MPL-2.0) for its license
 * and where its source is; the zips carry this file, so both hold wherever the zips go.
 *
 * Run from wxt.config.ts (the `build:done` hook), with the module ids of every chunk the build wrote.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const NOTICES_FILE = 'THIRD_PARTY_NOTICES.txt';

/**
 * The node_modules folders of the packages some module id lies in (the innermost, for nested
 * installs), once each and sorted, so the file is the same on every rebuild.
 */
export function bundledPackageDirs(moduleIds: Iterable<string>): string[] {
  const dirs = new Set<string>();
  for (const raw of moduleIds) {
    // Virtual modules (Vite's preload helper, commonjs shims) start with a NUL byte and are Vite's own output.
    if (raw.startsWith('\0')) continue;
    const id = raw.replaceAll('\\', '/').split('?')[0]!;
    const at = id.lastIndexOf('/node_modules/');
    if (at < 0) continue;
    const parts = id.slice(at + '/node_modules/'.length).split('/');
    const nameParts = parts[0]!.startsWith('@') ? 2 : 1;
    if (parts.length <= nameParts) continue;
    dirs.add(id.slice(0, at) + '/node_modules/' + parts.slice(0, nameParts).join('/'));
  }
  return [...dirs].sort();
}

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  /** Where its source is (MPL-2.0 asks that recipients be told). */
  repository?: string;
  /** The package's LICENSE/COPYING and NOTICE files, in that order. */
  texts: string[];
  /** From package.json, for a package that ships no license file. */
  author?: string;
}

const LICENSE_FILE = /^(licen[cs]e|copying)([.-].*)?$/i;
const NOTICE_FILE = /^notice([.-].*)?$/i;

function repositoryUrl(repository: unknown): string | undefined {
  const url = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string') return undefined;
  return url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^git:\/\//, 'https://');
}

export function readPackage(dir: string): BundledPackage {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  const files = readdirSync(dir).sort();
  const texts = [...files.filter((f) => LICENSE_FILE.test(f)), ...files.filter((f) => NOTICE_FILE.test(f))]
    .map((f) => readFileSync(join(dir, f), 'utf8').trim());
  const license = typeof pkg.license === 'string' ? pkg.license : ((pkg.license as { type?: string } | undefined)?.type ?? 'UNKNOWN');
  const author = typeof pkg.author === 'string' ? pkg.author : (pkg.author as { name?: string } | undefined)?.name;
  return { name: String(pkg.name), version: String(pkg.version), license, repository: repositoryUrl(pkg.repository), texts, author };
}

/** The MIT License's text, for MIT packages that ship no license file of their own (wxt does not). */
const MIT_TEXT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

/** A package without a license file is named with its license, never silently left out. */
function missingLicenseText(p: BundledPackage): string[] {
  const named = `The package ships no license file; its package.json names the license ${p.license}${p.author ? ` and the author ${p.author}` : ''}.`;
  return p.license === 'MIT' ? [named, `MIT License\n\nCopyright (c) ${p.author ?? `the authors of ${p.name}`}\n\n${MIT_TEXT}`] : [named];
}

const RULE = '='.repeat(72);

export function noticesText(packages: BundledPackage[]): string {
  const entries = packages.map((p) =>
    [
      RULE,
      `${p.name} ${p.version} (${p.license})`,
      ...(p.repository ? [`Source: ${p.repository}`] : []),
      '-'.repeat(72),
      ...(p.texts.length ? p.texts : missingLicenseText(p)),
    ].join('\n\n'),
  );
  return [
    'Likeness Ledger (MIT License, see LICENSE in its source) bundles code from the packages below.',
    'Each is listed with its version, license and source, followed by its license text and notices.',
    ...entries,
    '',
  ].join('\n\n');
}

/** The notices for a build; throws, naming the folder, where a bundled package has no package.json. */
export function noticesForModules(moduleIds: Iterable<string>): string {
  const dirs = bundledPackageDirs(moduleIds);
  for (const dir of dirs) if (!existsSync(join(dir, 'package.json'))) throw new Error(`No package.json in ${dir}: cannot name its license`);
  return noticesText(dirs.map(readPackage));
}
