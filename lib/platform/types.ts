/**
 * What Kring needs from where it runs. The side panel provides one (a participant web page will
 * too), so components and the view-model never touch `browser.*`, `localStorage` or the clipboard.
 */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /**
   * The keys this store holds, for "Delete everything on this device". Where the store is
   * shared with others (a web page's localStorage), only Kring's own: those starting `kring.`.
   */
  keys(): Promise<string[]>;
}

/** Every key Kring keeps in a KeyValueStore starts with this (kring.settings, kring.sessions…). */
export const KRING_KEY_PREFIX = 'kring.';

export interface Platform {
  readonly store: KeyValueStore;
  copyText(text: string): Promise<void>;
  /** Offers `text` as a file download named `fileName`. */
  download(fileName: string, text: string, mimeType: string): void;
  /** The browser's preferred languages, most preferred first. */
  languages(): readonly string[];
  /**
   * The system's share sheet (Web Share API), only where the browser has one: phones, and some
   * desktops. Rejects with an `AbortError` when the person closes the sheet without sharing.
   */
  share?(data: ShareData): Promise<void>;
  /**
   * Opens a page of this app (`handout.html#…`, relative to the current page) in a new tab;
   * absent where there is none to open (tests pass a fake).
   */
  openPage?(url: string): void;
}

export interface ShareData {
  readonly title: string;
  readonly text: string;
  readonly url: string;
}
