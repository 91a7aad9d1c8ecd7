/**
 * Where a copy of the user's likeness was seen: the address as given, made safe to keep.
 *
 * - Only http(s): a `file:`, `data:` or `javascript:` address is no place on the web a platform
 *   can take something down from, and would be a way to smuggle a script into a link we show.
 * - The fragment is always dropped: it never names the video, and can carry tokens.
 * - The query is dropped too, except the parameters that are the video's identity on its platform
 *   (YouTube's `?v=`): without them the address names no video at all. Tracking parameters
 *   (`si`, `utm_*`, `t`) go, so one video seen twice is one address.
 * - The platform comes from the host (data below), else "other".
 *
 * Pure and free of schemas: the background's context-menu handler, the dashboard's form and the
 * ledger's schema all use it.
 */

export const PLATFORMS = ['youtube', 'tiktok', 'instagram', 'facebook', 'x', 'snapchat', 'threads', 'reddit', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];

interface PlatformRule {
  /** Hosts, matched as the host itself or any subdomain of it (m.youtube.com, www.tiktok.com). */
  hosts: readonly string[];
  /** Query parameters that are the content's identity, per path: kept; every other parameter goes. */
  identity?: readonly { path: RegExp; keep: readonly string[] }[];
  /**
   * Where another person's handle sits in the path (the uploader's), for pseudonymised exports:
   * the path segment index, and whether it must start with "@".
   */
  handleSegment?: { index: number; at: boolean; not?: readonly string[] };
}

/** The platforms we recognise, with the URL shapes they used as of 2026-12-01 (observed, [I]). */
export const PLATFORM_RULES: Record<Exclude<Platform, 'other'>, PlatformRule> = {
  youtube: {
    hosts: ['youtube.com', 'youtu.be', 'youtube-nocookie.com'],
    identity: [{ path: /^\/watch\/?$/, keep: ['v'] }],
    handleSegment: { index: 0, at: true },
  },
  tiktok: { hosts: ['tiktok.com'], handleSegment: { index: 0, at: true } },
  instagram: {
    hosts: ['instagram.com'],
    handleSegment: { index: 0, at: false, not: ['p', 'reel', 'reels', 'stories', 'explore', 'tv', 'accounts'] },
  },
  facebook: {
    hosts: ['facebook.com', 'fb.watch', 'fb.com'],
    identity: [
      { path: /^\/watch\/?$/, keep: ['v'] },
      { path: /^\/(?:permalink|story|photo)\.php$/, keep: ['story_fbid', 'fbid', 'id'] },
    ],
    handleSegment: { index: 0, at: false, not: ['watch', 'reel', 'photo.php', 'permalink.php', 'story.php', 'groups', 'share'] },
  },
  x: { hosts: ['x.com', 'twitter.com'], handleSegment: { index: 0, at: false, not: ['i', 'home', 'search', 'explore'] } },
  snapchat: { hosts: ['snapchat.com'], handleSegment: { index: 1, at: false } },
  threads: { hosts: ['threads.net', 'threads.com'], handleSegment: { index: 0, at: true } },
  reddit: { hosts: ['reddit.com', 'redd.it'] },
};

const MAX_LENGTH = 2048;

export type AddressProblem = 'not-an-address' | 'not-http' | 'too-long';

export type AddressResult = { ok: true; address: string; platform: Platform } | { ok: false; problem: AddressProblem };

export function platformOfHost(host: string): Platform {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const [platform, rule] of Object.entries(PLATFORM_RULES) as [Exclude<Platform, 'other'>, PlatformRule][]) {
    if (rule.hosts.some((known) => h === known || h.endsWith(`.${known}`))) return platform;
  }
  return 'other';
}

/** The address to keep, or why there is none. */
export function sightingAddress(raw: string): AddressResult {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, problem: 'not-an-address' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'not-http' };
  // Credentials in an address are someone's password: never kept.
  url.username = '';
  url.password = '';
  const platform = platformOfHost(url.hostname);
  const keep = platform === 'other' ? [] : (PLATFORM_RULES[platform].identity?.find((i) => i.path.test(url.pathname))?.keep ?? []);
  const kept = new URLSearchParams();
  for (const name of keep) {
    const value = url.searchParams.get(name);
    if (value !== null) kept.set(name, value);
  }
  const query = kept.toString();
  const address = `${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
  if (address.length > MAX_LENGTH) return { ok: false, problem: 'too-long' };
  return { ok: true, address, platform };
}

/** Whether an address is already in its kept form (the ledger's schema checks stored addresses with it). */
export const isKeptAddress = (address: string): boolean => {
  const r = sightingAddress(address);
  return r.ok && r.address === address;
};

/**
 * The address with the uploader's handle in its path replaced (`@alice` → `@person-3`), for a
 * pseudonymised export. `pseudonym` gets the handle as written and returns its replacement.
 */
export function addressWithHandleReplaced(address: string, pseudonym: (handle: string) => string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return address;
  }
  const platform = platformOfHost(url.hostname);
  const rule = platform === 'other' ? undefined : PLATFORM_RULES[platform].handleSegment;
  if (!rule) return address;
  const segments = url.pathname.split('/');
  // segments[0] is the empty string before the leading slash.
  const i = rule.index + 1;
  const segment = segments[i];
  if (!segment) return address;
  const decoded = safeDecode(segment);
  if (rule.at !== decoded.startsWith('@') || rule.not?.includes(decoded.toLowerCase())) return address;
  const handle = rule.at ? decoded.slice(1) : decoded;
  if (!handle) return address;
  segments[i] = `${rule.at ? '@' : ''}${encodeURIComponent(pseudonym(handle))}`;
  return `${url.origin}${segments.join('/')}${url.search}`;
}

/** The uploader's handle in an address, where the platform puts one in the path; null elsewhere. */
export function handleInAddress(address: string): string | null {
  let handle: string | null = null;
  addressWithHandleReplaced(address, (h) => (handle = h));
  return handle;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
