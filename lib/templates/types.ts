import type { LocalizedText } from '../locale';
import type { ItemKind, ThemePolicy } from '../session/types';

/**
 * A dot-voting preset: what the facilitator's "Start voting" offers in this phase. Voting
 * never starts by itself; the facilitator still opens and closes it.
 */
export interface TemplateVoting {
  /** Dots per device, a whole number from 1 to MAX_VOTE_BUDGET. */
  readonly budget: number;
  /** Most dots one device may put on one item, 1 to `budget`; absent: no maximum. */
  readonly maxPerItem?: number;
  /** What can be voted on, in ITEM_KINDS order, a subset of the phase's kinds; absent: all. */
  readonly kinds?: readonly ItemKind[];
}

/** One phase of a template, in every language. Copied into a session when it starts. */
export interface TemplatePhase {
  /** Stable within the template: lowercase letters, digits and dashes. */
  readonly id: string;
  readonly title: LocalizedText;
  /** The question or instruction the group sees during this phase. */
  readonly prompt: LocalizedText;
  /** Which kinds of contribution the phase collects; may be empty (e.g. a spoken round). */
  readonly kinds: readonly ItemKind[];
  /** Suggested duration in whole minutes. */
  readonly minutes: number;
  /** Notes for the facilitator: how to run the phase, what to watch for. */
  readonly notes: LocalizedText;
  // The facilitation moves below are optional, so template files written before them still
  // load; absent means off.
  /** Write alone first: contributions stay private drafts until the facilitator reveals. */
  readonly privateWriting?: boolean;
  /** Who may make themes and move insights into them; absent: 'off'. */
  readonly themes?: ThemePolicy;
  /** The phase suggests dot voting with these presets; absent: it suggests none. */
  readonly voting?: TemplateVoting;
  /**
   * The opening review phase: a session continued from an earlier one puts the carried open
   * questions and actions here. At most one phase per template; absent: not the review phase.
   */
  readonly review?: boolean;
}

/** A session template: a facilitation method as data (templates/*.json). */
export interface Template {
  /** Stable id, also the file name: lowercase letters, digits and dashes. */
  readonly id: string;
  /** Whole number, raised whenever the phases change. */
  readonly version: number;
  readonly name: LocalizedText;
  /** One line: what the session is for. */
  readonly purpose: LocalizedText;
  /** Sources and licences the template builds on (e.g. Liberating Structures, CC BY-SA 4.0). */
  readonly credits: LocalizedText;
  readonly phases: readonly TemplatePhase[];
  /**
   * The session revolves around a shared learning question (leervraag): a new session asks
   * for it, shows it at the top and exports it. Optional so older files still load; absent: off.
   */
  readonly learningQuestion?: boolean;
}
