/**
 * The context menu's "Log a copy of my likeness here" (on a page, a link, a video, an image): a
 * click opens the dashboard's "Copies elsewhere" form prefilled with the address. Nothing is read
 * from the page: the address is what the browser hands the click handler, and only the
 * `contextMenus` permission is needed (no host access, no content script on those sites).
 *
 * The address is untrusted (a page chooses its links): it goes through `sightingAddress` here and
 * again in the dashboard (components/dashboard/copy-link.ts), and is only ever a prefill the user saves.
 */
import { sightingAddress } from '../copies/address';
import { addCopyHash } from '../copies/link';

export const COPY_MENU_ID = 'log-copy-of-my-likeness';
export const COPY_MENU_CONTEXTS = ['page', 'link', 'video', 'image'] as const;

/** The fields of the browser's OnClickData this reads. */
export interface MenuClick {
  menuItemId: string | number;
  pageUrl?: string;
  frameUrl?: string;
  linkUrl?: string;
  mediaType?: string;
}

/**
 * The address to log for a click: the link's, for a link; for a video or an image, its frame's
 * (an embedded player names the video) or else the page's: the platforms' forms ask for the post,
 * and a media source is a blob: or a signed CDN address that names no post. Null when none is http(s).
 */
export function copyAddressOf(click: MenuClick): string | null {
  const candidates = click.linkUrl ? [click.linkUrl, click.pageUrl] : click.mediaType ? [click.frameUrl, click.pageUrl] : [click.pageUrl];
  for (const raw of candidates) {
    const checked = raw ? sightingAddress(raw) : null;
    if (checked?.ok) return checked.address;
  }
  return null;
}

/** The dashboard path a click opens: the add form, with the address when there is one to offer. */
export function copyMenuPath(click: MenuClick): string {
  return `/options.html#${addCopyHash(copyAddressOf(click) ?? undefined)}`;
}

interface MenusApi {
  removeAll(): Promise<void>;
  create(item: { id: string; title: string; contexts: string[] }): unknown;
  onClicked: { addListener(fn: (info: MenuClick) => void): void };
}

/**
 * Creates the menu item (again: Firefox forgets it when its event page ends,
 * https://bugzilla.mozilla.org/show_bug.cgi?id=1771328) and handles its click.
 */
export function startCopyMenu(menus: MenusApi, deps: { title: () => string; open: (path: string) => Promise<unknown> }) {
  const create = () => menus.removeAll().then(() => void menus.create({ id: COPY_MENU_ID, title: deps.title(), contexts: [...COPY_MENU_CONTEXTS] }));
  menus.onClicked.addListener((info) => {
    if (info.menuItemId === COPY_MENU_ID) void deps.open(copyMenuPath(info));
  });
  return { create };
}
