/**
 * Site access the user withdrew. Chrome lets the user set an extension's site access to "on click"
 * or take a site away; Firefox (MV3) makes every host permission revocable in its add-on manager.
 * The OpenAI pages there are then not watched: the popup says why and asks for access again
 * (`permissions.request`, which both browsers allow only from a click).
 *
 * Folder lib/site-access/: which OpenAI sites the extension may watch: install-time host access the
 * user withdrew, and Sora's hosts, asked for only when the user turns them on.
 */
import { matchPatterns, REQUIRED_MATCH_PATTERNS, type SurfaceId } from '../facts/surfaces';

export interface HostPermissions {
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

/** The install-time host patterns the extension holds no longer, each checked on its own. */
export async function withdrawnOrigins(permissions: HostPermissions): Promise<string[]> {
  const held = await Promise.all(REQUIRED_MATCH_PATTERNS.map((origin) => permissions.contains({ origins: [origin] })));
  return REQUIRED_MATCH_PATTERNS.filter((_, i) => !held[i]);
}

/** The host a match pattern names ("https://chatgpt.com/*" → "chatgpt.com"), for the user to read. */
export const hostOfPattern = (pattern: string) => new URL(pattern.replace(/\*$/, '')).hostname;

/**
 * Whether the access to a surface's site was withdrawn: what the tab's status says about it then
 * dates from before (the page was watched on an earlier load, no script runs there now).
 */
export const surfaceWithdrawn = (surface: SurfaceId, withdrawn: string[]) => matchPatterns(surface).some((p) => withdrawn.includes(p));
