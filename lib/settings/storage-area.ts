/**
 * The part of a browser.storage area (local or session) our modules use: narrow, so that a test
 * can hand them a Map-backed area. What an area holds is untrusted (content scripts can write
 * storage.local), so every reader parses what it gets.
 */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** An area something is also taken out of (a tab's status when the tab closes). */
export interface StorageAreaWithRemove extends StorageArea {
  remove(key: string): Promise<void>;
}
