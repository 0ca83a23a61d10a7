import { describe, expect, it } from 'vitest';
import { MAX_PHASE_MINUTES, MAX_VOTE_BUDGET } from '../../lib/limits';
import { formatTemplateProblem, parseTemplate } from '../../lib/templates';
import { phase, problemsOf, template } from '../helpers/template-input';

describe('parseTemplate reads the facilitation moves', () => {
  it('into the phase, with a voting preset’s kinds in ITEM_KINDS order', () => {
    const voting = {
      budget: MAX_VOTE_BUDGET,
      maxPerItem: MAX_VOTE_BUDGET,
      kinds: ['action', 'insight'],
    };
    const moves = { privateWriting: true, themes: 'anyone', voting };
    const kinds = ['question', 'insight', 'action'];
    const result = parseTemplate(template({ phases: [phase('one', { kinds, ...moves })] }));
    if (!result.ok) throw new Error(result.error.map(formatTemplateProblem).join('\n'));
    expect(result.value.phases[0]).toMatchObject({
      privateWriting: true,
      themes: 'anyone',
      voting: {
        budget: MAX_VOTE_BUDGET,
        maxPerItem: MAX_VOTE_BUDGET,
        kinds: ['insight', 'action'],
      },
    });
    expect(Object.isFrozen(result.value.phases[0]?.voting?.kinds)).toBe(true);
  });

  it('as absent when a file (written before them) leaves them out', () => {
    const result = parseTemplate(template({ phases: [phase('one', { kinds: [] })] }));
    if (!result.ok) throw new Error('expected a valid template');
    expect(Object.keys(result.value.phases[0] ?? {})).toEqual([
      'id',
      'title',
      'prompt',
      'kinds',
      'minutes',
      'notes',
    ]);
  });

  it('with themes off and no voting on a phase that collects no insights', () => {
    const phases = [phase('round', { kinds: [], themes: 'off', privateWriting: false })];
    expect(parseTemplate(template({ phases })).ok).toBe(true);
  });
});

describe('parseTemplate refuses a facilitation move', () => {
  /** The problems of a template whose third phase gets `overrides`. */
  const problemsOfThird = (overrides: Record<string, unknown>) =>
    problemsOf(template({ phases: [phase('a'), phase('b'), phase('c', overrides)] }));

  it('of the wrong type, at its path', () => {
    expect(problemsOfThird({ privateWriting: 'true', themes: 1, voting: 3 })).toEqual([
      'phases[2].privateWriting: not-a-boolean',
      'phases[2].themes: not-a-string',
      'phases[2].voting: not-an-object',
    ]);
    expect(problemsOfThird({ voting: [{ budget: 3 }] })).toEqual([
      'phases[2].voting: not-an-object',
    ]);
  });

  it('with a themes value that is not off, anyone or facilitator', () => {
    expect(problemsOfThird({ themes: 'everyone' })).toEqual(['phases[2].themes: unknown-value']);
  });

  it('with themes on a phase that collects no insights', () => {
    expect(problemsOfThird({ kinds: ['action'], themes: 'facilitator' })).toEqual([
      'phases[2].themes: themes-without-insights',
    ]);
  });

  it.each([0, MAX_VOTE_BUDGET + 1, -3])('with a budget of %d dots, with the range', (budget) => {
    expect(problemsOfThird({ voting: { budget } })).toEqual([
      `phases[2].voting.budget: out-of-range (1..${MAX_VOTE_BUDGET})`,
    ]);
  });

  it.each([2.5, '3', null])('with a budget that is no whole number: %j', (budget) => {
    expect(problemsOfThird({ voting: { budget } })).toEqual([
      'phases[2].voting.budget: not-an-integer',
    ]);
  });

  it('without a budget, or with a field voting does not have', () => {
    expect(problemsOfThird({ voting: { maxPerItem: 1, showLive: true } })).toEqual([
      'phases[2].voting.showLive: unknown-field',
      'phases[2].voting.budget: missing',
    ]);
  });

  it('with more dots per item than the budget, or none', () => {
    expect(problemsOfThird({ voting: { budget: 3, maxPerItem: 4 } })).toEqual([
      'phases[2].voting.maxPerItem: out-of-range (1..3)',
    ]);
    expect(problemsOfThird({ voting: { budget: 3, maxPerItem: 0 } })).toEqual([
      'phases[2].voting.maxPerItem: out-of-range (1..3)',
    ]);
    expect(problemsOfThird({ voting: { budget: 3, maxPerItem: 1.5 } })).toEqual([
      'phases[2].voting.maxPerItem: not-an-integer',
    ]);
  });

  it('with voting kinds the phase does not collect', () => {
    const voting = { budget: 3, kinds: ['insight', 'action', 'question'] };
    expect(problemsOfThird({ kinds: ['insight', 'question'], voting })).toEqual([
      'phases[2].voting.kinds[1]: kind-not-in-phase',
    ]);
  });

  it('with duplicate, unknown or no voting kinds', () => {
    expect(problemsOfThird({ voting: { budget: 3, kinds: ['insight', 'insight'] } })).toEqual([
      'phases[2].voting.kinds[1]: duplicate-kind',
    ]);
    expect(problemsOfThird({ voting: { budget: 3, kinds: ['idea'] } })).toEqual([
      'phases[2].voting.kinds[0]: unknown-kind',
    ]);
    expect(problemsOfThird({ voting: { budget: 3, kinds: [] } })).toEqual([
      'phases[2].voting.kinds: empty',
    ]);
    expect(problemsOfThird({ voting: { budget: 3, kinds: 'insight' } })).toEqual([
      'phases[2].voting.kinds: not-an-array',
    ]);
  });

  it('with voting on a phase that collects nothing', () => {
    expect(problemsOfThird({ kinds: [], voting: { budget: 3 } })).toEqual([
      'phases[2].voting: nothing-to-vote-on',
    ]);
    expect(problemsOfThird({ kinds: [], voting: { budget: 3, kinds: ['insight'] } })).toEqual([
      'phases[2].voting.kinds[0]: kind-not-in-phase',
    ]);
  });

  it('reporting every problem of them at once, with the rest of the phase', () => {
    const moves = { privateWriting: 1, voting: { budget: 21, maxPerItem: 30, kinds: ['action'] } };
    expect(problemsOfThird({ minutes: -1, ...moves })).toEqual([
      `phases[2].minutes: out-of-range (0..${MAX_PHASE_MINUTES})`,
      'phases[2].privateWriting: not-a-boolean',
      `phases[2].voting.budget: out-of-range (1..${MAX_VOTE_BUDGET})`,
      `phases[2].voting.maxPerItem: out-of-range (1..${MAX_VOTE_BUDGET})`,
      'phases[2].voting.kinds[0]: kind-not-in-phase',
    ]);
  });
});
