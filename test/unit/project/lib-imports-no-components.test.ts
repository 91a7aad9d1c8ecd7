/**
 * The direction of the layout (issue 21): lib/ is logic and facts, components/ is what a person
 * sees, and the UI depends on lib/, never the other way. Every module under lib/ is read as
 * source; none may import (statically, dynamically or for a side effect) anything under components/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));

/** Where a specifier points, relative to the root ("components/theme.css"), or null for a package. */
function target(file: string, specifier: string): string | null {
  const path = specifier.split('?')[0]!;
  if (/^(@|~|@@|~~)\//.test(path)) return path.replace(/^[^/]+\//, '');
  if (path.startsWith('.')) return relative(ROOT, resolve(dirname(file), path));
  return null;
}

/** The modules a source imports: `import … from 'x'`, `import 'x'`, `export … from 'x'`, `import('x')`. */
function importsOf(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((m) => m[1]!);
}

describe('lib/ does not depend on components/', () => {
  const libModules = files(join(ROOT, 'lib')).filter((f) => /\.(ts|tsx|js|mjs)$/.test(f));

  it('finds the imports it checks (a theme import from lib/ is seen as one)', () => {
    const file = join(ROOT, 'lib/warning/example.ts');
    const specifiers = importsOf("import theme from '../../components/theme.css?inline';\nimport('@/components/in-page/ask');");
    expect(specifiers.map((s) => target(file, s))).toEqual(['components/theme.css', 'components/in-page/ask']);
    expect(libModules.length).toBeGreaterThan(50);
  });

  it('no module of lib/ imports from components/', () => {
    const offenders = libModules.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((s) => target(file, s)?.startsWith('components/'))
        .map((s) => `${relative(ROOT, file)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });
});
