import type { OwnTemplateRefusal } from '../app/own-templates';
import type { PlainProblemCode, TemplateProblem } from '../templates/problems';
import type { MessageKey } from './messages-en';
import type { Translate } from './translate';
import './workshop-messages';

/**
 * The explanation of each code without numbers. A `Record` over the code type, so a code added
 * to lib/templates/problems.ts fails to compile here until it has a text in both languages.
 */
const PLAIN: { readonly [Code in PlainProblemCode]: MessageKey } = {
  missing: 'templateFile.problem.missing',
  'not-an-object': 'templateFile.problem.not-an-object',
  'not-an-array': 'templateFile.problem.not-an-array',
  'not-a-string': 'templateFile.problem.not-a-string',
  'not-an-integer': 'templateFile.problem.not-an-integer',
  'not-a-boolean': 'templateFile.problem.not-a-boolean',
  'unknown-value': 'templateFile.problem.unknown-value',
  empty: 'templateFile.problem.empty',
  'invalid-id': 'templateFile.problem.invalid-id',
  'unknown-kind': 'templateFile.problem.unknown-kind',
  'duplicate-kind': 'templateFile.problem.duplicate-kind',
  'duplicate-id': 'templateFile.problem.duplicate-id',
  'duplicate-review': 'templateFile.problem.duplicate-review',
  'kind-not-in-phase': 'templateFile.problem.kind-not-in-phase',
  'nothing-to-vote-on': 'templateFile.problem.nothing-to-vote-on',
  'themes-without-insights': 'templateFile.problem.themes-without-insights',
  'unknown-field': 'templateFile.problem.unknown-field',
};

/**
 * One line for a person, e.g. "phases[2].prompt.nl: this field is missing" / "…: dit veld
 * ontbreekt". The path stays as the file spells it (it is what they search for in their
 * editor); the file as a whole is "file" / "bestand".
 */
export function describeTemplateProblem(t: Translate, problem: TemplateProblem): string {
  // The last line of a capped list is no place in the file: just how many more there are.
  if (problem.code === 'too-many-problems') {
    return t('templateFile.problem.too-many-problems', { count: problem.omitted });
  }
  const path = problem.path === '' ? t('templateFile.wholeFile') : problem.path;
  return t('templateFile.problemAt', { path, problem: explain(t, problem) });
}

function explain(t: Translate, problem: Exclude<TemplateProblem, { code: 'too-many-problems' }>) {
  switch (problem.code) {
    case 'too-long':
    case 'too-many':
      return t(`templateFile.problem.${problem.code}`, { count: problem.limit });
    case 'out-of-range':
      return t('templateFile.problem.out-of-range', { min: problem.min, max: problem.max });
    case 'file-too-large':
      return t('templateFile.problem.file-too-large', { kb: Math.floor(problem.limit / 1024) });
    case 'invalid-json':
      return t('templateFile.problem.invalid-json', { detail: problem.detail });
    case 'invalid-utf8':
      return t('templateFile.problem.invalid-utf8');
    default:
      return t(PLAIN[problem.code]);
  }
}

/** Why an own template was not saved, deleted or imported, as a sentence. */
export function describeOwnTemplateRefusal(t: Translate, refusal: OwnTemplateRefusal): string {
  switch (refusal.reason) {
    case 'invalid':
    case 'newer-store':
      return t(`ownTemplates.refused.${refusal.reason}`);
    case 'built-in-id':
    case 'id-taken':
    case 'not-found':
      return t(`ownTemplates.refused.${refusal.reason}`, { id: refusal.id });
    case 'storage-failed':
      return t('ownTemplates.refused.storage-failed', { detail: refusal.detail });
  }
}
