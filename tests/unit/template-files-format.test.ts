import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeTemplateProblem } from '../../lib/i18n/template-problems';
import { MAX_TEMPLATE_FILE_BYTES, MAX_TEMPLATE_ID_LENGTH } from '../../lib/limits';
import { builtInTemplates, parseTemplate, parseTemplateFile } from '../../lib/templates';
import {
  parseTemplateBytes,
  serializeTemplate,
  templateFileName,
  uniqueTemplateId,
} from '../../lib/templates/file';
import type { TemplateProblem, TemplateProblemCode } from '../../lib/templates/problems';
import { en, encode, expectTranslated, nl } from '../helpers/template-files';
import { phase, template } from '../helpers/template-input';

describe('every problem code has a message in both languages', () => {
  // A Record over the code type: a new code fails to compile here until it has an example.
  const examples: Record<TemplateProblemCode, TemplateProblem> = {
    missing: { path: 'name', code: 'missing' },
    'not-an-object': { path: 'name', code: 'not-an-object' },
    'not-an-array': { path: 'phases', code: 'not-an-array' },
    'not-a-string': { path: 'id', code: 'not-a-string' },
    'not-an-integer': { path: 'version', code: 'not-an-integer' },
    'not-a-boolean': { path: 'phases[0].review', code: 'not-a-boolean' },
    'unknown-value': { path: 'phases[0].themes', code: 'unknown-value' },
    empty: { path: 'name.en', code: 'empty' },
    'invalid-id': { path: 'id', code: 'invalid-id' },
    'unknown-kind': { path: 'phases[0].kinds[0]', code: 'unknown-kind' },
    'duplicate-kind': { path: 'phases[0].kinds[1]', code: 'duplicate-kind' },
    'duplicate-id': { path: 'phases[1].id', code: 'duplicate-id' },
    'duplicate-review': { path: 'phases[1].review', code: 'duplicate-review' },
    'kind-not-in-phase': { path: 'phases[0].voting.kinds[0]', code: 'kind-not-in-phase' },
    'nothing-to-vote-on': { path: 'phases[0].voting', code: 'nothing-to-vote-on' },
    'themes-without-insights': { path: 'phases[0].themes', code: 'themes-without-insights' },
    'unknown-field': { path: 'promt', code: 'unknown-field' },
    'too-long': { path: 'name.nl', code: 'too-long', limit: 100 },
    'too-many': { path: 'phases', code: 'too-many', limit: 40 },
    'out-of-range': { path: 'phases[0].minutes', code: 'out-of-range', min: 0, max: 600 },
    'file-too-large': { path: '', code: 'file-too-large', limit: MAX_TEMPLATE_FILE_BYTES },
    'invalid-json': { path: '', code: 'invalid-json', detail: 'Unexpected token' },
    'invalid-utf8': { path: '', code: 'invalid-utf8' },
    'too-many-problems': { path: '', code: 'too-many-problems', limit: 100, omitted: 1 },
  };

  it('with its numbers filled in', () => {
    expectTranslated(Object.values(examples));
    expect(describeTemplateProblem(en, examples['too-long'])).toBe(
      'name.nl: too long: at most 100 characters',
    );
    expect(describeTemplateProblem(nl, examples['out-of-range'])).toBe(
      'phases[0].minutes: moet van 0 tot en met 600 zijn',
    );
    expect(describeTemplateProblem(en, examples['too-many-problems'])).toBe('… and 1 more problem');
  });
});

describe('serializeTemplate', () => {
  it('writes every shipped template with the fields in the order of its file in templates/', () => {
    // Compact, so that the order of keys counts and the layout of the hand-written files not.
    const compact = (json: string) => JSON.stringify(JSON.parse(json));
    for (const shipped of builtInTemplates) {
      const file = readFileSync(`templates/${templateFileName(shipped)}`, 'utf8');
      expect(compact(serializeTemplate(shipped))).toBe(compact(file));
    }
  });

  it('round-trips every shipped template through bytes', () => {
    for (const shipped of builtInTemplates) {
      expect(parseTemplateBytes(encode(serializeTemplate(shipped)))).toEqual({
        ok: true,
        value: shipped,
      });
    }
  });

  it('writes optional fields only when set, with 2-space indent and a final newline', () => {
    const result = parseTemplateFile(JSON.stringify(template({ phases: [phase('one')] })));
    if (!result.ok) throw new Error('expected a template');
    const written = serializeTemplate(result.value);
    expect(written.endsWith('}\n')).toBe(true);
    expect(written).toContain('\n  "phases": [\n    {\n      "id": "one",');
    expect(written).toContain('"kinds": ["insight"],');
    for (const optional of ['learningQuestion', 'review', 'privateWriting', 'themes', 'voting']) {
      expect(written).not.toContain(optional);
    }
    const withMoves = parseTemplate({
      ...template({
        learningQuestion: true,
        phases: [phase('one', { voting: { budget: 3, kinds: ['insight'] }, review: true })],
      }),
    });
    if (!withMoves.ok) throw new Error('expected a template');
    const again = serializeTemplate(withMoves.value);
    expect(again).toContain('"voting": { "budget": 3, "kinds": ["insight"] },');
    expect(parseTemplateFile(again)).toEqual(withMoves);
  });
});

describe('template file names and free ids', () => {
  it('names the file after the id', () => {
    expect(templateFileName({ id: 'my-template' })).toBe('my-template.json');
  });

  it('keeps a free id, else counts up from -2', () => {
    expect(uniqueTemplateId('social-lab', new Set())).toBe('social-lab');
    expect(uniqueTemplateId('social-lab', new Set(['social-lab']))).toBe('social-lab-2');
    expect(uniqueTemplateId('social-lab', new Set(['social-lab', 'social-lab-2']))).toBe(
      'social-lab-3',
    );
  });

  it('stays a valid id within the length limit', () => {
    // Cut to make room for "-2", the base would end in a dash: that dash goes too.
    const long = `${'a'.repeat(MAX_TEMPLATE_ID_LENGTH - 3)}-bc`;
    const id = uniqueTemplateId(long, new Set([long]));
    expect(id).toBe(`${'a'.repeat(MAX_TEMPLATE_ID_LENGTH - 3)}-2`);
    expect(id.length).toBeLessThanOrEqual(MAX_TEMPLATE_ID_LENGTH);
    const parsed = parseTemplate(template({ id }));
    expect(parsed.ok).toBe(true);
  });
});
