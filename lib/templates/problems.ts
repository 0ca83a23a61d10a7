/**
 * What can be wrong with a template file. A problem is data, not a sentence: the UI translates
 * each `code` (with its numbers) into the reader's language, and `formatTemplateProblem` gives
 * developers and tests a plain English line.
 */

/** Codes that need no number to be explained. */
export type PlainProblemCode =
  /** The field is required and absent. */
  | 'missing'
  | 'not-an-object'
  | 'not-an-array'
  | 'not-a-string'
  /** Not a number, or a number with a fraction (JSON has no integer type). */
  | 'not-an-integer'
  /** Not `true` or `false` (the text "false" is not a boolean). */
  | 'not-a-boolean'
  /** A text that is not one of the field's options, e.g. `themes` other than off/anyone/facilitator. */
  | 'unknown-value'
  /** A text that is empty or only whitespace where words are required; an empty phase list. */
  | 'empty'
  /** An id that is not lowercase letters and digits joined by single dashes. */
  | 'invalid-id'
  /** A kind that is not one of ITEM_KINDS. */
  | 'unknown-kind'
  /** The same kind twice in one phase. */
  | 'duplicate-kind'
  /** Two phases with the same id; reported at the later one. */
  | 'duplicate-id'
  /** A second phase marked `review: true`; reported at the later one. */
  | 'duplicate-review'
  /** A voting kind that the phase does not collect (not in the phase's `kinds`). */
  | 'kind-not-in-phase'
  /** Voting on a phase whose `kinds` is empty: there would be nothing to vote on. */
  | 'nothing-to-vote-on'
  /** `themes` other than 'off' on a phase that collects no insights (themes group insights). */
  | 'themes-without-insights'
  /** A field the format does not have; usually a typo of one it does have. */
  | 'unknown-field';

/**
 * Where and what. `path` names the value in JavaScript notation, e.g. `phases[2].prompt.nl`;
 * `''` is the file or value as a whole.
 */
export type TemplateProblem =
  | { readonly path: string; readonly code: PlainProblemCode }
  /** `limit`: characters (UTF-16 code units, as `string.length` counts) or list entries. */
  | { readonly path: string; readonly code: 'too-long' | 'too-many'; readonly limit: number }
  /** A whole number outside `min`..`max`, both inclusive. */
  | {
      readonly path: string;
      readonly code: 'out-of-range';
      readonly min: number;
      readonly max: number;
    }
  /** The file is larger than `limit` bytes (UTF-8); it was not parsed. */
  | { readonly path: ''; readonly code: 'file-too-large'; readonly limit: number }
  /** The file is not JSON. `detail` is the JSON parser's own (English) message, for developers. */
  | { readonly path: ''; readonly code: 'invalid-json'; readonly detail: string }
  /** The file's bytes are not UTF-8 (e.g. saved as UTF-16 or Latin-1); it was not parsed. */
  | { readonly path: ''; readonly code: 'invalid-utf8' }
  /**
   * Always last: the file had more problems than the `limit` listed before this one, and
   * `omitted` more were left off, so a hostile file cannot make a list of 100,000 lines.
   */
  | {
      readonly path: '';
      readonly code: 'too-many-problems';
      readonly limit: number;
      readonly omitted: number;
    };

export type TemplateProblemCode = TemplateProblem['code'];

/** One English line for logs, errors and tests, e.g. `phases[2].prompt.nl: missing`. */
export function formatTemplateProblem(problem: TemplateProblem): string {
  const where = problem.path === '' ? '(root)' : problem.path;
  switch (problem.code) {
    case 'too-long':
    case 'too-many':
    case 'file-too-large':
      return `${where}: ${problem.code} (limit ${problem.limit})`;
    case 'out-of-range':
      return `${where}: ${problem.code} (${problem.min}..${problem.max})`;
    case 'invalid-json':
      return `${where}: ${problem.code} (${problem.detail})`;
    case 'too-many-problems':
      return `${where}: ${problem.code} (${problem.omitted} more)`;
    default:
      return `${where}: ${problem.code}`;
  }
}

/** At most `limit` problems, then one `too-many-problems` saying how many were left off. */
export function capProblems(
  problems: readonly TemplateProblem[],
  limit: number,
): TemplateProblem[] {
  if (problems.length <= limit) return [...problems];
  const omitted = problems.length - limit;
  return [...problems.slice(0, limit), { path: '', code: 'too-many-problems', limit, omitted }];
}
