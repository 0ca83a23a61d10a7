import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { harvestMarkdown } from '../../lib/export/markdown';
import { MAX_ITEM_TEXT_LENGTH, MAX_PHASES } from '../../lib/limits';
import type { Locale } from '../../lib/locale';
import {
  addItem,
  type Continuation,
  carryOverOf,
  createSession,
  endSession,
  GENERATED_REVIEW_PHASE,
  type ItemSnapshot,
  type SessionSnapshot,
  setItemDone,
  setLearningQuestion,
} from '../../lib/session';
import { findTemplate } from '../../lib/templates';
import type { Template } from '../../lib/templates/types';
import { fixedContext } from '../helpers/context';
import { item as itemSnapshot, listAfter, parse } from '../helpers/harvest';
import { expectOk, snap } from '../helpers/session';
import { testTemplate } from '../helpers/test-template';

/** Issue 8: one session's harvest opens the next. */

const studio: Template = { ...testTemplate, id: 'studio', learningQuestion: true };
const socialLab = findTemplate('social-lab') as Template;

/** A first meeting with something of everything: open and settled questions and actions. */
function firstMeeting(): SessionSnapshot {
  const doc = new Y.Doc();
  const context = fixedContext('a', Date.UTC(2026, 10, 4, 18, 0, 0));
  const title = 'Buurtlab Noord 1';
  expectOk(
    createSession(
      doc,
      { template: studio, locale: 'nl', title, learningQuestion: 'Hoe bereiken we wie stil is?' },
      context,
    ),
  );
  const add = (kind: ItemSnapshot['kind'], phaseId: string, text: string, extra = {}) =>
    expectOk(addItem(doc, { kind, phaseId, text, ...extra }, context));
  add('question', 'open', 'Wie mist er vanavond?');
  const answered = add('question', 'explore', 'Wat biedt de bibliotheek?');
  add('insight', 'explore', 'Mensen willen elkaar zonder agenda ontmoeten.');
  add('action', 'act', 'Buurthuis bellen', { owner: 'Fatima', due: '2026-12-01' });
  add('action', 'act', 'Flyer maken', { owner: 'Joost' });
  const done = add('action', 'act', 'Koffie regelen', { owner: 'Sanne' });
  expectOk(setItemDone(doc, answered, true, context));
  expectOk(setItemDone(doc, done, true, context));
  expectOk(endSession(doc, context));
  return snap(doc);
}

function continued(
  template: Template,
  previous: SessionSnapshot,
  locale: Locale = 'nl',
  items?: readonly ItemSnapshot[],
): Y.Doc {
  const carry = carryOverOf(previous);
  const continuation: Continuation = {
    source: carry.source,
    items: items ?? [...carry.questions, ...carry.actions],
  };
  const doc = new Y.Doc();
  const context = fixedContext('b', Date.UTC(2026, 11, 2, 18, 0, 0));
  const learningQuestion = carry.learningQuestion ?? '';
  expectOk(createSession(doc, { template, locale, learningQuestion, continuation }, context));
  return doc;
}

describe('carryOverOf', () => {
  it('names the session and takes its open questions and actions, not what was settled', () => {
    const previous = firstMeeting();
    const carry = carryOverOf(previous);
    expect(carry.source).toEqual({
      title: 'Buurtlab Noord 1',
      createdAt: '2026-11-04T18:00:00.000Z',
      templateName: 'Testsjabloon',
    });
    expect(carry.learningQuestion).toBe('Hoe bereiken we wie stil is?');
    expect(carry.questions.map((q) => q.text)).toEqual(['Wie mist er vanavond?']);
    expect(carry.actions.map((a) => [a.text, a.owner, a.due])).toEqual([
      ['Buurthuis bellen', 'Fatima', '2026-12-01'],
      ['Flyer maken', 'Joost', ''],
    ]);
  });

  it('gives no learning question for a session without one, or with an empty one', () => {
    const doc = new Y.Doc();
    expectOk(createSession(doc, { template: studio, locale: 'en' }, fixedContext()));
    expect(carryOverOf(snap(doc)).learningQuestion).toBeNull();
    expectOk(setLearningQuestion(doc, 'Why?'));
    expect(carryOverOf(snap(doc)).learningQuestion).toBe('Why?');
  });
});

