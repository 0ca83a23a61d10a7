import { describe, expect, it } from 'vitest';
import {
  MAX_PHASE_MINUTES,
  MAX_PHASE_TEXT_LENGTH,
  MAX_PHASES,
  MAX_TEMPLATE_FILE_BYTES,
  MAX_TEMPLATE_ID_LENGTH,
} from '../../lib/limits';
import { formatTemplateProblem, parseTemplate, parseTemplateFile } from '../../lib/templates';
import { fileProblems, omit, phase, problemsOf, template, text } from '../helpers/template-input';

describe('parseTemplate accepts', () => {
  it('a valid template, with kinds in ITEM_KINDS order', () => {
    const result = parseTemplate(
      template({ phases: [phase('one', { kinds: ['action', 'question'] })] }),
    );
    expect(result.ok && result.value.phases[0]?.kinds).toEqual(['question', 'action']);
  });

  it('empty notes and credits, and a spoken phase without kinds', () => {
    const result = parseTemplate(template({ phases: [phase('round', { kinds: [] })] }));
    expect(result.ok).toBe(true);
  });

  it('texts and counts exactly at their limits', () => {
    const longest = 'x'.repeat(MAX_PHASE_TEXT_LENGTH);
    const phases = Array.from({ length: MAX_PHASES }, (_, i) =>
      phase(`p${i}`, { prompt: text(longest), minutes: MAX_PHASE_MINUTES }),
    );
    expect(parseTemplate(template({ id: 'a'.repeat(MAX_TEMPLATE_ID_LENGTH), phases })).ok).toBe(
      true,
    );
  });

  it('into a frozen copy that later changes to the input cannot reach', () => {
    const input = template();
    const result = parseTemplate(input);
    if (!result.ok) throw new Error('expected a valid template');
    (input.name as { en: string }).en = 'Changed';
    expect(result.value.name.en).toBe('My template');
    expect(Object.isFrozen(result.value.phases[0]?.kinds)).toBe(true);
  });
});
describe('parseTemplate refuses', () => {
  it.each([null, [], 'social-lab', 42])('a value that is no object: %j', (input) => {
    expect(problemsOf(input)).toEqual(['(root): not-an-object']);
  });

  it('a missing field, at its path', () => {
    expect(problemsOf(omit(template(), 'name'))).toEqual(['name: missing']);
    const phases = [phase('one'), phase('two', { prompt: { en: 'Only English?' } })];
    expect(problemsOf(template({ phases }))).toEqual(['phases[1].prompt.nl: missing']);
  });

  it('values of the wrong type', () => {
    expect(problemsOf(template({ version: '1', name: 'My template', phases: {} }))).toEqual([
      'version: not-an-integer',
      'name: not-an-object',
      'phases: not-an-array',
    ]);
    const phases = ['one', phase('two', { title: { en: 'Title', nl: 3 }, minutes: 2.5 })];
    expect(problemsOf(template({ phases }))).toEqual([
      'phases[0]: not-an-object',
      'phases[1].title.nl: not-a-string',
      'phases[1].minutes: not-an-integer',
    ]);
  });

  it('empty names and an empty phase list', () => {
    expect(problemsOf(template({ name: text('  ', 'Naam'), phases: [] }))).toEqual([
      'name.en: empty',
      'phases: empty',
    ]);
  });

  it('ids that are not lowercase words joined by dashes, or too long', () => {
    const phases = [phase('-one'), phase('Two'), phase('a'.repeat(MAX_TEMPLATE_ID_LENGTH + 1))];
    expect(problemsOf(template({ id: 'My template', phases }))).toEqual([
      'id: invalid-id',
      'phases[0].id: invalid-id',
      'phases[1].id: invalid-id',
      `phases[2].id: too-long (limit ${MAX_TEMPLATE_ID_LENGTH})`,
    ]);
  });

  it('a duplicate phase id, at the later phase', () => {
    const phases = [phase('one'), phase('two'), phase('one')];
    expect(problemsOf(template({ phases }))).toEqual(['phases[2].id: duplicate-id']);
  });

  it('unknown and repeated kinds', () => {
    const phases = [phase('one', { kinds: ['insight', 'idea', 'insight', 7] })];
    expect(problemsOf(template({ phases }))).toEqual([
      'phases[0].kinds[1]: unknown-kind',
      'phases[0].kinds[2]: duplicate-kind',
      'phases[0].kinds[3]: not-a-string',
    ]);
  });

  it('a text one character over its limit, with the limit', () => {
    const tooLong = 'x'.repeat(MAX_PHASE_TEXT_LENGTH + 1);
    const result = parseTemplate(
      template({ phases: [phase('one', { notes: text('', tooLong) })] }),
    );
    expect(result).toEqual({
      ok: false,
      error: [{ path: 'phases[0].notes.nl', code: 'too-long', limit: MAX_PHASE_TEXT_LENGTH }],
    });
  });

  it('numbers out of range, with the range', () => {
    const phases = [
      phase('one', { minutes: MAX_PHASE_MINUTES + 1 }),
      phase('two', { minutes: -1 }),
    ];
    expect(problemsOf(template({ version: 0, phases }))).toEqual([
      `version: out-of-range (1..${Number.MAX_SAFE_INTEGER})`,
      `phases[0].minutes: out-of-range (0..${MAX_PHASE_MINUTES})`,
      `phases[1].minutes: out-of-range (0..${MAX_PHASE_MINUTES})`,
    ]);
  });

  it('too many phases, and still checks each of them', () => {
    const phases = Array.from({ length: MAX_PHASES + 1 }, (_, i) => phase(`p${i}`));
    phases[5] = omit(phase('p5'), 'prompt');
    expect(parseTemplate(template({ phases }))).toEqual({
      ok: false,
      error: [
        { path: 'phases', code: 'too-many', limit: MAX_PHASES },
        { path: 'phases[5].prompt', code: 'missing' },
      ],
    });
  });

  it('unknown fields, so a typo is never ignored', () => {
    const phases = [omit(phase('one', { promt: text('Typo?') }), 'prompt')];
    const name = { en: 'Name', nl: 'Naam', de: 'Name' };
    expect(problemsOf(template({ descripton: 'x', name, phases }))).toEqual([
      'descripton: unknown-field',
      'name.de: unknown-field',
      'phases[0].promt: unknown-field',
      'phases[0].prompt: missing',
    ]);
  });

  it('an unknown field whose name is no identifier, quoted in the path', () => {
    expect(problemsOf(template({ phases: [phase('one', { 'prompt ': 'x' })] }))).toEqual([
      'phases[0]["prompt "]: unknown-field',
    ]);
  });

  it('reporting every problem at once, in document order', () => {
    const phases = [
      phase('intro', { kinds: 'question', minutes: '5' }),
      phase('intro', { title: text('', 'Titel'), prompt: 'Hi' }),
    ];
    expect(problemsOf(omit(template({ id: '', version: 1.5, phases }), 'credits'))).toEqual([
      'id: empty',
      'version: not-an-integer',
      'credits: missing',
      'phases[0].kinds: not-an-array',
      'phases[0].minutes: not-an-integer',
      'phases[1].id: duplicate-id',
      'phases[1].title.en: empty',
      'phases[1].prompt: not-an-object',
    ]);
  });
});

