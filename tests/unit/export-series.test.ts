import { describe, expect, it } from 'vitest';
import { harvestMarkdown } from '../../lib/export/markdown';
import { headings, item, listAfter, parse, phase, session, voting } from '../helpers/harvest';

/** Issue 8: the harvest names the learning question and the session it continues, and marks
 * what was answered or done. */

const source = { title: 'Lab 1', createdAt: '2026-11-04T18:00:00.000Z', templateName: 'Lab' };

describe('the harvest header', () => {
  it('names the learning question and the earlier session, in the session’s language', () => {
    const en = listAfter(
      parse(
        harvestMarkdown(session({ learningQuestion: 'Who is missing?', continuesFrom: source })),
      ),
      null,
    );
    expect(en).toEqual([
      'Method: Test template',
      'Learning question: Who is missing?',
      'Date: 25 November 2026',
      'Continues: Lab 1 (4 November 2026)',
      'Status: completed',
    ]);
    const nl = session({ locale: 'nl', learningQuestion: 'Wie mist er?', continuesFrom: source });
    expect(listAfter(parse(harvestMarkdown(nl)), null)).toEqual([
      'Werkvorm: Test template',
      'Leervraag: Wie mist er?',
      'Datum: 25 november 2026',
      'Vervolg op: Lab 1 (4 november 2026)',
      'Status: afgerond',
    ]);
  });

  it('leaves out an empty learning question and a session that continues nothing', () => {
    const header = listAfter(parse(harvestMarkdown(session({ learningQuestion: '' }))), null);
    expect(header).toEqual([
      'Method: Test template',
      'Date: 25 November 2026',
      'Status: completed',
    ]);
  });

  it('copes with an earlier session without a title or a readable date', () => {
    const header = (continuesFrom: typeof source) =>
      listAfter(parse(harvestMarkdown(session({ continuesFrom }))), null);
    expect(header({ ...source, title: '  ' })).toContain(
      'Continues: Untitled session (4 November 2026)',
    );
    expect(header({ ...source, createdAt: '' })).toContain('Continues: Lab 1');
  });

  it('keeps hostile text in the header as text: one list, no headings or links', () => {
    const hostile = '# Heading\n- [link](javascript:alert(1)) *x*';
    const markdown = harvestMarkdown(
      session({ learningQuestion: hostile, continuesFrom: { ...source, title: hostile } }),
    );
    const tokens = parse(markdown);
    expect(headings(tokens).filter((h) => h.level === 1)).toHaveLength(1);
    expect(tokens.some((token) => token.children?.some((c) => c.type === 'link_open'))).toBe(false);
    const header = listAfter(tokens, null);
    expect(header).toHaveLength(5);
    expect(header[1]).toBe('Learning question: # Heading - [link](javascript:alert(1)) *x*');
  });
});

describe('items that were settled', () => {
  it('are marked answered or done; open ones and insights read as before', () => {
    const markdown = harvestMarkdown(
      session({
        items: [
          item('question', 'p1', 'Open question'),
          item('question', 'p1', 'Settled question', { done: true }),
          item('insight', 'p1', 'An insight', { done: true }),
          item('action', 'p1', 'Open action', { owner: 'Ana' }),
          item('action', 'p1', 'Finished action', { owner: 'Bo', due: '2026-12-01', done: true }),
        ],
      }),
    );
    const tokens = parse(markdown);
    expect(listAfter(tokens, { level: 3, text: 'Questions' })).toEqual([
      'Open question',
      'Settled question — answered',
    ]);
    expect(listAfter(tokens, { level: 3, text: 'Insights' })).toEqual(['An insight']);
    expect(listAfter(tokens, { level: 3, text: 'Actions' })).toEqual([
      'Open action — who: Ana',
      'Finished action — who: Bo · due: 1 December 2026 · done',
    ]);
  });

  it('after their votes, in Dutch', () => {
    const phases = [phase('p1', 'Fase', { kinds: ['action'], voting: voting(['action']) })];
    const items = [item('action', 'p1', 'Bellen', { votes: 2, done: true })];
    const markdown = harvestMarkdown(session({ locale: 'nl', phases, items }));
    expect(listAfter(parse(markdown), { level: 3, text: 'Acties' })).toEqual([
      'Bellen — 2 stemmen · klaar',
    ]);
  });
});
