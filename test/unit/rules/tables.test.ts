/**
 * The meta-test of every rule table: each entry has samples that fire it and near misses it must
 * stay quiet on, no samples name an entry that does not exist, and ids are unique. Then every
 * fixture page of the test site is used by some rule, and says which end-to-end test uses it.
 *
 * Table-driven: a new table (network rules, destructive steps) is one row in TABLES; a new
 * fixture page is one row in FIXTURE_PAGES.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_REPORTABLE_KINDS } from '@/lib/messages';
import { PAGE_RULES, RULES_BY_SURFACE } from '@/lib/rules/all';
import { NETWORK_RULES } from '@/lib/rules/network-rules';
import { DESTRUCTIVE_STEPS } from '@/lib/rules/destructive-steps';
import { OPENAI_PAGE_SAMPLES } from '../../fixtures/rules/privacy';
import { SORA_PAGE_SAMPLES } from '../../fixtures/rules/sora';

interface Table {
  name: string;
  /** Every entry's id. */
  ids: readonly string[];
  /** Each entry's samples: some that fire it, some near misses it stays quiet on. */
  samples: Readonly<Record<string, { fires: readonly unknown[]; quiet: readonly unknown[] }>>;
}

const TABLES: Table[] = [{ name: 'page rules', ids: PAGE_RULES.map((r) => r.id), samples: { ...SORA_PAGE_SAMPLES, ...OPENAI_PAGE_SAMPLES } }];

describe.each(TABLES)('$name (meta-test)', ({ ids, samples }) => {
  it('every entry has samples that fire it and a near miss it stays quiet on', () => {
    expect(ids.filter((id) => !samples[id]?.fires.length || !samples[id]?.quiet.length)).toEqual([]);
  });

  it('has no samples for entries that do not exist, and ids are unique', () => {
    expect(Object.keys(samples).filter((id) => !ids.includes(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('page rules (meta-test)', () => {
  it('every rule that expects something on its page has a page that shows it', () => {
    const all = { ...SORA_PAGE_SAMPLES, ...OPENAI_PAGE_SAMPLES };
    expect(PAGE_RULES.filter((r) => r.expect && !all[r.id]?.expected).map((r) => r.id)).toEqual([]);
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
