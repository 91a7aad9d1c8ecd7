/**
 * The meta-test of every rule table of every surface (lib/rules/<surface>.ts): each page rule,
 * network rule, destructive step and route anchor has fixtures that fire it and near misses it must
 * stay quiet on (test/fixtures/rules/<surface>.ts, run by test/unit/rules/<surface>.test.ts), no
 * fixture names an entry that does not exist or belongs to another surface, ids are unique, and
 * every entry says what it rests on. Then every fixture page of the test site is used by some
 * rule, and says which end-to-end test uses it.
 *
 * Table-driven: a new table is one row in TABLES; a new fixture page is one row in FIXTURE_PAGES.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_REPORTABLE_KINDS } from '@/lib/background/messages';
import { PAGE_RULES, RULES_BY_SURFACE } from '@/lib/rules/all';
import { DESTRUCTIVE_STEPS } from '@/lib/rules/destructive-steps';
import { NETWORK_RULES } from '@/lib/rules/network-rules';
import type { Basis } from '@/lib/rules/page-rules';
import { SURFACE_IDS, SURFACES, type SurfaceId } from '@/lib/facts/surfaces';
import { ENDPOINTS } from '../../fixtures/endpoints';
import { FIXTURES_BY_SURFACE } from '../../fixtures/rules/all';
import type { SurfaceFixtures } from '../../fixtures/rules/fixtures';

const ANCHORS = SURFACE_IDS.flatMap((surface) => (RULES_BY_SURFACE[surface].anchors ?? []).map((a) => ({ ...a, surface })));

interface Table {
  name: string;
  /** Every entry, with its surface. */
  entries: readonly { id: string; surface: SurfaceId; basis: Basis }[];
  /** Each entry's fixtures in its surface's module: whether some fire it and some near miss stays quiet. */
  fixtures: (f: SurfaceFixtures) => Readonly<Record<string, { fires: boolean; quiet: boolean }>>;
}

const both = <T>(table: Readonly<Record<string, T>>, fires: (t: T) => readonly unknown[], quiet: (t: T) => readonly unknown[]) =>
  Object.fromEntries(Object.entries(table).map(([id, t]) => [id, { fires: fires(t).length > 0, quiet: quiet(t).length > 0 }]));

const TABLES: Table[] = [
  { name: 'page rules', entries: PAGE_RULES, fixtures: (f) => both(f.page, (s) => s.fires, (s) => s.quiet) },
  { name: 'network rules', entries: NETWORK_RULES, fixtures: (f) => both(f.network, (s) => s.fires, (s) => s.quiet) },
  { name: 'destructive steps', entries: DESTRUCTIVE_STEPS, fixtures: (f) => both(f.steps, (s) => s.fires, (s) => s.quiet) },
  { name: 'route anchors', entries: ANCHORS, fixtures: (f) => both(f.anchors, (s) => [s.shows], (s) => [s.lacks]) },
];

