import type { Locale } from '../locale';

/**
 * The kinds of contribution a phase can collect. Actions also carry an owner and a due date.
 * Order matters: it is the order in which kinds appear inside a phase (snapshot and export).
 */
export const ITEM_KINDS = ['question', 'insight', 'action'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export function isItemKind(value: unknown): value is ItemKind {
  return typeof value === 'string' && (ITEM_KINDS as readonly string[]).includes(value);
}

export type SessionStatus = 'running' | 'ended';

/** A phase as the session holds it: copied from the template in the session's language. */
export interface PhaseSnapshot {
  readonly id: string;
  readonly title: string;
  readonly prompt: string;
  /** Which kinds of contribution this phase asks for, in ITEM_KINDS order. */
  readonly kinds: readonly ItemKind[];
  /** Suggested duration in minutes. */
  readonly minutes: number;
  /** Facilitator notes; shown to the facilitator, not exported. */
  readonly notes: string;
}

export interface ItemSnapshot {
  readonly id: string;
  readonly kind: ItemKind;
  /** The phase the item belongs to. May name a phase that was since removed (see `orphan`). */
  readonly phaseId: string;
  readonly text: string;
  /** ISO 8601 time the item was made, by the clock of the device that made it. */
  readonly createdAt: string;
  /** Actions only: who takes it on (free text); '' when nobody is named yet. */
  readonly owner: string;
  /** Actions only: due date as YYYY-MM-DD; '' when none is set. */
  readonly due: string;
}

/** The shared countdown of a phase; see lib/session/timer.ts. */
export interface PhaseTimer {
  readonly phaseId: string;
  /** What the timer was set to, in milliseconds. */
  readonly durationMs: number;
  /** Milliseconds left when it was (re)started or paused. */
  readonly remainingMs: number;
  /** ISO time it was (re)started; null while paused. */
  readonly startedAt: string | null;
}

/**
 * A plain, JSON-serialisable view of a session document: the one input of rendering, export and
 * tests. Derived deterministically, so every peer with the same document gets an equal snapshot.
 */
export interface SessionSnapshot {
  readonly schemaVersion: number;
  readonly title: string;
  readonly template: { readonly id: string; readonly version: number; readonly name: string };
  /** The language the session's content (phases, export headings) is written in. */
  readonly locale: Locale;
  readonly createdAt: string;
  readonly status: SessionStatus;
  /** ISO 8601 time the session ended, or null while it runs. */
  readonly endedAt: string | null;
  readonly currentPhaseId: string;
  /** The phase timer, or null when none is set. */
  readonly timer: PhaseTimer | null;
  /** In the facilitator's order. */
  readonly phases: readonly PhaseSnapshot[];
  /**
   * Every item, ordered by phase (in phase order; items of a removed phase last), then kind
   * (ITEM_KINDS order), then creation time, then id: the same order on every peer.
   */
  readonly items: readonly ItemSnapshot[];
}

/** Why the core refused an operation or a document. The UI translates each code. */
export type SessionError =
  | { readonly code: 'not-a-session' }
  | { readonly code: 'newer-schema'; readonly found: number; readonly supported: number }
  | { readonly code: 'already-a-session' }
  | { readonly code: 'session-ended' }
  | { readonly code: 'text-empty'; readonly field: TextField }
  | {
      readonly code: 'text-too-long';
      readonly field: TextField;
      readonly length: number;
      readonly limit: number;
    }
  | { readonly code: 'too-many-items'; readonly limit: number }
  | { readonly code: 'too-many-phases'; readonly limit: number }
  | { readonly code: 'item-not-found'; readonly itemId: string }
  | { readonly code: 'phase-not-found'; readonly phaseId: string }
  | { readonly code: 'kind-not-in-phase'; readonly kind: ItemKind; readonly phaseId: string }
  | { readonly code: 'not-an-action'; readonly itemId: string }
  | { readonly code: 'invalid-date'; readonly value: string }
  | { readonly code: 'invalid-minutes'; readonly value: number }
  | { readonly code: 'last-phase' }
  | { readonly code: 'phase-has-items'; readonly phaseId: string; readonly count: number };

export type TextField = 'item' | 'title' | 'owner' | 'phase-title' | 'phase-prompt' | 'phase-notes';
