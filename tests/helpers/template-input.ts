import {
  formatTemplateProblem,
  parseTemplate,
  parseTemplateFile,
  type TemplateProblem,
} from '../../lib/templates';

// A small valid template as a file would hold it; each test breaks one thing on purpose.
export const text = (en: string, nl = en) => ({ en, nl });

export function phase(
  id: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    title: text('Title', 'Titel'),
    prompt: text('What do you notice?', 'Wat valt je op?'),
    kinds: ['insight'],
    minutes: 10,
    notes: text(''),
    ...overrides,
  };
}

export function template(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'my-template',
    version: 1,
    name: text('My template', 'Mijn sjabloon'),
    purpose: text('To test.', 'Om te testen.'),
    credits: text(''),
    phases: [phase('one'), phase('two')],
    ...overrides,
  };
}

export function omit(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _omitted, ...rest } = value;
  return rest;
}

/** The problems of an input that must be refused, as `path: code` lines. */
export function problemsOf(input: unknown): string[] {
  const result = parseTemplate(input);
  if (result.ok) throw new Error('expected the template to be refused');
  return result.error.map(formatTemplateProblem);
}

export function fileProblems(fileText: string): TemplateProblem[] {
  const result = parseTemplateFile(fileText);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}