describe('parseTemplateFile', () => {
  const valid = JSON.stringify(template(), null, 2);

  it('parses a valid file, with or without a byte order mark', () => {
    expect(parseTemplateFile(valid).ok).toBe(true);
    expect(parseTemplateFile(`\uFEFF${valid}`).ok).toBe(true);
  });

  it.each([
    ['cut-off', valid.slice(0, 40)],
    ['empty', ''],
    ['trailing comma', '{"id": "x",}'],
  ])('reports an invalid (%s) file as invalid-json at the root', (_, fileText) => {
    expect(fileProblems(fileText)).toEqual([
      { path: '', code: 'invalid-json', detail: expect.any(String) },
    ]);
  });

  it('checks a parsed file like any other value', () => {
    expect(fileProblems('[1, 2]')).toEqual([{ path: '', code: 'not-an-object' }]);
  });

  it('survives deep nesting', () => {
    expect(fileProblems(`${'['.repeat(50_000)}${']'.repeat(50_000)}`)).toEqual([
      { path: '', code: 'not-an-object' },
    ]);
  });

  it('refuses a file over the size limit without parsing it', () => {
    const tooLarge = [{ path: '', code: 'file-too-large', limit: MAX_TEMPLATE_FILE_BYTES }];
    expect(fileProblems(valid + ' '.repeat(MAX_TEMPLATE_FILE_BYTES))).toEqual(tooLarge);
  });

  it('counts the limit in UTF-8 bytes, not characters', () => {
    const exactlyAtLimit = valid + ' '.repeat(MAX_TEMPLATE_FILE_BYTES - valid.length);
    expect(parseTemplateFile(exactlyAtLimit).ok).toBe(true);
    // 'é' is one character but two bytes: fewer characters than the limit, more bytes.
    const halfTooMany = `"${'é'.repeat(MAX_TEMPLATE_FILE_BYTES / 2)}"`;
    expect(halfTooMany.length).toBeLessThan(MAX_TEMPLATE_FILE_BYTES);
    expect(fileProblems(halfTooMany)).toEqual([
      { path: '', code: 'file-too-large', limit: MAX_TEMPLATE_FILE_BYTES },
    ]);
  });
});

describe('formatTemplateProblem', () => {
  it('writes one English line per problem', () => {
    expect(formatTemplateProblem({ path: 'phases[2].prompt.nl', code: 'missing' })).toBe(
      'phases[2].prompt.nl: missing',
    );
    expect(formatTemplateProblem({ path: 'phases', code: 'too-many', limit: 40 })).toBe(
      'phases: too-many (limit 40)',
    );
    expect(
      formatTemplateProblem({ path: '', code: 'invalid-json', detail: 'Unexpected end' }),
    ).toBe('(root): invalid-json (Unexpected end)');
  });
});