describe('a session continued from another', () => {
  it('puts the open items in the template’s review phase, adding the kinds it lacks', () => {
    const next = snap(continued(socialLab, firstMeeting()));
    const review = next.phases.find((phase) => phase.id === 'review');
    // The social lab's review phase collects insights; carried questions and actions join them.
    expect(review?.kinds).toEqual(['question', 'insight', 'action']);
    expect(next.phases.map((p) => p.id)).toEqual(socialLab.phases.map((p) => p.id));
    expect(next.currentPhaseId).toBe('review');
    const carried = next.items.filter((item) => item.phaseId === 'review');
    expect(carried.map((i) => [i.kind, i.text, i.owner, i.due, i.createdAt, i.done])).toEqual([
      ['question', 'Wie mist er vanavond?', '', '', '2026-11-04T18:00:01.000Z', false],
      ['action', 'Buurthuis bellen', 'Fatima', '2026-12-01', '2026-11-04T18:00:04.000Z', false],
      ['action', 'Flyer maken', 'Joost', '', '2026-11-04T18:00:05.000Z', false],
    ]);
    expect(next.items).toHaveLength(3);
    // New ids: they are new contributions in a new document (the same maker as addItem).
    expect(carried.map((i) => i.id)).toEqual(['b0000', 'b0001', 'b0002']);
    expect(next.continuesFrom).toEqual({
      title: 'Buurtlab Noord 1',
      createdAt: '2026-11-04T18:00:00.000Z',
      templateName: 'Testsjabloon',
    });
  });

  it('keeps a review phase that already collects every carried kind as it is', () => {
    const phases = socialLab.phases.map((phase) =>
      phase.review ? { ...phase, kinds: ['action' as const, 'question' as const] } : phase,
    );
    const next = snap(continued({ ...socialLab, phases }, firstMeeting()));
    expect(next.phases[0]?.kinds).toEqual(['question', 'action']);
    expect(next.phases.map((p) => p.review)).toEqual([true, false, false, false, false]);
  });

  it.each([
    ['nl', 'Waar we gebleven waren'],
    ['en', 'Where we left off'],
  ] as const)(
    'opens with a generated review phase when the template has none (%s)',
    (locale, title) => {
      const next = snap(continued(testTemplate, firstMeeting(), locale));
      const [first, ...rest] = next.phases;
      expect(first).toMatchObject({
        id: 'where-we-left-off',
        title,
        prompt: GENERATED_REVIEW_PHASE.prompt[locale],
        notes: GENERATED_REVIEW_PHASE.notes[locale],
        kinds: ['question', 'action'],
        minutes: 15,
        privateWriting: false,
        themes: 'off',
        review: true,
      });
      expect(rest.map((p) => p.id)).toEqual(['open', 'explore', 'act']);
      // The session knows its review phase, so it can say there where the items came from.
      expect(rest.some((p) => p.review)).toBe(false);
      expect(next.currentPhaseId).toBe('where-we-left-off');
      expect(next.items.every((item) => item.phaseId === 'where-we-left-off')).toBe(true);
      expect(next.items).toHaveLength(3);
    },
  );

  it('gives the generated phase an id of its own when the template uses that id', () => {
    const taken = { ...testTemplate.phases[0], id: 'where-we-left-off' } as Template['phases'][0];
    const template = { ...testTemplate, phases: [taken, ...testTemplate.phases.slice(1)] };
    const next = snap(continued(template, firstMeeting()));
    expect(next.phases.map((p) => p.id)).toEqual([
      'where-we-left-off-2',
      'where-we-left-off',
      'explore',
      'act',
    ]);
    expect(next.items.every((item) => item.phaseId === 'where-we-left-off-2')).toBe(true);
  });

  it('carries the learning question over, also into a template that does not ask for one', () => {
    const previous = firstMeeting();
    expect(snap(continued(studio, previous)).learningQuestion).toBe('Hoe bereiken we wie stil is?');
    expect(snap(continued(testTemplate, previous)).learningQuestion).toBe(
      'Hoe bereiken we wie stil is?',
    );
  });

  it('carries only what the facilitator kept, and nothing when nothing was kept', () => {
    const previous = firstMeeting();
    const kept = carryOverOf(previous).actions.slice(0, 1);
    const next = snap(continued(socialLab, previous, 'nl', kept));
    expect(next.items.map((i) => i.text)).toEqual(['Buurthuis bellen']);
    const empty = snap(continued(socialLab, previous, 'nl', []));
    expect(empty.items).toEqual([]);
    expect(empty.continuesFrom?.title).toBe('Buurtlab Noord 1');
  });

  it('holds carried items to this session’s limits: clipped, cleaned, insights left out', () => {
    const previous = firstMeeting();
    const items = [
      itemSnapshot('question', 'x', 'y'.repeat(MAX_ITEM_TEXT_LENGTH + 50)),
      itemSnapshot('action', 'x', 'Bellen', { owner: '  Ana  ', due: '2026-02-30' }),
      itemSnapshot('action', 'x', '   '),
      itemSnapshot('insight', 'x', 'Not carried'),
      itemSnapshot('question', 'x', 'Was answered', { done: true }),
    ];
    const next = snap(continued(socialLab, previous, 'en', items));
    expect(next.items.map((i) => [i.kind, i.text.length, i.owner, i.due, i.done])).toEqual([
      ['question', MAX_ITEM_TEXT_LENGTH, '', '', false],
      ['question', 'Was answered'.length, '', '', false],
      ['action', 'Bellen'.length, 'Ana', '', false],
    ]);
  });

  it('refuses a template that has no room left for the generated phase, writing nothing', () => {
    const phases = Array.from({ length: MAX_PHASES }, (_, i) => ({
      ...(testTemplate.phases[0] as Template['phases'][0]),
      id: `p${i}`,
    }));
    const doc = new Y.Doc();
    const carry = carryOverOf(firstMeeting());
    const result = createSession(doc, {
      template: { ...testTemplate, phases },
      locale: 'en',
      continuation: { source: carry.source, items: carry.actions },
    });
    expect(result).toEqual({ ok: false, error: { code: 'too-many-phases', limit: MAX_PHASES } });
    expect(doc.getMap('meta').size).toBe(0);
  });

  it('can be continued again: what it settled stays behind, the source moves on', () => {
    const doc = continued(socialLab, firstMeeting());
    const second = snap(doc);
    const flyer = second.items.find((item) => item.text === 'Flyer maken');
    expectOk(setItemDone(doc, flyer?.id ?? '', true));
    const carry = carryOverOf(snap(doc));
    expect(carry.source.title).toBe('Sociaal lab');
    expect(carry.source.createdAt).toBe('2026-12-02T18:00:00.000Z');
    expect(carry.actions.map((a) => a.text)).toEqual(['Buurthuis bellen']);
    expect(carry.questions.map((q) => q.text)).toEqual(['Wie mist er vanavond?']);
  });
});

describe('the continued session’s harvest', () => {
  it('names the session it continues, with its date, and the learning question', () => {
    const markdown = harvestMarkdown(snap(continued(socialLab, firstMeeting())));
    const header = listAfter(parse(markdown), null);
    expect(header).toContain('Leervraag: Hoe bereiken we wie stil is?');
    expect(header).toContain('Vervolg op: Buurtlab Noord 1 (4 november 2026)');
    expect(markdown).toContain('- Buurthuis bellen — wie: Fatima · wanneer: 1 december 2026\n');
  });

  it('in English too, and marks what gets done in the new session', () => {
    const doc = continued(testTemplate, firstMeeting(), 'en');
    const flyer = snap(doc).items.find((item) => item.text === 'Flyer maken');
    expectOk(setItemDone(doc, flyer?.id ?? '', true));
    const markdown = harvestMarkdown(snap(doc));
    const header = listAfter(parse(markdown), null);
    expect(header).toContain('Continues: Buurtlab Noord 1 (4 November 2026)');
    expect(header).toContain('Learning question: Hoe bereiken we wie stil is?');
    expect(markdown).toContain('## 1. Where we left off');
    expect(markdown).toContain('- Flyer maken — who: Joost · done\n');
  });
});
