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
  /** The shared learning question (leervraag) the session revolves around. */
  readonly learningQuestion: string;
  /** Before the earlier session's title and date: "Continues: Lab 1 (3 March 2026)". */
  readonly continues: string;
  readonly running: string;
  readonly completed: string;
  readonly endedEarly: (phase: number, phaseCount: number) => string;
  readonly phase: (phase: number) => string;
  readonly kinds: Readonly<Record<ItemKind, string>>;
  readonly who: string;
  readonly due: string;
  /** The mark after a question that was answered. */
  readonly answered: string;
  /** The mark after an action that was done. */
  readonly done: string;
  readonly nothingHarvested: string;
  readonly noText: string;
  readonly other: string;
  readonly otherNote: string;
  readonly footer: string;
  /** The heading of a theme whose name is blank. */
  readonly untitledTheme: string;
  /** The heading over a themed phase's insights that are in no theme. */
  readonly notInTheme: string;
  readonly emptyTheme: string;
  /** "3 votes", "1 vote", "0 votes": the count after an item or a theme. */
  readonly votes: (count: number) => string;
  /** The line that says how a phase voted, e.g. "Dot voting: 3 dots per person." */
  readonly voting: (voting: VotingLine) => string;
}

/** What the voting line of a phase says; see `HarvestLabels.voting`. */
export interface VotingLine {
  readonly budget: number;
  /** Most dots per item, or null when that is the whole budget (no separate maximum). */
  readonly maxPerItem: number | null;
  /** The kinds voted on, as `HarvestLabels.kinds` names them; empty when all kinds were. */
  readonly kinds: readonly string[];
  /** 'closed'; 'live': still open, counts shown; 'hidden': still open, counts not shown yet. */
  readonly state: 'closed' | 'live' | 'hidden';
}

export const HARVEST_LABELS: Readonly<Record<Locale, HarvestLabels>> = {
  en: {
    untitled: 'Untitled session',
    method: 'Method',
    date: 'Date',
    status: 'Status',
    participants: 'Participants',
    learningQuestion: 'Learning question',
    continues: 'Continues',
    running: 'in progress (interim harvest)',
    completed: 'completed',
    endedEarly: (phase, phaseCount) => `ended early, in phase ${phase} of ${phaseCount}`,
    phase: (phase) => `Phase ${phase}`,
    kinds: { question: 'Questions', insight: 'Insights', action: 'Actions' },
    who: 'who',
    due: 'due',
    answered: 'answered',
    done: 'done',
    nothingHarvested: 'Nothing harvested in this phase.',
    noText: '(no text)',
    other: 'Other',
    otherNote: 'Contributions from phases that are no longer in the session.',
    footer: 'Exported with Kring.',
    untitledTheme: 'Untitled theme',
    notInTheme: 'Not in a theme',
    emptyTheme: 'No insights in this theme.',
    votes: (count) => (count === 1 ? '1 vote' : `${count} votes`),
    voting: ({ budget, maxPerItem, kinds, state }) => {
      const on = kinds.length > 0 ? ` on ${joinList(kinds, 'and').toLowerCase()}` : '';
      const dots = budget === 1 ? '1 dot' : `${budget} dots`;
      const max = maxPerItem === null ? '' : `, at most ${maxPerItem} per item`;
      const open = {
        closed: '',
        live: ' (still open)',
        hidden: ' (still open; the results follow when voting closes)',
      }[state];
      return `Dot voting${on}: ${dots} per person${max}${open}.`;
    },
  },
  nl: {
    untitled: 'Sessie zonder titel',
    method: 'Werkvorm',
    date: 'Datum',
    status: 'Status',
    participants: 'Deelnemers',
    learningQuestion: 'Leervraag',
    continues: 'Vervolg op',
    running: 'nog bezig (tussenstand)',
    completed: 'afgerond',
    endedEarly: (phase, phaseCount) => `eerder beëindigd, in fase ${phase} van ${phaseCount}`,
    phase: (phase) => `Fase ${phase}`,
    kinds: { question: 'Vragen', insight: 'Inzichten', action: 'Acties' },
    who: 'wie',
    due: 'wanneer',
    answered: 'beantwoord',
    done: 'klaar',
    nothingHarvested: 'Niets geoogst in deze fase.',
    noText: '(geen tekst)',
    other: 'Overig',
    otherNote: 'Bijdragen uit fasen die niet meer in de sessie staan.',
    footer: 'Geëxporteerd met Kring.',
    untitledTheme: 'Naamloos thema',
    notInTheme: 'Niet in een thema',
    emptyTheme: 'Geen inzichten in dit thema.',
    votes: (count) => (count === 1 ? '1 stem' : `${count} stemmen`),
    voting: ({ budget, maxPerItem, kinds, state }) => {
      const on = kinds.length > 0 ? ` op ${joinList(kinds, 'en').toLowerCase()}` : '';
      const dots = budget === 1 ? '1 stip' : `${budget} stippen`;
      const max = maxPerItem === null ? '' : `, maximaal ${maxPerItem} per bijdrage`;
      const open = {
        closed: '',
        live: ' (nog open)',
        hidden: ' (nog open; de uitslag volgt zodra de stemming sluit)',
      }[state];
      return `Stippenstemmen${on}: ${dots} per persoon${max}${open}.`;
    },
  },
};

/** "a", "a and b", "a, b and c". */
function joinList(words: readonly string[], and: string): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${and} ${words.at(-1)}`;
}
