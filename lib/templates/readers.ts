import { MAX_TEMPLATE_ID_LENGTH } from '../limits';
import { LOCALES, type LocalizedText } from '../locale';
import { ITEM_KINDS, type ItemKind, isItemKind } from '../session/types';
import type { PlainProblemCode, TemplateProblem } from './problems';

// Each reader checks one value, pushes what is wrong with it and returns the value only when
// it is wholly right. The result is built from fresh, frozen objects: nothing from the input
// (an unknown field, a shared array) leaks into a template that every session reads.

export type Problems = TemplateProblem[];

export interface TextRule {
  readonly limit: number;
  /** Notes and credits may be left empty; names, titles and prompts may not. */
  readonly allowEmpty: boolean;
}

/** Lowercase letters and digits in groups joined by single dashes: safe as a file name. */
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID: TextRule = { limit: MAX_TEMPLATE_ID_LENGTH, allowEmpty: false };

/** Kinds come back in ITEM_KINDS order, whatever order the file lists them in. */
export function readKinds(
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

export function readLocalized(
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

export function readId(value: unknown, path: string, problems: Problems): string | undefined {
  const id = readText(value, path, ID, problems);
  if (id === undefined) return undefined;
  return ID_PATTERN.test(id) ? id : report(problems, path, 'invalid-id');
}

export function readText(
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

export function readInteger(
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

export function readBoolean(value: unknown, path: string, problems: Problems): boolean | undefined {
  if (value === undefined) return report(problems, path, 'missing');
  // Not truthiness: "false" in a file is text, and would otherwise switch the setting on.
  return typeof value === 'boolean' ? value : report(problems, path, 'not-a-boolean');
}

/** One of a fixed list of strings, e.g. a theme policy. */
export function readOption<T extends string>(
  value: unknown,
  path: string,
  options: readonly T[],
  problems: Problems,
): T | undefined {
  if (value === undefined) return report(problems, path, 'missing');
  if (typeof value !== 'string') return report(problems, path, 'not-a-string');
  const known: readonly string[] = options;
  return known.includes(value) ? (value as T) : report(problems, path, 'unknown-value');
}

/**
 * Checks that `value` is a plain object, reports each key outside `keys`, and returns a reader
 * of its own properties (never inherited ones: `constructor` is not a field).
 */
export function readObject<K extends string>(
  value: unknown,
  path: string,
  keys: readonly K[],
  problems: Problems,
): ((key: K) => unknown) | undefined {
  if (value === undefined) return report(problems, path, 'missing');
  if (!isRecord(value)) return report(problems, path, 'not-an-object');
  const known: readonly string[] = keys;
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) report(problems, fieldPath(path, shortKey(key)), 'unknown-field');
  }
  return (key) => (Object.hasOwn(value, key) ? value[key] : undefined);
}

/** Characters of an unknown key a path quotes; a file's key can be as long as the file. */
const MAX_PATH_KEY_LENGTH = 60;

function shortKey(key: string): string {
  return key.length > MAX_PATH_KEY_LENGTH ? `${key.slice(0, MAX_PATH_KEY_LENGTH)}…` : key;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `phases[0].title`; a key that is no identifier is quoted: `["prompt "]`. */
export function fieldPath(parent: string, key: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** Pushes a problem and returns undefined, so a reader can `return report(…)`. */
export function report(problems: Problems, path: string, code: PlainProblemCode): undefined {
  problems.push({ path, code });
  return undefined;
}

export function allDefined<T>(values: readonly (T | undefined)[]): values is readonly T[] {
  return values.every((value) => value !== undefined);
}
