import { MAX_TEMPLATE_FILE_BYTES, MAX_TEMPLATE_ID_LENGTH } from '../limits';
import { err, type Result } from '../result';
import type { TemplateProblem } from './problems';
import type { Template, TemplatePhase, TemplateVoting } from './types';
import { parseTemplateFile } from './validate';

/**
 * A template as a file on disk: what Export writes and Import reads (templates/README.md
 * documents the format). Core code, no DOM: the app layer turns a picked file into bytes and
 * hands the text to `platform.download`.
 */

/**
 * Reads a template file's bytes, exactly as they came from the disk or a colleague's mail.
 * Never throws. Refused, each at path '': a file over MAX_TEMPLATE_FILE_BYTES (before it is
 * decoded, so a huge file costs nothing), bytes that are not UTF-8 (`invalid-utf8`: a file
 * saved as UTF-16 or Latin-1 would otherwise turn into quiet garbage), then everything
 * `parseTemplateFile` refuses. A UTF-8 byte order mark is allowed.
 */
export function parseTemplateBytes(bytes: Uint8Array): Result<Template, TemplateProblem[]> {
  if (bytes.byteLength > MAX_TEMPLATE_FILE_BYTES) {
    return err([{ path: '', code: 'file-too-large', limit: MAX_TEMPLATE_FILE_BYTES }]);
  }
  let text: string;
  try {
    // `fatal`: a malformed sequence throws instead of becoming U+FFFD. The decoder drops a
    // leading byte order mark itself.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return err([{ path: '', code: 'invalid-utf8' }]);
  }
  return parseTemplateFile(text);
}

// The order fields are written in: the order of the shipped files in templates/ (a phase's
// settings before its long notes). `satisfies` and the checks below keep each list complete:
// a field added to the types fails to compile here until it has its place in the file.
const TEMPLATE_KEYS = [
  'id',
  'version',
  'name',
  'purpose',
  'credits',
  'learningQuestion',
  'phases',
] as const satisfies readonly (keyof Template)[];
const PHASE_KEYS = [
  'id',
  'title',
  'prompt',
  'kinds',
  'minutes',
  'review',
  'privateWriting',
  'themes',
  'voting',
  'notes',
] as const satisfies readonly (keyof TemplatePhase)[];
const VOTING_KEYS = [
  'budget',
  'maxPerItem',
  'kinds',
] as const satisfies readonly (keyof TemplateVoting)[];

type Complete<Listed, All> = [Exclude<All, Listed>] extends [never] ? true : never;
const _templateKeysComplete: Complete<(typeof TEMPLATE_KEYS)[number], keyof Template> = true;
const _phaseKeysComplete: Complete<(typeof PHASE_KEYS)[number], keyof TemplatePhase> = true;
const _votingKeysComplete: Complete<(typeof VOTING_KEYS)[number], keyof TemplateVoting> = true;
void [_templateKeysComplete, _phaseKeysComplete, _votingKeysComplete];

/**
 * The template as the documented JSON file: fields in a stable order, 2-space indent, short
 * lists of words (`kinds`) on one line, as in templates/*.json, and a trailing newline.
 * Optional fields appear only when set, so a file without facilitation moves stays as small
 * as one written by hand. `parseTemplateFile(serializeTemplate(t))` gives `t` back.
 */
export function serializeTemplate(template: Template): string {
  const phases = template.phases.map((phase) => {
    const voting = phase.voting && ordered(phase.voting, VOTING_KEYS);
    return ordered({ ...phase, voting }, PHASE_KEYS);
  });
  return `${pretty(ordered({ ...template, phases }, TEMPLATE_KEYS), '')}\n`;
}

/** The file name Export offers: the id, which is already safe as a file name. */
export function templateFileName(template: Pick<Template, 'id'>): string {
  return `${template.id}.json`;
}

/**
 * `base` when it is free, else `base-2`, `base-3`, … : the id "Keep both" gives an imported
 * template whose id is taken. `base` must be a valid template id; the result is one too, also
 * at the length limit (the base is shortened, never the number).
 */
export function uniqueTemplateId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    // Cutting the base may leave a dash at its end: `a-b-…-` + `-2` would be two dashes.
    const stem = base.slice(0, MAX_TEMPLATE_ID_LENGTH - suffix.length).replace(/-+$/, '');
    const candidate = `${stem}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A fresh object with `keys` in that order, leaving out the ones that are not set. */
function ordered<T extends object>(value: T, keys: readonly (keyof T)[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    if (value[key] !== undefined) result[key as string] = value[key];
  }
  return result;
}

/**
 * JSON.stringify's 2-space layout with the shipped files' two exceptions: a list of words or
 * numbers (`kinds`) and an object of numbers and such lists (`voting`) sit on one line. Texts
 * are always on lines of their own, where a long one is easy to read and to change.
 */
function pretty(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (isFlat(value)) return flat(value);
  if (Array.isArray(value)) {
    return `[\n${value.map((entry) => inner + pretty(entry, inner)).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const lines = entries.map(
      ([key, entry]) => `${inner}${JSON.stringify(key)}: ${pretty(entry, inner)}`,
    );
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function isPrimitive(value: unknown): boolean {
  return typeof value !== 'object' || value === null;
}

/** A list of primitives, or an object whose values are numbers, booleans or such lists. */
function isFlat(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isPrimitive);
  if (typeof value !== 'object' || value === null) return true;
  const entries = Object.values(value);
  return (
    entries.length > 0 &&
    entries.every((entry) =>
      Array.isArray(entry)
        ? entry.every(isPrimitive)
        : isPrimitive(entry) && typeof entry !== 'string',
    )
  );
}

function flat(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((entry) => JSON.stringify(entry)).join(', ')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries = Object.entries(value).map(
    ([key, entry]) => `${JSON.stringify(key)}: ${flat(entry)}`,
  );
  return `{ ${entries.join(', ')} }`;
}
