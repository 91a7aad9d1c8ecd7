/**
 * Nothing built and unreachable: every module of lib/ and components/ must be reached by the
 * imports of some entrypoint (entrypoints/ are what the build ships). A module that only tests
 * reach is dead code however well it is tested: that is how the follow-up drafts and the
 * calendar file once sat finished and unused. Exceptions are named here, each with its reason.
 *
 * Imports are read from the source text: static `import … from`, `export … from`, side-effect
 * `import '…'` and dynamic `import('…')`, relative or through the `@/` and `~/` aliases.
 * A type-only import (`import type`, `export type … from`) ships no code, so it reaches nothing:
 * a module reached only through types is reported unless all it holds is types.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Modules that are meant to be reached by no entrypoint, by path from the root, with why. */
const NOT_SHIPPED: Record<string, string> = {};

const CODE = /\.(tsx?|mjs|js)$/;
const files = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)])) : [];
const isCode = (file: string) => CODE.test(file) && !file.endsWith('.d.ts');

function resolveImport(from: string, spec: string): string | null {
  const bare = spec.replace(/\?.*$/, '');
  const base = /^[@~]\//.test(bare) ? join(ROOT, bare.slice(2)) : bare.startsWith('.') ? resolve(dirname(from), bare) : null;
  if (base === null) return null;
  for (const candidate of [base, ...['.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'].map((e) => base + e)]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The modules a file imports, value imports and type-only imports apart. */
function importsOf(source: string): { values: string[]; types: string[] } {
  const values: string[] = [];
  const types: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm)) (m[2] ? types : values).push(m[3]!);
  for (const m of source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) values.push(m[1]!);
  for (const m of source.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) values.push(m[1]!);
  return { values, types };
}

/** Holds nothing that runs: only interfaces, types and type-only imports and exports. */
const typesOnly = (source: string) => !/^\s*export\s+(?:default\b|(?:async\s+)?(?:const|let|var|function|class|enum)\b|\{|\*)/m.test(source);

function unreachedModules(root = ROOT): { unreached: string[]; reached: number; total: number } {
  const read = (file: string) => readFileSync(file, 'utf8');
  const reached = new Set<string>();
  const typed = new Set<string>();
  const queue = files(join(root, 'entrypoints')).filter(isCode);
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (reached.has(file)) continue;
    reached.add(file);
    const { values, types } = importsOf(read(file));
    for (const spec of values) {
      const target = resolveImport(file, spec);
      if (target && isCode(target) && !reached.has(target)) queue.push(target);
    }
    for (const spec of types) {
      const target = resolveImport(file, spec);
      if (target) typed.add(target);
    }
  }
  const candidates = [...files(join(root, 'lib')), ...files(join(root, 'components'))].filter(isCode);
  const unreached = candidates
    .filter((file) => !reached.has(file) && !(typed.has(file) && typesOnly(read(file))))
    .map((file) => relative(root, file))
    .sort();
  return { unreached, reached: candidates.length - unreached.length, total: candidates.length };
}

describe('reachability', () => {
  const { unreached, reached, total } = unreachedModules();

  it('every module of lib/ and components/ is reached from an entrypoint, but for the named exceptions', () => {
    expect(unreached.filter((file) => !(file in NOT_SHIPPED))).toEqual([]);
    expect(reached).toBeGreaterThan(50);
    expect(reached + unreached.length).toBe(total);
  });

  it('each exception still exists and is still unreached (a stale exception would hide the next one)', () => {
    for (const file of Object.keys(NOT_SHIPPED)) {
      expect(existsSync(join(ROOT, file)), file).toBe(true);
      expect(unreached, file).toContain(file);
    }
  });

  it('reads every kind of import, and tells a type-only import from a value import', () => {
    const { values, types } = importsOf(
      [
        "import { a } from './a';",
        "import type { B } from '@/lib/b';",
        "export { c } from '../c';",
        "export type { D } from './d';",
        "import './e.css';",
        "const f = await import('@/lib/f');",
        'import {\n  g,\n  type G,\n} from "./g";',
      ].join('\n'),
    );
    expect(values.sort()).toEqual(['../c', './a', './e.css', './g', '@/lib/f']);
    expect(types.sort()).toEqual(['./d', '@/lib/b']);
    expect(typesOnly('import type { X } from "./x";\nexport interface Y { x: X }\nexport type Z = Y;')).toBe(true);
    expect(typesOnly('export interface Y {}\nexport const y = 1;')).toBe(false);
  });
});
