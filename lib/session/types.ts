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

/** Who acts on this device. Never stored in the shared document (no identities there). */
export type Role = 'facilitator' | 'participant';

/** Who may make, rename and fill themes in a phase; 'off' shows no theme controls. */
export const THEME_POLICIES = ['off', 'anyone', 'facilitator'] as const;
export type ThemePolicy = (typeof THEME_POLICIES)[number];

/** Dot voting in a phase: 'none' until the facilitator first opens it. */
export type VotingStatus = 'none' | 'open' | 'closed';

export interface VotingSnapshot {
  readonly status: VotingStatus;
  /** The kinds that can be voted on, in ITEM_KINDS order; a subset of the phase's kinds. */
  readonly kinds: readonly ItemKind[];
  /** Dots per device in this phase. */
  readonly budget: number;
  /** Most dots one device may put on one item; equal to `budget` when there is no maximum. */
  readonly maxPerItem: number;
  /** Whether totals are shown while voting is open (otherwise only after it closes). */
  readonly showLive: boolean;
}

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
  /** Write alone first: new contributions stay drafts on each device until the reveal. */
  readonly privateWriting: boolean;
  /**
   * The opening review phase (template `review`): where a continued session put what the
   * previous one left open (carry-over.ts). Since schema 2; false when absent.
   */
  readonly review: boolean;
  /** When the facilitator revealed the drafts (ISO time), or null. */
  readonly revealedAt: string | null;
  readonly themes: ThemePolicy;
  readonly voting: VotingSnapshot;
}

/** A group of insights within one phase. Its name is user text (escape it on export). */
export interface ThemeSnapshot {
  readonly id: string;
  readonly phaseId: string;
  readonly name: string;
  readonly createdAt: string;
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
  /** Insights only: the theme it is in (a theme of the same phase), or ''. */
  readonly themeId: string;
  /**
   * Dots on this item, counted with every device's budget and the per-item maximum applied
   * (lib/session/votes.ts), so every peer shows the same totals. 0 where nobody voted.
   */
  readonly votes: number;
  /** Questions: answered; actions: done. False for insights and where absent or malformed. */
  readonly done: boolean;
}

/** Where a continued session came from: the earlier session, as it was when continued. */
export interface ContinuesFrom {
  readonly title: string;
  /** ISO 8601 time the earlier session was made. */
  readonly createdAt: string;
  /** The earlier session's template name, in its own language. */
  readonly templateName: string;
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
  /** The lowest Kring schema that can read this document (`meta.schemaVersion`). */
  readonly schemaVersion: number;
  /**
   * Set when the document claims a newer schema than this Kring supports but this device could
   * read it before: it stays readable and exportable here, and every write is refused.
   */
  readonly readOnly: { readonly found: number; readonly supported: number } | null;
  readonly title: string;
  readonly template: { readonly id: string; readonly version: number; readonly name: string };
  /** The language the session's content (phases, export headings) is written in. */
  readonly locale: Locale;
  readonly createdAt: string;
  /**
   * The shared learning question (leervraag): null when the session has no slot for one,
   * '' while the slot is empty.
   */
  readonly learningQuestion: string | null;
  /** The earlier session this one continues, or null (also when the field is malformed). */
  readonly continuesFrom: ContinuesFrom | null;
  /**
   * The facilitator chose "Large group" (issue 10): devices connect through the end-to-end
   * encrypted relay rather than the mesh. False when absent or malformed.
   */
  readonly largeGroup: boolean;
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
  /** Every theme whose phase exists, ordered by phase, then creation time, then id. */
  readonly themes: readonly ThemeSnapshot[];
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
  | { readonly code: 'phase-has-items'; readonly phaseId: string; readonly count: number }
  /** The person's role may not do this (e.g. a participant stepping phases). */
  | { readonly code: 'not-allowed'; readonly action: Capability }
  | { readonly code: 'theme-not-found'; readonly themeId: string }
  | { readonly code: 'too-many-themes'; readonly limit: number }
  | { readonly code: 'not-an-insight'; readonly itemId: string }
  | { readonly code: 'voting-not-open'; readonly phaseId: string }
  | { readonly code: 'kind-not-voted'; readonly kind: ItemKind }
  | { readonly code: 'no-votes-left'; readonly budget: number }
  | { readonly code: 'item-vote-limit'; readonly limit: number }
  | { readonly code: 'no-vote-to-remove'; readonly itemId: string }
  | { readonly code: 'invalid-budget'; readonly value: number }
  | { readonly code: 'draft-not-found'; readonly draftId: string }
  | { readonly code: 'too-many-drafts'; readonly limit: number }
  | { readonly code: 'not-private'; readonly phaseId: string }
  /** Only questions (answered) and actions (done) can be marked done. */
  | { readonly code: 'cannot-be-done'; readonly itemId: string };

export type TextField =
  | 'item'
  | 'title'
  | 'owner'
  | 'phase-title'
  | 'phase-prompt'
  | 'phase-notes'
  | 'theme-name'
  | 'learning-question';

/**
 * Everything a person can do to a session; `capabilities()` (capabilities.ts) decides which
 * are open to a role in a session's state, and one write guard in the core enforces it.
 */
export const CAPABILITIES = [
  'add-item',
  'edit-item',
  'delete-item',
  'set-title',
  'step-phase',
  'edit-phases',
  'timer',
  'end-session',
  'reopen-session',
  'reveal',
  'manage-voting',
  'vote',
  'edit-themes',
  'move-to-theme',
] as const;
export type Capability = (typeof CAPABILITIES)[number];
