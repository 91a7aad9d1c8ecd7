/**
 * The OpenAI pages Likeness Ledger watches, as data.
 * Facts and their confidence: ../shared/docs/openai-surfaces.md ("Hosts and pages").
 * Everything that needs a host name (manifest matches, host permissions, the content
 * scripts, the webRequest filter, the sender check) reads it from here.
 *
 * The API platform (platform.openai.com) is not watched: it has no account or organization
 * deletion [S, community.openai.com threads; help 6378407 lists only the portal and ChatGPT], so
 * nothing there could fire and its host permission had no use. Deleting ChatGPT still ends API
 * access: the 'api-platform' service stays in the linked deletions (lib/facts/policies.ts).
 */
export const SURFACES = {
  sora: {
    label: 'Sora',
    hosts: ['sora.chatgpt.com', 'sora.com'],
    service: 'sora',
    // Sora's web app closed on 2026-04-26 [S, many agree]: asking every new user for its hosts
    // would be a permission with no use. Its rules stay (the site may return, its history matters);
    // its hosts are asked for only when the user turns on "Watch Sora's pages" (lib/site-access/sora-access.ts).
    optional: true,
  },
  chatgpt: {
    label: 'ChatGPT',
    hosts: ['chatgpt.com'],
    service: 'chatgpt',
  },
  privacy: {
    label: 'OpenAI Privacy Portal',
    hosts: ['privacy.openai.com'],
    // Requests made in the portal act on the ChatGPT account (help article 6378407).
    service: 'chatgpt',
  },
} as const satisfies Record<string, { label: string; hosts: readonly string[]; service: string; optional?: true }>;

export type SurfaceId = keyof typeof SURFACES;
export const SURFACE_IDS = Object.keys(SURFACES) as SurfaceId[];

/** Match patterns for one surface: exactly its hosts, every path, HTTPS only. */
export function matchPatterns(surface: SurfaceId): string[] {
  return SURFACES[surface].hosts.map((host) => `https://${host}/*`);
}

export const ALL_MATCH_PATTERNS: string[] = SURFACE_IDS.flatMap(matchPatterns);

/** Whether a surface's hosts are asked for only when the user wants them watched. */
export const isOptional = (surface: SurfaceId): boolean => 'optional' in SURFACES[surface] && SURFACES[surface].optional === true;
/** The host permissions asked for at install, and those asked for later (manifest `optional_host_permissions`). */
export const REQUIRED_MATCH_PATTERNS: string[] = SURFACE_IDS.filter((s) => !isOptional(s)).flatMap(matchPatterns);
export const OPTIONAL_MATCH_PATTERNS: string[] = SURFACE_IDS.filter(isOptional).flatMap(matchPatterns);

/** Which surface a URL belongs to, or null for any other page. */
export function surfaceOfUrl(url: string): SurfaceId | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  for (const id of SURFACE_IDS) {
    if ((SURFACES[id].hosts as readonly string[]).includes(parsed.hostname)) return id;
  }
  return null;
}
