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
  async keys() {
    // The extension's own storage: everything in it is Kring's. `get(null)` reads all values,
    // a few KB (getKeys() is newer than Firefox 128 and Chrome 130).
    return Object.keys(await browser.storage.local.get(null));
  },
};

export const extensionPlatform: Platform = { ...domParts, store: extensionStore };
