import {
  MAX_PHASE_MINUTES,
  MAX_PHASE_TEXT_LENGTH,
  MAX_PHASE_TITLE_LENGTH,
  MAX_PHASES,
  MAX_VOTE_BUDGET,
} from '../limits';
import { type ItemKind, THEME_POLICIES, type ThemePolicy } from '../session/types';
import {
  allDefined,
  fieldPath,
  type Problems,
  readBoolean,
  readId,
  readInteger,
  readKinds,
  readLocalized,
  readObject,
  readOption,
  report,
  type TextRule,
} from './readers';
import type { TemplatePhase, TemplateVoting } from './types';

const PHASE_FIELDS = [
  'id',
  'title',
  'prompt',
  'kinds',
  'minutes',
  'notes',
  'privateWriting',
  'themes',
  'voting',
  'review',
] as const;
const VOTING_FIELDS = ['budget', 'maxPerItem', 'kinds'] as const;

const PHASE_TITLE: TextRule = { limit: MAX_PHASE_TITLE_LENGTH, allowEmpty: false };
const PROMPT: TextRule = { limit: MAX_PHASE_TEXT_LENGTH, allowEmpty: false };
const NOTES: TextRule = { limit: MAX_PHASE_TEXT_LENGTH, allowEmpty: true };

type PhaseField = (typeof PHASE_FIELDS)[number];
type Moves = Pick<TemplatePhase, 'privateWriting' | 'themes' | 'voting' | 'review'>;

/** What the phases read so far have claimed: ids, and whether one is the review phase. */
interface Seen {
  readonly ids: Set<string>;
  review: boolean;
}

export function readPhases(
  value: unknown,
  path: string,
  problems: Problems,
): readonly TemplatePhase[] | undefined {
  if (value === undefined) return report(problems, path, 'missing');
  if (!Array.isArray(value)) return report(problems, path, 'not-an-array');
  if (value.length === 0) return report(problems, path, 'empty');
  if (value.length > MAX_PHASES) problems.push({ path, code: 'too-many', limit: MAX_PHASES });
  // The phases up to the limit are still checked, so the file's other problems surface in the
  // same round; the ones beyond it are not: 10,000 copies of one phase are one problem, not
  // 10,000 duplicate ids.
  const seen: Seen = { ids: new Set(), review: false };
  const phases = value
    .slice(0, MAX_PHASES)
    .map((phase, index) => readPhase(phase, `${path}[${index}]`, seen, problems));
  return allDefined(phases) && value.length <= MAX_PHASES ? Object.freeze(phases) : undefined;
}

function readPhase(
  value: unknown,
  path: string,
  seen: Seen,
  problems: Problems,
): TemplatePhase | undefined {
  const field = readObject(value, path, PHASE_FIELDS, problems);
  if (!field) return undefined;
  const idPath = fieldPath(path, 'id');
  let id = readId(field('id'), idPath, problems);
  if (id !== undefined && seen.ids.has(id)) id = report(problems, idPath, 'duplicate-id');
  if (id !== undefined) seen.ids.add(id);
  const title = readLocalized(field('title'), fieldPath(path, 'title'), PHASE_TITLE, problems);
  const prompt = readLocalized(field('prompt'), fieldPath(path, 'prompt'), PROMPT, problems);
  const kinds = readKinds(field('kinds'), fieldPath(path, 'kinds'), problems);
  // 0 is allowed, as in a running session: a phase without a suggested duration.
  const minutesPath = fieldPath(path, 'minutes');
  const minutes = readInteger(field('minutes'), minutesPath, 0, MAX_PHASE_MINUTES, problems);
  const notes = readLocalized(field('notes'), fieldPath(path, 'notes'), NOTES, problems);
  const moves = readMoves(field, path, kinds, problems);
  // One review phase: a continued session has to know where the carried items go.
  if (moves?.review === true) {
    if (seen.review) moves.review = report(problems, fieldPath(path, 'review'), 'duplicate-review');
    seen.review = true;
  }
  if (id === undefined || !title || !prompt || !kinds || minutes === undefined || !notes) {
    return undefined;
  }
  if (!moves) return undefined;
  return Object.freeze({ id, title, prompt, kinds, minutes, notes, ...moves });
}

