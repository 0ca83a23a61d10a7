import { domParts } from './dom';
import { type KeyValueStore, KRING_KEY_PREFIX, type Platform } from './types';

/**
 * `localStorage` as Kring's key-value store on a web page. What Kring keeps here is small
 * (settings, the list of sessions, which items are mine: a few KB), and localStorage is the one
 * storage every phone browser has; the session documents themselves live in IndexedDB
 * (lib/room/persistence.ts). Values are stored as JSON.
 *
 * Browsers can refuse: storage switched off (cookies blocked: reading `localStorage` throws a
 * SecurityError), or full (QuotaExceededError, also Safari's old private mode). Writes then
 * reject with an Error that says so, which the app model shows as a toast; reads answer
 * "nothing stored", which is true, so the app still starts and works for this visit.
 */
export function webStore(storage: () => Storage = () => globalThis.localStorage): KeyValueStore {
  return {
    async get<T>(key: string) {
      let text: string | null;
      try {
        text = storage().getItem(key);
      } catch {
        return undefined;
      }
      if (text === null) return undefined;
      try {
        return JSON.parse(text) as T;
      } catch {
        // Not ours, or cut off: treat it as absent rather than break the app at start.
        return undefined;
      }
    },
    async set(key, value) {
      const text = JSON.stringify(value);
      try {
        storage().setItem(key, text);
      } catch (error) {
        throw storageError(error);
      }
    },
    async remove(key) {
      try {
        storage().removeItem(key);
      } catch (error) {
        throw storageError(error);
      }
    },
    async keys() {
      // Only Kring's: the page's origin may keep other things in localStorage too.
      let all: Storage;
      try {
        all = storage();
      } catch {
        return [];
      }
      const keys: string[] = [];
      for (let index = 0; index < all.length; index++) {
        const key = all.key(index);
        if (key?.startsWith(KRING_KEY_PREFIX)) keys.push(key);
      }
      return keys;
    },
  };
}

/** A message a person can act on, instead of the browser's own (often cryptic) one. */
function storageError(error: unknown): Error {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
    return new Error('this browser’s storage for this page is full', { cause: error });
  }
  return new Error('this browser does not allow this page to store data', { cause: error });
}

export const webPlatform: Platform = { ...domParts, store: webStore() };

/**
 * Why this page cannot run Kring, if it cannot. Room keys come from WebCrypto, which browsers
 * give only to secure contexts: `https://`, or `http://localhost` on the computer itself. On
 * plain `http://` from another host `crypto.subtle` is missing and joining would fail deep
 * inside the key derivation, so the page says so up front (components/SecureContextNotice.tsx).
 */
export type PageProblem = 'insecure-context' | 'no-webcrypto';

export function pageProblem(page: {
  readonly isSecureContext?: boolean;
  readonly crypto?: { readonly subtle?: unknown };
}): PageProblem | null {
  if (page.isSecureContext === false) return 'insecure-context';
  if (!page.crypto?.subtle) return 'no-webcrypto';
  return null;
}

/**
 * The web page's default signaling server: the one set at build time, else the server that
 * served the page (`npm run signaling` serves both): `https:` → `wss:`, `http:` → `ws:`, same
 * host and folder, so a server behind a proxy under a path prefix is found there too.
 */
export function pageSignalingUrl(buildTime: string, pageUrl: string): string {
  if (buildTime !== '') return buildTime;
  const url = new URL('.', pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = '';
  url.hash = '';
  return url.href;
}
