/**
 * The dashboard's deep links, from the URL fragment: `#welcome` (first install), `#entry=<id>`
 * (a reminder's click), `#<section id>`. Parts are joined with '&'. Other `name=value` parts are
 * kept in `params` for the sections (a reminder adds `draft=follow-up`); bare unknown words are
 * ignored, so a marker added by a test harness (`#welcome&ll-x1`) changes nothing.
 */
export interface DeepLink {
  welcome: boolean;
  entry: string | null;
  section: string | null;
  params: Record<string, string>;
}

export function parseDeepLink(hash: string, sectionIds: readonly string[]): DeepLink {
  const link: DeepLink = { welcome: false, entry: null, section: null, params: {} };
  for (const part of hash.replace(/^#/, '').split('&')) {
    const [name, value] = part.split('=', 2) as [string, string | undefined];
    if (name === 'welcome' && value === undefined) link.welcome = true;
    else if (name === 'entry' && value && /^[A-Za-z0-9_-]{8,64}$/.test(value)) link.entry = value;
    else if (value === undefined && sectionIds.includes(name)) link.section ??= name;
    else if (value !== undefined && name !== 'entry') link.params[name] = value;
  }
  return link;
}

/**
 * The link to an entry with its draft open: what a reminder's "Draft a follow-up" opens
 * (lib/reminders/notification.ts `entryPath`), and the popup's and the deadlines table's buttons.
 */
export const draftHash = (entry: string) => `entry=${encodeURIComponent(entry)}&draft=follow-up`;

/** Whether the link asks for the draft of this entry. */
export const wantsDraft = (link: DeepLink, entry: string) => link.entry === entry && link.params.draft === 'follow-up';
