import { describe, expect, it } from 'vitest';
import { describeTemplateProblem } from '../../lib/i18n/template-problems';
import { MAX_PHASES, MAX_TEMPLATE_FILE_BYTES, MAX_TEMPLATE_PROBLEMS } from '../../lib/limits';
import { parseTemplate } from '../../lib/templates';
import { parseTemplateBytes } from '../../lib/templates/file';
import type { TemplateProblem } from '../../lib/templates/problems';
import { en, encode, expectTranslated, fileOf, nl, refused } from '../helpers/template-files';
import { phase, template, text } from '../helpers/template-input';

describe('an imported file is refused with every problem by path, in English and Dutch', () => {
  it('wrong types at every level', () => {
    const phases = [
      phase('one', {
        title: 'Title',
        kinds: 'insight',
        minutes: '10',
        privateWriting: 'true',
        themes: 1,
        voting: { budget: '3', kinds: [2] },
      }),
      'a phase',
      phase('three', { prompt: { en: 5, nl: null }, review: 'yes' }),
    ];
    const problems = refused(
      fileOf(template({ id: 7, version: '1', name: ['My template'], credits: null, phases })),
    );
    expect(problems).toEqual([
      { path: 'id', code: 'not-a-string' },
      { path: 'version', code: 'not-an-integer' },
      { path: 'name', code: 'not-an-object' },
      { path: 'credits', code: 'not-an-object' },
      { path: 'phases[0].title', code: 'not-an-object' },
      { path: 'phases[0].kinds', code: 'not-an-array' },
      { path: 'phases[0].minutes', code: 'not-an-integer' },
      { path: 'phases[0].privateWriting', code: 'not-a-boolean' },
      { path: 'phases[0].themes', code: 'not-a-string' },
      { path: 'phases[0].voting.budget', code: 'not-an-integer' },
      { path: 'phases[0].voting.kinds[0]', code: 'not-a-string' },
      { path: 'phases[1]', code: 'not-an-object' },
      { path: 'phases[2].prompt.en', code: 'not-a-string' },
      { path: 'phases[2].prompt.nl', code: 'not-a-string' },
      { path: 'phases[2].review', code: 'not-a-boolean' },
    ]);
    expectTranslated(problems);
    expect(refused(fileOf([template()]))).toEqual([{ path: '', code: 'not-an-object' }]);
    expect(refused(encode('"a template"'))).toEqual([{ path: '', code: 'not-an-object' }]);
    expect(refused(encode('null'))).toEqual([{ path: '', code: 'not-an-object' }]);
  });

  it('names a missing text as the issue shows it: phases[2].prompt.nl', () => {
    const phases = [phase('one'), phase('two'), phase('three', { prompt: { en: 'Why?' } })];
    const [problem] = refused(fileOf(template({ phases })));
    expect(problem).toEqual({ path: 'phases[2].prompt.nl', code: 'missing' });
    if (!problem) return;
    expect(describeTemplateProblem(en, problem)).toBe('phases[2].prompt.nl: this field is missing');
    expect(describeTemplateProblem(nl, problem)).toBe('phases[2].prompt.nl: dit veld ontbreekt');
  });

  it('unknown fields at every level, so a typo is never a lost prompt', () => {
    const phases = [phase('one', { promt: text('Typo'), voting: { budget: 2, max: 1 } })];
    const problems = refused(
      fileOf(template({ phases, name: { ...text('A', 'B'), de: 'C' }, extra: { deep: [1] } })),
    );
    expect(problems).toEqual([
      { path: 'extra', code: 'unknown-field' },
      { path: 'name.de', code: 'unknown-field' },
      { path: 'phases[0].promt', code: 'unknown-field' },
      { path: 'phases[0].voting.max', code: 'unknown-field' },
    ]);
    expectTranslated(problems);
  });

  it('10,000 phases: one too-many problem, not 10,000', () => {
    // As a value (a stored template is one): the 9,960 phases past the limit are not checked.
    const phases = Array.from({ length: 10_000 }, (_, index) => phase(`p${index}`));
    const copies = parseTemplate(template({ phases }));
    expect(copies).toEqual({
      ok: false,
      error: [{ path: 'phases', code: 'too-many', limit: MAX_PHASES }],
    });
    // As a file, 10,000 phases fit under the size limit only when they are tiny.
    const problems = refused(fileOf(template({ phases: Array.from({ length: 10_000 }, () => 0) })));
    expect(problems.filter((problem) => problem.code === 'too-many')).toHaveLength(1);
    expect(problems[0]).toEqual({ path: 'phases', code: 'too-many', limit: MAX_PHASES });
    expect(problems).toHaveLength(1 + MAX_PHASES); // phases[0] … phases[39]: not-an-object
    expectTranslated(problems);
    expect(describeTemplateProblem(en, problems[0] as TemplateProblem)).toBe(
      `phases: too many: at most ${MAX_PHASES}`,
    );
  });

  it('a hostile file with thousands of problems lists a hundred and counts the rest', () => {
    // 40 phases checked, each missing six fields: 240 problems, and 5,000 unknown fields.
    const phases = Array.from({ length: 5_000 }, () => ({}));
    const unknown = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`x${i}`, i]));
    const problems = refused(fileOf({ ...template({ phases }), ...unknown }));
    expect(problems).toHaveLength(MAX_TEMPLATE_PROBLEMS + 1);
    expect(problems.at(-1)).toEqual({
      path: '',
      code: 'too-many-problems',
      limit: MAX_TEMPLATE_PROBLEMS,
      omitted: 5_000 + 1 + MAX_PHASES * 6 - MAX_TEMPLATE_PROBLEMS,
    });
    expect(describeTemplateProblem(en, problems.at(-1) as TemplateProblem)).toBe(
      '… and 5,141 more problems',
    );
    expect(describeTemplateProblem(nl, problems.at(-1) as TemplateProblem)).toBe(
      '… en nog 5.141 problemen',
    );
    expectTranslated(problems);
  });

  it('a 5 MB file, before decoding or parsing it', () => {
    const huge = new Uint8Array(5 * 1024 * 1024).fill(0xff); // not even UTF-8
    const problems = refused(huge);
    expect(problems).toEqual([
      { path: '', code: 'file-too-large', limit: MAX_TEMPLATE_FILE_BYTES },
    ]);
    expectTranslated(problems);
    expect(describeTemplateProblem(nl, problems[0] as TemplateProblem)).toBe(
      'bestand: te groot: een werkvormbestand is hoogstens 256 kB',
    );
    const padded = encode(JSON.stringify(template()) + ' '.repeat(5 * 1024 * 1024));
    expect(refused(padded)).toEqual(problems);
  });

  it('deep nesting, in an unknown field and in phases, without throwing', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const valid = JSON.stringify(template());
    const inField = refused(encode(`${valid.slice(0, -1)},"deep":${deep}}`));
    expect(inField).toEqual([{ path: 'deep', code: 'unknown-field' }]);
    const inPhases = refused(encode(valid.replace(/"phases":\[/, `"phases":[${deep},`)));
    expect(inPhases).toEqual([{ path: 'phases[0]', code: 'not-an-object' }]);
    // 40,000 levels of objects: as deep as the size limit lets them be.
    const objects = `${'{"a":'.repeat(40_000)}1${'}'.repeat(40_000)}`;
    expect(refused(encode(`${valid.slice(0, -1)},"deep":${objects}}`))).toEqual([
      { path: 'deep', code: 'unknown-field' },
    ]);
    // Unbalanced: whatever the parser throws (a syntax or a range error) is invalid-json.
    const broken = refused(encode('['.repeat(100_000)));
    expect(broken).toMatchObject([{ path: '', code: 'invalid-json' }]);
    expectTranslated([...inField, ...inPhases, ...broken]);
  });

  it('__proto__, constructor and prototype keys: unknown fields that pollute nothing', () => {
    const valid = JSON.stringify(template({ phases: [phase('one')] }));
    const file =
      `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${valid.slice(1)}`
        .replace('"name":{', '"name":{"__proto__":{"polluted":true},"constructor":1,')
        .replace('"kinds":', '"prototype":1,"kinds":');
    const problems = refused(encode(file));
    expect(problems).toEqual([
      { path: '__proto__', code: 'unknown-field' },
      { path: 'constructor', code: 'unknown-field' },
      { path: 'name.__proto__', code: 'unknown-field' },
      { path: 'name.constructor', code: 'unknown-field' },
      { path: 'phases[0].prototype', code: 'unknown-field' },
    ]);
    expectTranslated(problems);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a valid template comes back as a fresh frozen object with nothing of the input', () => {
    const input = JSON.parse(JSON.stringify(template()));
    const result = parseTemplate(input);
    if (!result.ok) throw new Error('expected a template');
    const parsed = result.value;
    expect(parsed).not.toBe(input);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    for (const part of [
      parsed,
      parsed.name,
      parsed.phases,
      parsed.phases[0],
      parsed.phases[0]?.kinds,
    ]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    input.phases[0].title.en = 'Changed';
    expect(parsed.phases[0]?.title.en).toBe('Title');
  });

  it('invalid UTF-8 (a UTF-16 file, a stray byte), but a byte order mark is fine', () => {
    const valid = JSON.stringify(template());
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...valid].flatMap((c) => [c.charCodeAt(0), 0])]);
    const stray = encode(valid.replace('My template', 'My \u0000template'));
    stray[stray.indexOf(0)] = 0xc3; // the first byte of "é" without its second
    for (const bytes of [utf16, stray]) {
      const problems = refused(bytes);
      expect(problems).toEqual([{ path: '', code: 'invalid-utf8' }]);
      expectTranslated(problems);
    }
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(valid)]);
    expect(parseTemplateBytes(withBom).ok).toBe(true);
  });

  it('duplicate phase ids and kinds, and a second review phase, at the later one', () => {
    const phases = [
      phase('one', { review: true }),
      phase('one', { kinds: ['insight', 'insight'] }),
      phase('three', { review: true }),
    ];
    const problems = refused(fileOf(template({ phases })));
    expect(problems).toEqual([
      { path: 'phases[1].id', code: 'duplicate-id' },
      { path: 'phases[1].kinds[1]', code: 'duplicate-kind' },
      { path: 'phases[2].review', code: 'duplicate-review' },
    ]);
    expectTranslated(problems);
  });

  it('a file that is not JSON', () => {
    const problems = refused(encode('{"id": "my-template",}'));
    expect(problems).toMatchObject([{ path: '', code: 'invalid-json' }]);
    expectTranslated(problems);
  });

  it('an absurdly long unknown key is shortened in its path', () => {
    const key = 'k'.repeat(100_000);
    const [problem] = refused(fileOf(template({ [key]: 1 })));
    expect(problem?.code).toBe('unknown-field');
    expect(problem?.path.length).toBeLessThan(100);
  });
});
