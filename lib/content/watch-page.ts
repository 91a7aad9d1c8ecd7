/**
 * What every content script does: tell the background this tab is watched.
 * The detection rules for each surface plug in here (lib/rules).
 */
import type { SurfaceId } from '../surfaces';
import type { ContentMessage, ContentReply } from '../messages';

export type Send = (message: ContentMessage) => Promise<ContentReply | undefined>;

export function watchPage(surface: SurfaceId, send: Send): void {
  void send({ type: 'page-visit', surface }).catch(() => {
    // The background may be restarting; the next page load announces itself again.
  });
}
