import {
  MAX_PHASE_MINUTES,
  MAX_PHASE_TEXT_LENGTH,
  MAX_PHASE_TITLE_LENGTH,
  MAX_PHASES,
  MAX_TEMPLATE_CREDITS_LENGTH,
  MAX_TEMPLATE_FILE_BYTES,
  MAX_TEMPLATE_ID_LENGTH,
  MAX_TEMPLATE_NAME_LENGTH,
  MAX_TEMPLATE_PURPOSE_LENGTH,
} from '../limits';
import { LOCALES, type LocalizedText } from '../locale';
import { err, ok, type Result } from '../result';
import { ITEM_KINDS, type ItemKind, isItemKind } from '../session/types';
import type { PlainProblemCode, TemplateProblem } from './problems';
import type { Template, TemplatePhase } from './types';

export { formatTemplateProblem, type TemplateProblem, type TemplateProblemCode } from './problems';

/**
 * Template files come from contributors and from facilitators' own disks, so they are checked
 * field by field. Every problem is reported (not just the first), so one round of fixes is
 * enough; unknown fields are problems too, because a silently ignored `promt` is a lost prompt.
 */
export function parseTemplate(input: unknown): Result<Template, TemplateProblem[]> {
  const problems: TemplateProblem[] = [];
  const template = readTemplate(input, problems);
  return template && problems.length === 0 ? ok(template) : err(problems);
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

type Problems = TemplateProblem[];

const TEMPLATE_FIELDS = ['id', 'version', 'name', 'purpose', 'credits', 'phases'] as const;
const PHASE_FIELDS = ['id', 'title', 'prompt', 'kinds', 'minutes', 'notes'] as const;

/** Lowercase letters and digits in groups joined by single dashes: safe as a file name. */
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface TextRule {
  readonly limit: number;
  /** Notes and credits may be left empty; names, titles and prompts may not. */
  readonly allowEmpty: boolean;
}

const NAME: TextRule = { limit: MAX_TEMPLATE_NAME_LENGTH, allowEmpty: false };
const PURPOSE: TextRule = { limit: MAX_TEMPLATE_PURPOSE_LENGTH, allowEmpty: false };
const CREDITS: TextRule = { limit: MAX_TEMPLATE_CREDITS_LENGTH, allowEmpty: true };
const PHASE_TITLE: TextRule = { limit: MAX_PHASE_TITLE_LENGTH, allowEmpty: false };
const PROMPT: TextRule = { limit: MAX_PHASE_TEXT_LENGTH, allowEmpty: false };
const NOTES: TextRule = { limit: MAX_PHASE_TEXT_LENGTH, allowEmpty: true };
const ID: TextRule = { limit: MAX_TEMPLATE_ID_LENGTH, allowEmpty: false };

// Each reader checks one value, pushes what is wrong with it and returns the value only when
// it is wholly right. The result is built from fresh, frozen objects: nothing from the input
// (an unknown field, a shared array) leaks into a template that every session reads.

function readTemplate(value: unknown, problems: Problems): Template | undefined {
  const field = readObject(value, '', TEMPLATE_FIELDS, problems);
  if (!field) return undefined;
  const id = readId(field('id'), 'id', problems);
  const version = readInteger(field('version'), 'version', 1, Number.MAX_SAFE_INTEGER, problems);
  const name = readLocalized(field('name'), 'name', NAME, problems);
  const purpose = readLocalized(field('purpose'), 'purpose', PURPOSE, problems);
  const credits = readLocalized(field('credits'), 'credits', CREDITS, problems);
  const phases = readPhases(field('phases'), 'phases', problems);
  if (id === undefined || version === undefined || !name || !purpose || !credits || !phases) {
    return undefined;
  }
  return Object.freeze({ id, version, name, purpose, credits, phases });
}

function readPhases(
  value: unknown,
  path: string,
  problems: Problems,
): readonly TemplatePhase[] | undefined {
  if (value === undefined) return report(problems, path, 'missing');
  if (!Array.isArray(value)) return report(problems, path, 'not-an-array');
  if (value.length === 0) return report(problems, path, 'empty');
  if (value.length > MAX_PHASES) problems.push({ path, code: 'too-many', limit: MAX_PHASES });
  // Every phase is still checked, so the file's other problems surface in the same round.
  const takenIds = new Set<string>();
  const phases = value.map((phase, index) =>
    readPhase(phase, `${path}[${index}]`, takenIds, problems),
  );
  return allDefined(phases) && value.length <= MAX_PHASES ? Object.freeze(phases) : undefined;
}

function readPhase(
  value: unknown,
  path: string,
  takenIds: Set<string>,
  problems: Problems,
): TemplatePhase | undefined {
  const field = readObject(value, path, PHASE_FIELDS, problems);
  if (!field) return undefined;
  const idPath = fieldPath(path, 'id');
  let id = readId(field('id'), idPath, problems);
  if (id !== undefined && takenIds.has(id)) id = report(problems, idPath, 'duplicate-id');
  if (id !== undefined) takenIds.add(id);
  const title = readLocalized(field('title'), fieldPath(path, 'title'), PHASE_TITLE, problems);
  const prompt = readLocalized(field('prompt'), fieldPath(path, 'prompt'), PROMPT, problems);
  const kinds = readKinds(field('kinds'), fieldPath(path, 'kinds'), problems);
  // 0 is allowed, as in a running session: a phase without a suggested duration.
  const minutesPath = fieldPath(path, 'minutes');
  const minutes = readInteger(field('minutes'), minutesPath, 0, MAX_PHASE_MINUTES, problems);
  const notes = readLocalized(field('notes'), fieldPath(path, 'notes'), NOTES, problems);
  if (id === undefined || !title || !prompt || !kinds || minutes === undefined || !notes) {
    return undefined;
  }
  return Object.freeze({ id, title, prompt, kinds, minutes, notes });
}

/** Kinds come back in ITEM_KINDS order, whatever order the file lists them in. */
function readKinds(
  value: unknown,
  path: string,
  problems: Problems,
): readonly ItemKind[] | undefined {
  if (value === undefined) return report(problems, path, 'missing');
  if (!Array.isArray(value)) return report(problems, path, 'not-an-array');
  const before = problems.length;
  const seen = new Set<ItemKind>();
  value.forEach((kind: unknown, index) => {
    const kindPath = `${path}[${index}]`;
    if (typeof kind !== 'string') report(problems, kindPath, 'not-a-string');
    else if (!isItemKind(kind)) report(problems, kindPath, 'unknown-kind');
    else if (seen.has(kind)) report(problems, kindPath, 'duplicate-kind');
    else seen.add(kind);
  });
  if (problems.length > before) return undefined;
  return Object.freeze(ITEM_KINDS.filter((kind) => seen.has(kind)));
}

function readLocalized(
  value: unknown,
  path: string,
  rule: TextRule,
  problems: Problems,
): LocalizedText | undefined {
  const field = readObject(value, path, LOCALES, problems);
  if (!field) return undefined;
  const en = readText(field('en'), fieldPath(path, 'en'), rule, problems);
  const nl = readText(field('nl'), fieldPath(path, 'nl'), rule, problems);
  return en === undefined || nl === undefined ? undefined : Object.freeze({ en, nl });
}

function readId(value: unknown, path: string, problems: Problems): string | undefined {
  const id = readText(value, path, ID, problems);
  if (id === undefined) return undefined;
  return ID_PATTERN.test(id) ? id : report(problems, path, 'invalid-id');
}

function readText(
  value: unknown,
  path: string,
  rule: TextRule,
  problems: Problems,
): string | undefined {
  if (value === undefined) return report(problems, path, 'missing');
  if (typeof value !== 'string') return report(problems, path, 'not-a-string');
  if (!rule.allowEmpty && value.trim() === '') return report(problems, path, 'empty');
  if (value.length > rule.limit) {
    problems.push({ path, code: 'too-long', limit: rule.limit });
    return undefined;
  }
  return value;
}

function readInteger(
  value: unknown,
  path: string,
  min: number,
  max: number,
  problems: Problems,
): number | undefined {
  if (value === undefined) return report(problems, path, 'missing');
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return report(problems, path, 'not-an-integer');
  }
  if (value < min || value > max) {
    problems.push({ path, code: 'out-of-range', min, max });
    return undefined;
  }
  return value;
}

/**
 * Checks that `value` is a plain object, reports each key outside `keys`, and returns a reader
 * of its own properties (never inherited ones: `constructor` is not a field).
 */
function readObject<K extends string>(
  value: unknown,
  path: string,
  keys: readonly K[],
  problems: Problems,
): ((key: K) => unknown) | undefined {
  if (value === undefined) return report(problems, path, 'missing');
  if (!isRecord(value)) return report(problems, path, 'not-an-object');
  const known: readonly string[] = keys;
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) report(problems, fieldPath(path, key), 'unknown-field');
  }
  return (key) => (Object.hasOwn(value, key) ? value[key] : undefined);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `phases[0].title`; a key that is no identifier is quoted: `["prompt "]`. */
function fieldPath(parent: string, key: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** Pushes a problem and returns undefined, so a reader can `return report(…)`. */
function report(problems: Problems, path: string, code: PlainProblemCode): undefined {
  problems.push({ path, code });
  return undefined;
}

function allDefined<T>(values: readonly (T | undefined)[]): values is readonly T[] {
  return values.every((value) => value !== undefined);
}
