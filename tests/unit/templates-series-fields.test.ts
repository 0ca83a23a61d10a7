import { describe, expect, it } from 'vitest';
import { builtInTemplates, formatTemplateProblem, parseTemplate } from '../../lib/templates';
import { phase, problemsOf, template } from '../helpers/template-input';

/** Issue 8: the two fields that make a template part of a series. */

function parsed(input: unknown) {
  const result = parseTemplate(input);
  if (!result.ok) throw new Error(result.error.map(formatTemplateProblem).join('\n'));
  return result.value;
}

describe('learningQuestion on a template', () => {
  it('is read when true or false, and absent when the file leaves it out', () => {
    expect(parsed(template({ learningQuestion: true })).learningQuestion).toBe(true);
    expect(parsed(template({ learningQuestion: false })).learningQuestion).toBe(false);
    expect('learningQuestion' in parsed(template())).toBe(false);
  });

  it.each([['true'], [1], [null], [{}]])('is refused as %j: not a boolean', (value) => {
    expect(problemsOf(template({ learningQuestion: value }))).toEqual([
      'learningQuestion: not-a-boolean',
    ]);
  });

  it('is a template field, not a phase field', () => {
    const phases = [phase('one', { learningQuestion: true })];
    expect(problemsOf(template({ phases }))).toEqual(['phases[0].learningQuestion: unknown-field']);
  });
});

describe('review on a phase', () => {
  it('is read on the phase that has it, and absent on the others', () => {
    const read = parsed(template({ phases: [phase('look-back', { review: true }), phase('on')] }));
    expect(read.phases[0]?.review).toBe(true);
    expect('review' in (read.phases[1] ?? {})).toBe(false);
  });

  it.each([['yes'], [0], [[]]])('is refused as %j: not a boolean', (value) => {
    expect(problemsOf(template({ phases: [phase('one', { review: value })] }))).toEqual([
      'phases[0].review: not-a-boolean',
    ]);
  });

  it('is refused on a second phase, at the later one, with the other problems', () => {
    const phases = [
      phase('one', { review: true }),
      phase('two', { review: false }),
      phase('three', { review: true }),
      phase('four', { review: true, minutes: -1 }),
    ];
    expect(problemsOf(template({ phases }))).toEqual([
      'phases[2].review: duplicate-review',
      'phases[3].minutes: out-of-range (0..600)',
      'phases[3].review: duplicate-review',
    ]);
  });

  it('may be false on every phase', () => {
    const phases = [phase('one', { review: false }), phase('two', { review: false })];
    expect(parsed(template({ phases })).phases.every((p) => p.review === false)).toBe(true);
  });
});

describe('the shipped templates', () => {
  it('are all valid, with at most one review phase each', () => {
    for (const shipped of builtInTemplates) {
      expect(parseTemplate(JSON.parse(JSON.stringify(shipped))).ok, shipped.id).toBe(true);
      const reviews = shipped.phases.filter((p) => p.review === true);
      expect(reviews.length, shipped.id).toBeLessThanOrEqual(1);
    }
  });

  it('open the social lab with its review phase', () => {
    const lab = builtInTemplates.find((t) => t.id === 'social-lab');
    expect(lab?.version).toBe(3);
    expect(lab?.phases[0]).toMatchObject({ id: 'review', review: true });
  });
});
