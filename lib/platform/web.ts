import { domParts } from './dom';
import type { KeyValueStore, Platform } from './types';

/** localStorage, for the participant web page (no extension APIs there). */
const webStore: KeyValueStore = {
  async get<T>(key: string) {
    const raw = localStorage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  },
  async set(key, value) {
    localStorage.setItem(key, JSON.stringify(value));
  },
  async remove(key) {
    localStorage.removeItem(key);
  },
};

export const webPlatform: Platform = { ...domParts, store: webStore };