/**
 * The optional facilitation moves. Only fields the file has end up in the phase, so an older
 * file reads exactly as before. `kinds` is the phase's own (undefined when it was wrong: then
 * the checks against it are skipped rather than adding noise to the problem that is there).
 */
function readMoves(
  field: (key: PhaseField) => unknown,
  path: string,
  kinds: readonly ItemKind[] | undefined,
  problems: Problems,
): MutableMoves | undefined {
  const before = problems.length;
  const moves: MutableMoves = {};
  if (field('privateWriting') !== undefined) {
    const writingPath = fieldPath(path, 'privateWriting');
    moves.privateWriting = readBoolean(field('privateWriting'), writingPath, problems);
  }
  if (field('themes') !== undefined) {
    moves.themes = readThemes(field('themes'), fieldPath(path, 'themes'), kinds, problems);
  }
  if (field('voting') !== undefined) {
    moves.voting = readVoting(field('voting'), fieldPath(path, 'voting'), kinds, problems);
  }
  if (field('review') !== undefined) {
    moves.review = readBoolean(field('review'), fieldPath(path, 'review'), problems);
  }
  return problems.length === before ? moves : undefined;
}

type MutableMoves = { -readonly [K in keyof Moves]: Moves[K] };

function readThemes(
  value: unknown,
  path: string,
  phaseKinds: readonly ItemKind[] | undefined,
  problems: Problems,
): ThemePolicy | undefined {
  const policy = readOption(value, path, THEME_POLICIES, problems);
  // Themes group insights; on a phase without them the setting could never do anything.
  if (policy !== undefined && policy !== 'off' && phaseKinds && !phaseKinds.includes('insight')) {
    return report(problems, path, 'themes-without-insights');
  }
  return policy;
}

function readVoting(
  value: unknown,
  path: string,
  phaseKinds: readonly ItemKind[] | undefined,
  problems: Problems,
): TemplateVoting | undefined {
  const before = problems.length;
  const field = readObject(value, path, VOTING_FIELDS, problems);
  if (!field) return undefined;
  const budget = readInteger(
    field('budget'),
    fieldPath(path, 'budget'),
    1,
    MAX_VOTE_BUDGET,
    problems,
  );
  let maxPerItem: number | undefined;
  if (field('maxPerItem') !== undefined) {
    // More per item than the whole budget is meaningless; with a wrong budget, the widest range.
    const most = budget ?? MAX_VOTE_BUDGET;
    const maxPath = fieldPath(path, 'maxPerItem');
    maxPerItem = readInteger(field('maxPerItem'), maxPath, 1, most, problems);
  }
  let kinds: readonly ItemKind[] | undefined;
  if (field('kinds') !== undefined) {
    kinds = readVotingKinds(field('kinds'), fieldPath(path, 'kinds'), phaseKinds, problems);
  } else if (phaseKinds?.length === 0) {
    // Voting on "all the phase's kinds" of a phase that collects nothing.
    report(problems, path, 'nothing-to-vote-on');
  }
  if (budget === undefined || problems.length > before) return undefined;
  return Object.freeze({
    budget,
    ...(maxPerItem !== undefined && { maxPerItem }),
    ...(kinds !== undefined && { kinds }),
  });
}

/** Like the phase's kinds, but never empty, and each one a kind the phase collects. */
function readVotingKinds(
  value: unknown,
  path: string,
  phaseKinds: readonly ItemKind[] | undefined,
  problems: Problems,
): readonly ItemKind[] | undefined {
  const kinds = readKinds(value, path, problems);
  if (!kinds || !Array.isArray(value)) return undefined;
  if (kinds.length === 0) return report(problems, path, 'empty');
  if (!phaseKinds) return kinds;
  const before = problems.length;
  value.forEach((kind: ItemKind, index) => {
    if (!phaseKinds.includes(kind)) report(problems, `${path}[${index}]`, 'kind-not-in-phase');
  });
  return problems.length === before ? kinds : undefined;
}
