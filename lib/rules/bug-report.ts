/**
 * Detector health, for a bug report: what the user can copy when the popup says detection may be
 * out of date on a page. Redacted by construction: the surface, the path with everything that is
 * not a known route word replaced (ids, usernames), known rule ids and the extension's version.
 * Never a handle, never text from the page.
 */
import type { TabStatus } from '../background/tab-status';
import { SURFACES } from '../facts/surfaces';
import { PAGE_RULES, RULES_BY_SURFACE } from './all';

/** The words of the apps' own routes (openai-surfaces.md, "Hosts and pages"); any other path segment is replaced. */
const ROUTE_WORDS = new Set([
  'account',
  'api-keys',
  'cameo',
  'cameos',
  'character',
  'characters',
  'drafts',
  'explore',
  'general',
  'library',
  'new',
  'organization',
  'p',
  'profile',
  'settings',
  'usage',
]);
/** Rule and anchor ids: the only names from the extension a report repeats. */
const RULE_IDS = new Set([...PAGE_RULES, ...Object.values(RULES_BY_SURFACE).flatMap((s) => s.anchors ?? [])].map((r) => r.id));

/** "/profile/alice/characters/ch_123" → "/profile/:id/characters/:id" */
export function redactedPath(path: string): string {
  const words = path.split('/').filter(Boolean).map((s) => (ROUTE_WORDS.has(s.toLowerCase()) ? s.toLowerCase() : ':id'));
  return `/${words.join('/')}`;
}

const ruleList = (ids: readonly string[] | undefined) => ids?.filter((id) => RULE_IDS.has(id)).join(', ') || 'none';

export function describeForBugReport(status: TabStatus, extensionVersion: string): string {
  return [
    `Likeness Ledger ${extensionVersion}: detection may be out of date on this page.`,
    `Surface: ${status.surface} (${SURFACES[status.surface].label})`,
    `Page: ${redactedPath(status.path)}`,
    `Rules that found nothing: ${ruleList(status.misses)}`,
    `Rules watching this page: ${ruleList(status.watching)}`,
    `Events seen on this visit: ${status.seen.length}`,
    // A language subtag ("nl") says nothing about the person; the schema allows nothing longer.
    ...(status.unknownLanguage ? [`Page language without known texts: ${status.unknownLanguage}`] : []),
  ].join('\n');
}
