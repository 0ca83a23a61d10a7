import { expect } from 'vitest';
import { describeTemplateProblem } from '../../lib/i18n/template-problems';
import { translator } from '../../lib/i18n/translate';
import { parseTemplateBytes } from '../../lib/templates/file';
import type { TemplateProblem } from '../../lib/templates/problems';

export const en = translator('en');
export const nl = translator('nl');
export const encode = (value: string) => new TextEncoder().encode(value);
export const fileOf = (value: unknown) => encode(JSON.stringify(value));

/** The problems an imported file is refused with. */
export function refused(bytes: Uint8Array): TemplateProblem[] {
  const result = parseTemplateBytes(bytes);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

/**
 * Each problem as a person reads it, in both languages: the path as the file spells it, then
 * an explanation that is really translated (no key, no leftover `{parameter}`).
 */
export function expectTranslated(problems: readonly TemplateProblem[]): void {
  for (const problem of problems) {
    const english = describeTemplateProblem(en, problem);
    const dutch = describeTemplateProblem(nl, problem);
    if (problem.code !== 'too-many-problems') {
      const where = problem.path === '' ? ['file: ', 'bestand: '] : [`${problem.path}: `];
      expect(english.startsWith(where[0] ?? '')).toBe(true);
      expect(dutch.startsWith(where[1] ?? where[0] ?? '')).toBe(true);
    }
    for (const line of [english, dutch]) {
      expect(line).not.toMatch(/templateFile\.|\{\w+\}/);
    }
    expect(dutch).not.toBe(english);
  }
}
