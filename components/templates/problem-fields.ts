import type { Translate } from '../../lib/i18n/translate';
import { isLocale } from '../../lib/locale';
import type { TemplateProblem } from '../../lib/templates/problems';
import '../../lib/i18n/workshop-messages';

/**
 * Where the editor shows a validator problem. A problem's path names a value of the file
 * (`phases[2].prompt.nl`); the field that edits it has the DOM id `tpl-phases-2-prompt-nl`.
 * One list-valued field (a phase's kinds, a voting preset's kinds) shows the problems of its
 * entries (`phases[0].kinds[1]`), since the form has one control group for the whole list.
 */
export function fieldOfProblem(path: string): string {
  return path.replace(/(\.kinds)\[\d+\]$/, '$1');
}

/** The DOM id of the control (or control group) editing the value at `field`. */
export function domIdOf(field: string): string {
  if (field === '') return 'tpl-editor';
  return `tpl-${field.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`;
}

/** An editor problem: where, and the sentence for it in the interface language. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export function fieldProblems(
  problems: readonly TemplateProblem[],
  describe: (problem: TemplateProblem) => string,
): FieldProblem[] {
  return problems.map((problem) => ({
    field: fieldOfProblem(problem.path),
    message: describe(problem),
  }));
}

export function problemsAt(problems: readonly FieldProblem[], field: string): FieldProblem[] {
  return problems.filter((problem) => problem.field === field);
}

/**
 * The props that tie a control to the problems shown under it (ProblemText renders them with
 * the id `${domId}-problem`), besides any hint it already has.
 */
export function invalidProps(
  problems: readonly FieldProblem[],
  field: string,
  hintId?: string,
): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const invalid = problemsAt(problems, field).length > 0;
  const ids = [hintId, invalid ? `${domIdOf(field)}-problem` : undefined].filter(Boolean);
  return {
    ...(invalid && { 'aria-invalid': true }),
    ...(ids.length > 0 && { 'aria-describedby': ids.join(' ') }),
  };
}

const TEXT_LABELS = {
  name: 'tpl.name',
  purpose: 'tpl.purpose',
  credits: 'tpl.credits',
  title: 'tpl.phaseTitle',
  prompt: 'tpl.phasePrompt',
  notes: 'tpl.phaseNotes',
} as const;

const OTHER_LABELS = {
  id: 'tpl.id',
  version: 'tpl.version',
  learningQuestion: 'tpl.learningQuestion',
  phases: 'tpl.phases',
  kinds: 'phase.kinds',
  minutes: 'phase.minutes',
  privateWriting: 'phase.privateWriting',
  themes: 'phase.themes',
  voting: 'tpl.voting',
  'voting.budget': 'voting.budget',
  'voting.maxPerItem': 'voting.maxPerItem',
  'voting.kinds': 'voting.kinds',
  review: 'tpl.review',
} as const;

/** The field's label as the form shows it, for the summary: "Phase 2: Minutes". */
export function fieldLabel(t: Translate, field: string, languageName: (l: 'en' | 'nl') => string) {
  const phase = /^phases\[(\d+)\]\.?(.*)$/.exec(field);
  const rest = phase ? (phase[2] ?? '') : field;
  const label = labelOf(t, rest, languageName) ?? field;
  if (!phase) return label;
  const number = Number(phase[1]) + 1;
  return rest === '' ? t('tpl.phase', { number }) : t('tpl.fieldOfPhase', { number, field: label });
}

function labelOf(
  t: Translate,
  field: string,
  languageName: (l: 'en' | 'nl') => string,
): string | undefined {
  const [key, language] = field.split('.');
  if (key && key in TEXT_LABELS && isLocale(language)) {
    return t(TEXT_LABELS[key as keyof typeof TEXT_LABELS], { language: languageName(language) });
  }
  if (field in OTHER_LABELS) return t(OTHER_LABELS[field as keyof typeof OTHER_LABELS]);
  return undefined;
}

/** Moves the keyboard to the field (or the first control of a group) and shows it. */
export function focusField(field: string): void {
  const element = document.getElementById(domIdOf(field));
  if (!element) return;
  const target =
    element instanceof HTMLFieldSetElement || element.tagName === 'SECTION'
      ? element.querySelector<HTMLElement>('input, select, textarea, button')
      : element;
  (target ?? element).focus();
}
