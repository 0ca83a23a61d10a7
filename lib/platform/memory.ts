import type { KeyValueStore } from './types';

/** A store that lives as long as the page: for tests and for private browsing fallbacks. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const values = new Map<string, unknown>(Object.entries(structuredClone(initial)));
  return {
    get: async <T>(key: string) => structuredClone(values.get(key)) as T | undefined,
    set: async (key, value) => {
      values.set(key, structuredClone(value));
    },
    remove: async (key) => {
      values.delete(key);
    },
    keys: async () => [...values.keys()],
  };
}
