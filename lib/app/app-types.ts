import type * as Y from 'yjs';
import type { Locale } from '../locale';
import type { StoredDoc } from '../room/persistence';
import type { ConnectTransport } from '../room/transport';
import type { ContinuesFrom, ItemSnapshot, SessionError } from '../session';
import type { Template } from '../templates/types';
import type { SessionModel } from './session-model';
import type { SessionEntry } from './sessions-store';

/** How sessions reach other peers and this device's disk; swapped for tests. */
export interface RoomServices {
  readonly connect: ConnectTransport;
  readonly persist: (doc: Y.Doc, roomName: string) => StoredDoc;
  readonly deleteStored: (roomName: string) => Promise<void>;
  /** The names of every stored document on this device (sessions and device states alike). */
  readonly listStored: () => Promise<string[]>;
}

export type Route =
  | { readonly name: 'home' }
  /** `templateId`, `locale`: chosen already (back from a template's guide). */
  | { readonly name: 'new'; readonly templateId?: string; readonly locale?: Locale }
  /** `fromLink`: the code came from an opened invite link; Join checks it at once. */
  | { readonly name: 'join'; readonly code?: string; readonly fromLink?: boolean }
  | { readonly name: 'session' }
  | { readonly name: 'settings' }
  /**
   * A template's facilitator guide, in `locale` (the session's language chosen so far; else the
   * interface's); `back`: the picker it was opened from, with that template chosen.
   */
  | {
      readonly name: 'guide';
      readonly templateId: string;
      readonly locale?: Locale;
      readonly back?: Route;
    }
  /** "Continue in a new session" from the session stored as `roomName`. */
  | { readonly name: 'continue'; readonly roomName: string }
  /**
   * The template editor: `id`, an own template to edit; `copyOf`, any template to start a new
   * one from; neither, a new one from scratch. `back`: the picker it was opened from.
   */
  | {
      readonly name: 'template';
      readonly id?: string;
      readonly copyOf?: string;
      readonly back?: Route;
    };

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
  | { readonly kind: 'session-error'; readonly error: SessionError }
  /** Own templates (lib/app/own-templates.ts); `name` in the interface's language. */
  | { readonly kind: 'template-saved'; readonly name: string }
  | { readonly kind: 'template-deleted'; readonly name: string }
  | { readonly kind: 'template-imported'; readonly name: string }
  | { readonly kind: 'template-exported'; readonly file: string }
  /** Stored own templates the validator refused: kept in the store, not shown. */
  | { readonly kind: 'own-templates-skipped'; readonly count: number }
  /** The stored own templates are not in a format this version reads. */
  | { readonly kind: 'own-templates-unreadable' };

export type CopiedWhat = 'code' | 'link' | 'harvest';

export interface StartInput {
  readonly template: Template;
  readonly title: string;
  readonly locale: Locale;
  readonly passphrase: string;
  /** The shared learning question; given, the session has a slot for one (even if ''). */
  readonly learningQuestion?: string;
  /** "Large group" (issue 10): every device connects through the relay from the start. */
  readonly largeGroup?: boolean;
  /** Continuing an earlier session: where from, and the open items the facilitator kept. */
  readonly continuation?: {
    readonly source: ContinuesFrom;
    readonly items: readonly ItemSnapshot[];
  };
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
