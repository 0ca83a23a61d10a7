import { LOCALES, type Locale, type LocalizedText } from '../../lib/locale';
import { ITEM_KINDS, type ItemKind } from '../../lib/session/types';
import { blankPhase, freeId, type PhaseDraft, slugOf, type TemplateDraft } from './template-draft';

// The template editor's changes to its draft, each a new draft (the form re-renders from it).

/**
 * The name changed: the id follows it until someone fixes it, from the name in the interface's
 * language when the form shows that one (as a copy's first id is made).
 */
export function withName(
  draft: TemplateDraft,
  name: LocalizedText,
  takenIds: ReadonlySet<string>,
  locale: Locale,
): TemplateDraft {
  if (draft.idFixed) return { ...draft, name };
  const from = draft.languages.includes(locale) ? locale : (draft.languages[0] ?? locale);
  const slug = slugOf(name[from]);
  return { ...draft, name, id: slug === '' ? '' : freeId(slug, takenIds) };
}

export function withPhase(
  draft: TemplateDraft,
  index: number,
  change: (phase: PhaseDraft) => PhaseDraft,
): TemplateDraft {
  return {
    ...draft,
    phases: draft.phases.map((phase, i) => (i === index ? change(phase) : phase)),
  };
}

/** At most one review phase: marking one unmarks the others, so the form cannot make two. */
export function withReview(draft: TemplateDraft, index: number, on: boolean): TemplateDraft {
  return {
    ...draft,
    phases: draft.phases.map((phase, i) => ({ ...phase, review: i === index ? on : false })),
  };
}

export function withPhaseAdded(draft: TemplateDraft, after: number): TemplateDraft {
  const taken = new Set(draft.phases.map((phase) => phase.id));
  const phase = blankPhase(freeId('phase', taken));
  const phases = [...draft.phases];
  phases.splice(after + 1, 0, phase);
  return { ...draft, phases };
}

export function withPhaseRemoved(draft: TemplateDraft, index: number): TemplateDraft {
  return { ...draft, phases: draft.phases.filter((_, i) => i !== index) };
}

export function withPhaseMoved(draft: TemplateDraft, index: number, by: -1 | 1): TemplateDraft {
  const target = index + by;
  if (target < 0 || target >= draft.phases.length) return draft;
  const phases = [...draft.phases];
  [phases[index], phases[target]] = [phases[target] as PhaseDraft, phases[index] as PhaseDraft];
  return { ...draft, phases };
}

/** The phase's kinds changed: voting can only be on kinds the phase still collects. */
export function withKinds(phase: PhaseDraft, kinds: readonly ItemKind[]): PhaseDraft {
  const ordered = ITEM_KINDS.filter((kind) => kinds.includes(kind));
  const added = ordered.filter((kind) => !phase.kinds.includes(kind));
  const votingKinds = ordered.filter(
    (kind) => phase.voting.kinds.includes(kind) || added.includes(kind),
  );
  return { ...phase, kinds: ordered, voting: { ...phase.voting, kinds: votingKinds } };
}

/**
 * "Use the Dutch texts for English too": every text of `from` is copied into `to`, and the
 * form then shows both, so the person sees what will be saved.
 */
export function sameTextsFor(draft: TemplateDraft, from: Locale, to: Locale): TemplateDraft {
  const copy = (text: LocalizedText): LocalizedText => ({ ...text, [to]: text[from] });
  return {
    ...draft,
    name: copy(draft.name),
    purpose: copy(draft.purpose),
    credits: copy(draft.credits),
    phases: draft.phases.map((phase) => ({
      ...phase,
      title: copy(phase.title),
      prompt: copy(phase.prompt),
      notes: copy(phase.notes),
    })),
    languages: LOCALES,
  };
}
