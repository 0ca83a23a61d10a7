/**
 * English texts for template files (import, export, the problems a refused file has) and the
 * facilitator's own templates on this device. Part of the catalogue in ../messages-en.ts.
 * A problem reads `<path>: <explanation>` (lib/i18n/template-problems.ts): the path stays as
 * the file spells it, the explanation is a short phrase in lower case.
 */
export const enTemplateFiles = {
  'templateFile.problemAt': '{path}: {problem}',
  'templateFile.wholeFile': 'file',
  'templateFile.problem.missing': 'this field is missing',
  'templateFile.problem.not-an-object': 'must be a group of fields in braces, { … }',
  'templateFile.problem.not-an-array': 'must be a list in square brackets, [ … ]',
  'templateFile.problem.not-a-string': 'must be text in double quotes',
  'templateFile.problem.not-an-integer': 'must be a whole number, without quotes',
  'templateFile.problem.not-a-boolean': 'must be true or false, without quotes',
  'templateFile.problem.unknown-value': 'is not one of the values this field allows',
  'templateFile.problem.empty': 'must not be empty',
  'templateFile.problem.invalid-id':
    'must be lowercase letters and digits, joined by single dashes (like my-template-2)',
  'templateFile.problem.unknown-kind': 'must be question, insight or action',
  'templateFile.problem.duplicate-kind': 'this kind is already listed',
  'templateFile.problem.duplicate-id': 'this id is already used above',
  'templateFile.problem.duplicate-review': 'another phase is already the review phase',
  'templateFile.problem.kind-not-in-phase': 'the phase itself does not collect this kind',
  'templateFile.problem.nothing-to-vote-on':
    'voting needs a phase that collects contributions (its kinds are empty)',
  'templateFile.problem.themes-without-insights': 'themes need a phase that collects insights',
  'templateFile.problem.unknown-field': 'the format has no such field (a typo?)',
  'templateFile.problem.too-long': {
    one: 'too long: at most {count} character',
    other: 'too long: at most {count} characters',
  },
  'templateFile.problem.too-many': 'too many: at most {count}',
  'templateFile.problem.out-of-range': 'must be from {min} to {max}',
  'templateFile.problem.file-too-large': 'too large: a template file holds at most {kb} KB',
  'templateFile.problem.invalid-json': 'this is not a valid JSON file ({detail})',
  'templateFile.problem.invalid-utf8':
    'this is not a text file in UTF-8 (save it as UTF-8 and try again)',
  'templateFile.problem.too-many-problems': {
    one: '… and {count} more problem',
    other: '… and {count} more problems',
  },

  'ownTemplates.refused.invalid': 'This template has mistakes; it was not saved.',
  'ownTemplates.refused.built-in-id':
    'A built-in template already has the id “{id}”. Choose another id.',
  'ownTemplates.refused.id-taken':
    'One of your templates already has the id “{id}”. Choose another id.',
  'ownTemplates.refused.not-found': 'There is no template of yours with the id “{id}” any more.',
  'ownTemplates.refused.newer-store':
    'Your templates on this device were saved by a newer version of Kring. Update Kring to change them.',
  'ownTemplates.refused.storage-failed': 'Could not save on this device: {detail}',
} as const;
