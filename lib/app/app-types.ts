import type * as Y from 'yjs';
import type { Locale } from '../locale';
import type { StoredDoc } from '../room/persistence';
import type { ConnectTransport } from '../room/transport';
import type { SessionError } from '../session';
import type { Template } from '../templates/types';
import type { SessionModel } from './session-model';
import type { SessionEntry } from './sessions-store';

/** How sessions reach other peers and this device's disk; swapped for tests. */
export interface RoomServices {
  readonly connect: ConnectTransport;
  readonly persist: (doc: Y.Doc, roomName: string) => StoredDoc;
  readonly deleteStored: (roomName: string) => Promise<void>;
}

export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'new' }
  /** `fromLink`: the code came from an opened invite link; Join checks it at once. */
  | { readonly name: 'join'; readonly code?: string; readonly fromLink?: boolean }
  | { readonly name: 'session' }
  | { readonly name: 'settings' };

/** The session on screen: what this device stores of it, and its live view-model. */
export interface CurrentSession {
  entry: SessionEntry;
  model: SessionModel;
}

export type Busy = null | 'starting' | 'joining' | 'opening';

/** A short message for everyone who can see or hear the screen. */
export type Toast =
  | { readonly kind: 'session-deleted'; readonly title: string }
  | { readonly kind: 'settings-saved' }
  | { readonly kind: 'copied'; readonly what: CopiedWhat }
  | { readonly kind: 'copy-failed' }
  | { readonly kind: 'downloaded'; readonly file: string }
  | { readonly kind: 'storage-failed'; readonly detail: string }
  | { readonly kind: 'session-error'; readonly error: SessionError };

export type CopiedWhat = 'code' | 'link' | 'harvest';

export interface StartInput {
  readonly template: Template;
  readonly title: string;
  readonly locale: Locale;
  readonly passphrase: string;
}

export interface JoinInput {
  readonly code: string;
  readonly name: string;
  readonly passphrase: string;
}

/** What differs between the places Kring runs, beyond the platform. */
export interface AppOptions {
  /** The first choice on the home screen: 'join' on the participants' web page. */
  readonly home?: 'new' | 'join';
  /** The default signaling server when not the build-time one (the web page: its own server). */
  readonly signalingUrl?: string;
}
