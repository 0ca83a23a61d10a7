/**
 * What Kring needs from where it runs. The side panel provides one (a participant web page will
 * too), so components and the view-model never touch `browser.*`, `localStorage` or the clipboard.
 */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

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
}

export interface ShareData {
  readonly title: string;
  readonly text: string;
  readonly url: string;
}
