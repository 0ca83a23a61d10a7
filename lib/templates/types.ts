import type { LocalizedText } from '../locale';
import type { ItemKind } from '../session/types';

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
}
