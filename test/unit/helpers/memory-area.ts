import type { StorageAreaWithRemove } from '@/lib/settings/storage-area';
// A browser.storage area in memory (session or local), as the background's handlers use it.

export function memoryArea(): StorageAreaWithRemove & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
    remove: async (key) => void delete data[key],
  };
}
