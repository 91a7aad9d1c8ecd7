/**
 * One door for writes (issue 18): no extension page writes to the ledger itself. Every module a
 * page is built from (components/, entrypoints/ but the background) is read as source: none may
 * import a function that writes the ledger or the pending queue, open a read-write transaction,
 * or call a table's write methods. Their writes are requests to the background
 * (lib/ledger/ui-writes.ts → lib/background/ui-requests.ts), where they are parsed and checked.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * What writes, by the module that exports it (its path from the root, so that a move rewrites it
 * with every other mention of the file): only the background may import these.
 */
const WRITERS: Record<string, readonly string[]> = {
  'lib/ledger/ledger': ['record', 'recordEvent', 'appendAll', 'appendChecked', 'editManual', 'removeEntry', 'eraseEverything'],
  'lib/report/import': ['importReport'],
  'lib/ledger/pending-queue': ['recordOrQueue', 'enqueuePending', 'flushPending', 'erasePending'],
};

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
const pageModules = [...files(join(ROOT, 'components')), ...files(join(ROOT, 'entrypoints'))]
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('entrypoints/background.ts'))
  .map((f) => ({ path: relative(ROOT, f), source: readFileSync(f, 'utf8') }));

/** An import specifier as a path from the root: `@/lib/x`, `../../lib/x` and `./lib/x` are all lib/x. */
const fromRoot = (spec: string) => spec.replace(/^(@\/|(\.\.?\/)+)/, '');

/** The write functions a source imports, as `module: name`. */
function writersImported(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/import\s+(?!type\s)\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g)) {
    const module = Object.keys(WRITERS).find((k) => fromRoot(m[2]!) === k);
    if (!module) continue;
    const names = m[1]!.split(',').map((n) => n.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!);
    for (const name of names) if (WRITERS[module]!.includes(name)) found.push(`${module}: ${name}`);
  }
  // A namespace or dynamic import would take every writer at once.
  for (const m of source.matchAll(/(?:import\s+\*\s+as\s+\w+\s+from|import\()\s*['"]([^'"]+)['"]/g)) {
    const module = Object.keys(WRITERS).find((k) => fromRoot(m[1]!) === k);
    if (module) found.push(`${module}: *`);
  }
  return found;
}

/** Direct writes: a read-write transaction, or a table's write method. */
function directWrites(source: string): string[] {
  return [...source.matchAll(/\.transaction\(\s*['"]rw|\.(?:events|references|summary|summaryParts|summaryMembers|newest|chain|tables?)\b[^;\n]*?\.(?:put|add|bulkPut|bulkAdd|bulkDelete|delete|clear|update|modify)\(|\.delete\(\s*\)/g)].map((m) => m[0]);
}

describe('one door for writes', () => {
  it('finds the pages it checks: the dashboard, the popup, the report page and the content scripts', () => {
    const paths = pageModules.map((m) => m.path);
    for (const p of ['entrypoints/options/main.tsx', 'entrypoints/popup/main.tsx', 'components/dashboard/EntryDetails.tsx', 'components/dashboard/ReportPanel.tsx', 'entrypoints/sora.content.ts']) expect(paths).toContain(p);
    expect(paths).not.toContain('entrypoints/background.ts');
  });

  it('recognises a write import and a direct write when it sees one', () => {
    expect(writersImported("import { historyOf, record as write } from '@/lib/ledger/ledger';")).toEqual(['lib/ledger/ledger: record']);
    expect(writersImported("import { importReport } from '../../../lib/report/import';")).toEqual(['lib/report/import: importReport']);
    expect(writersImported("import type { LedgerDb } from '@/lib/ledger/ledger';")).toEqual([]);
    expect(writersImported("const l = await import('@/lib/ledger/ledger');")).toEqual(['lib/ledger/ledger: *']);
    expect(directWrites("await db.transaction('rw', db.events, f)")).toHaveLength(1);
    expect(directWrites('await ctx.db.events.bulkPut(list)')).toHaveLength(1);
    expect(directWrites('await db.delete()')).toHaveLength(1);
    expect(directWrites('await db.events.where(":id").toArray()')).toEqual([]);
  });

  it('no page imports a write function or writes a table itself: every write is a request to the background', () => {
    const offences = pageModules.flatMap((m) => [...writersImported(m.source), ...directWrites(m.source)].map((w) => `${m.path}: ${w}`));
    expect(offences).toEqual([]);
  });
});
