import { browser } from 'wxt/browser';
import { domParts } from './dom';
import type { KeyValueStore, Platform } from './types';

/** `storage.local`: kept per extension profile, cleared when the extension is removed. */
const extensionStore: KeyValueStore = {
  async get<T>(key: string) {
    const values = await browser.storage.local.get(key);
    return values[key] as T | undefined;
  },
  async set(key, value) {
    await browser.storage.local.set({ [key]: value });
  },
  async remove(key) {
    await browser.storage.local.remove(key);
  },
};

export const extensionPlatform: Platform = { ...domParts, store: extensionStore };
