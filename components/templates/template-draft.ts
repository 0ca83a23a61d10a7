import { MAX_TEMPLATE_ID_LENGTH } from '../../lib/limits';
import { LOCALES, type Locale, type LocalizedText } from '../../lib/locale';
import type { ItemKind, ThemePolicy } from '../../lib/session/types';
import type { Template, TemplatePhase } from '../../lib/templates/types';

/**
 * What the template editor holds while someone types: every field as the form shows it
 * (numbers as the text in the box, both languages even when one is hidden), so nothing typed
 * is lost or rounded before the validator has had its say. `toTemplateData` turns it into the
 * file's shape, and the validator (parseTemplate) decides whether it is a template.
 */
export interface PhaseDraft {
  /** For Preact's keys: stays the same while the phase moves. */
  readonly key: number;
  readonly id: string;
  readonly title: LocalizedText;
  readonly prompt: LocalizedText;
  readonly notes: LocalizedText;
  readonly kinds: readonly ItemKind[];
  readonly minutes: string;
  readonly privateWriting: boolean;
  readonly themes: ThemePolicy;
  readonly voting: VotingDraft;
  readonly review: boolean;
}

export interface VotingDraft {
  readonly on: boolean;
  readonly budget: string;
  /** Empty: no maximum. */
  readonly maxPerItem: string;
  /** Of the phase's kinds; all of them is written as "absent" (the format's "all"). */
  readonly kinds: readonly ItemKind[];
}

export interface TemplateDraft {
  readonly id: string;
  /** Once someone types an id, or the template exists, the name no longer changes it. */
  readonly idFixed: boolean;
  readonly version: string;
  readonly name: LocalizedText;
  readonly purpose: LocalizedText;
  readonly credits: LocalizedText;
  readonly learningQuestion: boolean;
  readonly phases: readonly PhaseDraft[];
  /** The languages the form shows; the file always holds both (see sameTextsFor). */
  readonly languages: readonly Locale[];
}

export type TextField = 'name' | 'purpose' | 'credits';
export type PhaseTextField = 'title' | 'prompt' | 'notes';

const EMPTY: LocalizedText = { en: '', nl: '' };
const DEFAULT_VOTING: VotingDraft = { on: false, budget: '3', maxPerItem: '', kinds: [] };

let nextKey = 1;

export function blankPhase(id: string): PhaseDraft {
  return {
    key: nextKey++,
    id,
    title: EMPTY,
    prompt: EMPTY,
    notes: EMPTY,
    kinds: ['insight'],
    minutes: '10',
    privateWriting: false,
    themes: 'off',
    voting: DEFAULT_VOTING,
    review: false,
  };
}

/** A new template: one empty phase, written in the interface language. */
export function blankDraft(locale: Locale): TemplateDraft {
  return {
    id: '',
    idFixed: false,
    version: '1',
    name: EMPTY,
    purpose: EMPTY,
    credits: EMPTY,
    learningQuestion: false,
    phases: [blankPhase('phase-1')],
    languages: [locale],
  };
}

function phaseDraft(phase: TemplatePhase): PhaseDraft {
  const voting = phase.voting;
  return {
    key: nextKey++,
    id: phase.id,
    title: phase.title,
    prompt: phase.prompt,
    notes: phase.notes,
    kinds: phase.kinds,
    minutes: String(phase.minutes),
    privateWriting: phase.privateWriting ?? false,
    themes: phase.themes ?? 'off',
    voting: voting
      ? {
          on: true,
          budget: String(voting.budget),
          maxPerItem: voting.maxPerItem === undefined ? '' : String(voting.maxPerItem),
          kinds: voting.kinds ?? phase.kinds,
        }
      : { ...DEFAULT_VOTING, kinds: phase.kinds },
    review: phase.review ?? false,
  };
}

/**
 * A template as the form shows it. A file whose texts are the same in both languages was
 * written in one (with "use these texts for the other language too"): it opens in that one.
 */
export function draftOf(template: Template, locale: Locale): TemplateDraft {
  return {
    id: template.id,
    idFixed: true,
    version: String(template.version),
    name: template.name,
    purpose: template.purpose,
    credits: template.credits,
    learningQuestion: template.learningQuestion ?? false,
    phases: template.phases.map(phaseDraft),
    languages: allTextsAlike(template) ? [locale] : LOCALES,
  };
}

/** A copy: the same content under a new name and a fresh id, version 1. */
export function copyDraft(
  template: Template,
  locale: Locale,
  copyName: (name: string, locale: Locale) => string,
  takenIds: ReadonlySet<string>,
): TemplateDraft {
  const name = { en: copyName(template.name.en, 'en'), nl: copyName(template.name.nl, 'nl') };
  return {
    ...draftOf(template, locale),
    id: freeId(slugOf(name[locale]) || 'template', takenIds),
    idFixed: false,
    version: '1',
    name,
  };
}

function allTextsAlike(template: Template): boolean {
  const texts: LocalizedText[] = [template.name, template.purpose, template.credits];
  for (const phase of template.phases) texts.push(phase.title, phase.prompt, phase.notes);
  return texts.every((text) => text.en === text.nl);
}

/** An id from a name: "Buurtlab één" → "buurtlab-een"; '' for a name without letters or digits. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_TEMPLATE_ID_LENGTH - 3)
    .replace(/-+$/, '');
  return slug;
}

/** `id`, or `id-2`, `id-3`… the first one not taken. */
export function freeId(id: string, takenIds: ReadonlySet<string>): string {
  if (!takenIds.has(id)) return id;
  for (let n = 2; ; n++) {
    if (!takenIds.has(`${id}-${n}`)) return `${id}-${n}`;
  }
}

/** The number in a box: empty is missing, and text that is no number stays text (so the
 * validator says "not a whole number" rather than the form guessing). */
function numberOf(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

/**
 * The file's shape, for the validator. Settings a phase cannot use are left out rather than
 * refused: themes on a phase without insights, voting or writing alone on one that collects
 * nothing (the form hides those fields then).
 */
export function toTemplateData(draft: TemplateDraft): Record<string, unknown> {
  return {
    id: draft.id.trim(),
    version: numberOf(draft.version),
    name: draft.name,
    purpose: draft.purpose,
    credits: draft.credits,
    ...(draft.learningQuestion && { learningQuestion: true }),
    phases: draft.phases.map(phaseData),
  };
}

function phaseData(phase: PhaseDraft): Record<string, unknown> {
  const collects = phase.kinds.length > 0;
  const voting = phase.voting;
  const allKinds = phase.kinds.every((kind) => voting.kinds.includes(kind));
  return {
    id: phase.id,
    title: phase.title,
    prompt: phase.prompt,
    kinds: phase.kinds,
    minutes: numberOf(phase.minutes),
    notes: phase.notes,
    ...(collects && phase.privateWriting && { privateWriting: true }),
    ...(phase.kinds.includes('insight') && phase.themes !== 'off' && { themes: phase.themes }),
    ...(collects &&
      voting.on && {
        voting: {
          budget: numberOf(voting.budget),
          ...(voting.maxPerItem.trim() !== '' && { maxPerItem: numberOf(voting.maxPerItem) }),
          ...(!allKinds && { kinds: voting.kinds }),
        },
      }),
    ...(phase.review && { review: true }),
  };
}
