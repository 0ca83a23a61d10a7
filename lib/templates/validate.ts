import {
  MAX_TEMPLATE_CREDITS_LENGTH,
  MAX_TEMPLATE_FILE_BYTES,
  MAX_TEMPLATE_NAME_LENGTH,
  MAX_TEMPLATE_PROBLEMS,
  MAX_TEMPLATE_PURPOSE_LENGTH,
} from '../limits';
import { err, ok, type Result } from '../result';
import { capProblems, type TemplateProblem } from './problems';
import {
  type Problems,
  readBoolean,
  readId,
  readInteger,
  readLocalized,
  readObject,
  type TextRule,
} from './readers';
import type { Template } from './types';
import { readPhases } from './validate-phase';

export { formatTemplateProblem, type TemplateProblem, type TemplateProblemCode } from './problems';

/**
 * Template files come from contributors and from facilitators' own disks, so they are checked
 * field by field. Every problem is reported (not just the first), so one round of fixes is
 * enough; unknown fields are problems too, because a silently ignored `promt` is a lost prompt.
 */
export function parseTemplate(input: unknown): Result<Template, TemplateProblem[]> {
  const problems: TemplateProblem[] = [];
  const template = readTemplate(input, problems);
  if (template && problems.length === 0) return ok(template);
  // A hostile file may hold thousands of mistakes; the first hundred are enough to act on.
  return err(capProblems(problems, MAX_TEMPLATE_PROBLEMS));
}

/** Parses a template file's text. Never throws: size and syntax are problems at path ''. */
export function parseTemplateFile(text: string): Result<Template, TemplateProblem[]> {
  if (isTooLarge(text)) {
    return err([{ path: '', code: 'file-too-large', limit: MAX_TEMPLATE_FILE_BYTES }]);
  }
  let data: unknown;
  try {
    // Editors on Windows like to start UTF-8 files with a byte order mark; JSON.parse does not.
    data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return err([{ path: '', code: 'invalid-json', detail }]);
  }
  return parseTemplate(data);
}

/** UTF-8 never takes fewer bytes than UTF-16 code units, so a long string is refused unencoded. */
function isTooLarge(text: string): boolean {
  return (
    text.length > MAX_TEMPLATE_FILE_BYTES ||
    new TextEncoder().encode(text).byteLength > MAX_TEMPLATE_FILE_BYTES
  );
}

const TEMPLATE_FIELDS = [
  'id',
  'version',
  'name',
  'purpose',
  'credits',
  'phases',
  'learningQuestion',
] as const;

const NAME: TextRule = { limit: MAX_TEMPLATE_NAME_LENGTH, allowEmpty: false };
const PURPOSE: TextRule = { limit: MAX_TEMPLATE_PURPOSE_LENGTH, allowEmpty: false };
const CREDITS: TextRule = { limit: MAX_TEMPLATE_CREDITS_LENGTH, allowEmpty: true };

function readTemplate(value: unknown, problems: Problems): Template | undefined {
  const field = readObject(value, '', TEMPLATE_FIELDS, problems);
  if (!field) return undefined;
  const id = readId(field('id'), 'id', problems);
  const version = readInteger(field('version'), 'version', 1, Number.MAX_SAFE_INTEGER, problems);
  const name = readLocalized(field('name'), 'name', NAME, problems);
  const purpose = readLocalized(field('purpose'), 'purpose', PURPOSE, problems);
  const credits = readLocalized(field('credits'), 'credits', CREDITS, problems);
  const phases = readPhases(field('phases'), 'phases', problems);
  // Optional: only a file that has the field gets it, so older files read exactly as before.
  const hasQuestion = field('learningQuestion') !== undefined;
  const learningQuestion = hasQuestion
    ? readBoolean(field('learningQuestion'), 'learningQuestion', problems)
    : undefined;
  if (id === undefined || version === undefined || !name || !purpose || !credits || !phases) {
    return undefined;
  }
  if (hasQuestion && learningQuestion === undefined) return undefined;
  return Object.freeze({
    id,
    version,
    name,
    purpose,
    credits,
    phases,
    ...(learningQuestion !== undefined && { learningQuestion }),
  });
}
