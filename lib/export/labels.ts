import type { Locale } from '../locale';
import type { ItemKind } from '../session/types';

/**
 * The fixed words of a harvest, per session locale. They live here rather than in the UI's
 * message files because the export follows the session's language, not the reader's: every
 * peer must produce the same bytes. Plain text only; markdown.ts adds the markup (a test checks
 * that none of these needs escaping).
 */
export interface HarvestLabels {
  readonly untitled: string;
  readonly method: string;
  readonly date: string;
  readonly status: string;
  readonly participants: string;
  readonly running: string;
  readonly completed: string;
  readonly endedEarly: (phase: number, phaseCount: number) => string;
  readonly phase: (phase: number) => string;
  readonly kinds: Readonly<Record<ItemKind, string>>;
  readonly who: string;
  readonly due: string;
  readonly nothingHarvested: string;
  readonly noText: string;
  readonly other: string;
  readonly otherNote: string;
  readonly footer: string;
}

export const HARVEST_LABELS: Readonly<Record<Locale, HarvestLabels>> = {
  en: {
    untitled: 'Untitled session',
    method: 'Method',
    date: 'Date',
    status: 'Status',
    participants: 'Participants',
    running: 'in progress (interim harvest)',
    completed: 'completed',
    endedEarly: (phase, phaseCount) => `ended early, in phase ${phase} of ${phaseCount}`,
    phase: (phase) => `Phase ${phase}`,
    kinds: { question: 'Questions', insight: 'Insights', action: 'Actions' },
    who: 'who',
    due: 'due',
    nothingHarvested: 'Nothing harvested in this phase.',
    noText: '(no text)',
    other: 'Other',
    otherNote: 'Contributions from phases that are no longer in the session.',
    footer: 'Exported with Kring.',
  },
  nl: {
    untitled: 'Sessie zonder titel',
    method: 'Werkvorm',
    date: 'Datum',
    status: 'Status',
    participants: 'Deelnemers',
    running: 'nog bezig (tussenstand)',
    completed: 'afgerond',
    endedEarly: (phase, phaseCount) => `eerder beëindigd, in fase ${phase} van ${phaseCount}`,
    phase: (phase) => `Fase ${phase}`,
    kinds: { question: 'Vragen', insight: 'Inzichten', action: 'Acties' },
    who: 'wie',
    due: 'wanneer',
    nothingHarvested: 'Niets geoogst in deze fase.',
    noText: '(geen tekst)',
    other: 'Overig',
    otherNote: 'Bijdragen uit fasen die niet meer in de sessie staan.',
    footer: 'Geëxporteerd met Kring.',
  },
};