describe.each(TABLES)('$name (meta-test)', ({ entries, fixtures }) => {
  it('every entry has fixtures that fire it and a near miss it stays quiet on, in its own surface\'s module', () => {
    const lacking = entries.filter((e) => !fixtures(FIXTURES_BY_SURFACE[e.surface])[e.id]?.fires || !fixtures(FIXTURES_BY_SURFACE[e.surface])[e.id]?.quiet);
    expect(lacking.map((e) => e.id)).toEqual([]);
  });

  it('has no fixtures for entries that do not exist on that surface, and ids are unique', () => {
    for (const surface of SURFACE_IDS) {
      const ids = entries.filter((e) => e.surface === surface).map((e) => e.id);
      expect(Object.keys(fixtures(FIXTURES_BY_SURFACE[surface])).filter((id) => !ids.includes(id)), surface).toEqual([]);
    }
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('every entry carries its basis: the fact it rests on and how sure that fact is', () => {
    const lacking = entries.filter((e) => !(e.basis?.fact.length > 10) || !['C', 'S', 'I'].includes(e.basis?.confidence));
    expect(lacking.map((e) => e.id)).toEqual([]);
  });
});

describe('page rules (meta-test)', () => {
  it('every rule that expects something on its page has a page that shows it', () => {
    expect(PAGE_RULES.filter((r) => r.expect && !FIXTURES_BY_SURFACE[r.surface].page[r.id]?.expected).map((r) => r.id)).toEqual([]);
  });

  it('every rule carries its basis: the fact it rests on and how sure that fact is', () => {
    const lacking = PAGE_RULES.filter((r) => !(r.basis?.fact.length >= 20) || !['C', 'S', 'I'].includes(r.basis?.confidence));
    expect(lacking.map((r) => r.id)).toEqual([]);
  });

  it('every page rule produces a kind a page may report', () => {
    expect(PAGE_RULES.filter((r) => !(PAGE_REPORTABLE_KINDS as readonly string[]).includes(r.kind)).map((r) => r.id)).toEqual([]);
  });

  it('each surface module holds only its own rules', () => {
    for (const [surface, group] of Object.entries(RULES_BY_SURFACE)) {
      expect(group.surface).toBe(surface);
      for (const rule of group.rules) expect(rule.surface).toBe(surface);
    }
  });
});

describe('network rules and the fixture site', () => {
  it('every network rule has an endpoint the fixture site answers, on a host of its surface', () => {
    // The rule's own filter with its wildcard filled in by an id of each shape the facts file records.
    const IDS = ['69666ca2c39081919af589edb0c796d9', 'ch_69666ca2a63c81918e80eaf4ddfe8815'];
    const served = (rule: (typeof NETWORK_RULES)[number]) =>
      IDS.map((id) => rule.filter.replace(/\*/g, id))
        .filter((path) => rule.path.test(path))
        .some((path) =>
          ENDPOINTS.some(
            (e) =>
              e.method === rule.method &&
              e.hosts.some((h) => (SURFACES[rule.surface].hosts as readonly string[]).includes(h)) &&
              (typeof e.path === 'string' ? e.path === path : e.path.test(path)),
          ),
        );
    expect(NETWORK_RULES.filter((r) => !served(r)).map((r) => r.id)).toEqual([]);
  });
});

// ---- The fixture site --------------------------------------------------------------------------

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');
const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Every page of the test site (test/fixtures/site/<host>/…, shared/…), the rules it is built for
 * — those it fires when used as a person would, or those it must keep quiet — and the end-to-end
 * test that uses it.
 */
const FIXTURE_PAGES: Record<string, { fires?: string[]; quiet?: string[]; test: string }> = {
  'site/sora.chatgpt.com/index.html': {
    fires: ['sora.cameo-created', 'sora.audience-changed', 'sora.access-granted', 'sora.access-revoked', 'sora.restrictions-changed', 'sora.cameo-deleted', 'sora.cameo-deleted.unclear', 'sora.appearance.draft', 'sora.appearance.post', 'sora.account-deleted'],
    test: 'test/e2e/watch-sora.e2e.ts',
  },
  'site/sora.com/index.html': {
    fires: ['sora.audience-changed', 'sora.restrictions-changed', 'sora.cameo-deleted', 'sora.cameo-created'],
    test: 'test/e2e/watch-sora.e2e.ts',
  },
  'shared/sora-app.js': { fires: ['sora.audience-changed'], test: 'test/e2e/watch-sora.e2e.ts' },
  'site/sora.chatgpt.com/drafts/burst.html': { fires: ['sora.appearance.draft'], test: 'test/e2e/faults.e2e.ts' },
  'site/sora.chatgpt.com/forged-handle.html': { fires: ['sora.cameo-deleted'], test: 'test/e2e/watch-sora.e2e.ts' },
  // ChatGPT has no page rules (what its pages show afterwards is undocumented): its network rules, anchors and deletion step.
  'site/chatgpt.com/index.html': {
    fires: ['chatgpt.net.account-deleted', 'chatgpt.net.export-requested', 'chatgpt.settings-dialog', 'chatgpt.profile-button', 'chatgpt.delete-account.confirm'],
    test: 'test/e2e/watchers.e2e.ts',
  },
  'site/chatgpt.com/forge.html': { quiet: ['chatgpt.net.account-deleted'], test: 'test/e2e/security.e2e.ts' },
  // The deletion warning over a page that traps focus and restyles it.
  'site/chatgpt.com/focus-trap.html': { fires: ['chatgpt.delete-account.confirm'], test: 'test/e2e/warning-dialog.e2e.ts' },
  'site/privacy.openai.com/index.html': { fires: ['privacy.account-deletion', 'privacy.data-request', 'privacy.request-form'], test: 'test/e2e/watchers.e2e.ts' },
  // A flood of confirmations: the background's budget bounds it.
  'site/privacy.openai.com/flood.html': { fires: ['privacy.data-request'], test: 'test/e2e/flood.e2e.ts' },
  'site/help.openai.com/index.html': { quiet: ['chatgpt.delete-account.confirm'], test: 'test/e2e/watchers.e2e.ts' },
  'site/help.openai.com/en/articles/6378407-how-to-delete-your-account.html': { quiet: ['chatgpt.delete-account.confirm'], test: 'test/e2e/watchers.e2e.ts' },
  'site/example.org/index.html': { quiet: ['sora.cameo-deleted'], test: 'test/e2e/watchers.e2e.ts' },
  'shared/workload.html': { quiet: ['sora.appearance.draft'], test: 'bench/page-overhead.ts' },
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the fixture site (meta-test)', () => {
  const pages = filesUnder(FIXTURES)
    .map((path) => relative(FIXTURES, path))
    .filter((path) => /^(site|shared)\//.test(path) && /\.(html|js)$/.test(path));

  it('every page is in the table, and every row is a page', () => {
    expect(pages.filter((page) => !FIXTURE_PAGES[page])).toEqual([]);
    expect(Object.keys(FIXTURE_PAGES).filter((page) => !pages.includes(page))).toEqual([]);
  });

  it('every page is used by some rule that exists, and by the test it names', () => {
    // Page rules, network rules, detector-health anchors and deletion steps: every table a page serves.
    const anchors = Object.values(RULES_BY_SURFACE).flatMap((s) => s.anchors ?? []);
    const ids = [...PAGE_RULES, ...NETWORK_RULES, ...anchors, ...DESTRUCTIVE_STEPS].map((r) => r.id);
    for (const [page, use] of Object.entries(FIXTURE_PAGES)) {
      const rules = [...(use.fires ?? []), ...(use.quiet ?? [])];
      expect(rules.length, page).toBeGreaterThan(0);
      expect(rules.filter((id) => !ids.includes(id)), page).toEqual([]);
      const host = page.split('/')[1]!.replace(/\.(html|js)$/, '');
      const test = readFileSync(resolve(ROOT, use.test), 'utf8');
      expect(test.includes(host) || test.includes(page.split('/').pop()!.replace(/\.html$/, '')), `${use.test} uses ${page}`).toBe(true);
    }
  });

  it("every Sora page rule is fired by a page of Sora's fixture site", () => {
    const fired = new Set(Object.values(FIXTURE_PAGES).flatMap((u) => u.fires ?? []));
    expect(SORA_RULE_IDS.filter((id) => !fired.has(id))).toEqual([]);
  });
});

const SORA_RULE_IDS = RULES_BY_SURFACE.sora.rules.map((r) => r.id);
