import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_THEME_NAME_LENGTH, MAX_THEMES_PER_SESSION } from '../../lib/limits';
import { addItem } from '../../lib/session';
import { itemsOf } from '../../lib/session/schema';
import {
  addTheme,
  deleteTheme,
  editThemeName,
  readThemes,
  renameTheme,
  setItemTheme,
  themeName,
} from '../../lib/session/themes';
import { fixedContext } from '../helpers/context';
import { expectOk } from '../helpers/session';
import { insight, names, newDoc, phaseIds, shownTheme } from '../helpers/themes';

describe('addTheme', () => {
  it('makes a theme with a trimmed name, or none yet, with a live name from the start', () => {
    const doc = newDoc();
    const context = fixedContext('t');
    const named = expectOk(addTheme(doc, 'sense', '  Trust  ', context));
    const unnamed = expectOk(addTheme(doc, 'act', '', context));
    expect([named, unnamed]).toEqual(['t0000', 't0001']);
    expect(readThemes(doc, ['sense', 'act'])).toEqual([
      { id: 't0000', phaseId: 'sense', name: 'Trust', createdAt: '2026-11-25T09:00:00.000Z' },
      { id: 't0001', phaseId: 'act', name: '', createdAt: '2026-11-25T09:00:01.000Z' },
    ]);
    expect(themeName(doc, unnamed)).toBeInstanceOf(Y.Text);
  });

  it('refuses a missing phase, a name over the limit, and a document that is no session', () => {
    const doc = newDoc();
    expect(addTheme(doc, 'nope', 'x')).toEqual({
      ok: false,
      error: { code: 'phase-not-found', phaseId: 'nope' },
    });
    const long = 'x'.repeat(MAX_THEME_NAME_LENGTH + 1);
    expect(addTheme(doc, 'sense', ` ${long} `)).toEqual({
      ok: false,
      error: {
        code: 'text-too-long',
        field: 'theme-name',
        length: MAX_THEME_NAME_LENGTH + 1,
        limit: MAX_THEME_NAME_LENGTH,
      },
    });
    expect(addTheme(new Y.Doc(), 'sense', 'x')).toEqual({
      ok: false,
      error: { code: 'not-a-session' },
    });
    expect(readThemes(doc, phaseIds(doc))).toEqual([]);
    expectOk(addTheme(doc, 'sense', 'x'.repeat(MAX_THEME_NAME_LENGTH)));
  });

  it(`refuses theme number ${MAX_THEMES_PER_SESSION + 1} over all phases`, () => {
    const doc = newDoc();
    const context = fixedContext('t');
    for (let i = 0; i < MAX_THEMES_PER_SESSION; i++) {
      expectOk(addTheme(doc, i % 2 === 0 ? 'sense' : 'act', `t${i}`, context));
    }
    expect(addTheme(doc, 'act', 'one more', context)).toEqual({
      ok: false,
      error: { code: 'too-many-themes', limit: MAX_THEMES_PER_SESSION },
    });
    expect(readThemes(doc, phaseIds(doc))).toHaveLength(MAX_THEMES_PER_SESSION);
  });
});

describe('naming a theme', () => {
  it('edits the name at a position, clamping positions outside it', () => {
    const doc = newDoc();
    const id = expectOk(addTheme(doc, 'sense', 'Trust'));
    expectOk(editThemeName(doc, id, { index: 0, deleteCount: 0, insert: 'Mutual ' }));
    expectOk(editThemeName(doc, id, { index: 99, deleteCount: 4, insert: '!' }));
    expect(themeName(doc, id)?.toString()).toBe('Mutual Trust!');
  });

  it('refuses an edit that would pass the limit, but lets a name shrink', () => {
    const doc = newDoc();
    const id = expectOk(addTheme(doc, 'sense', 'x'.repeat(MAX_THEME_NAME_LENGTH - 2)));
    expect(editThemeName(doc, id, { index: 0, deleteCount: 0, insert: 'abc' })).toEqual({
      ok: false,
      error: {
        code: 'text-too-long',
        field: 'theme-name',
        length: MAX_THEME_NAME_LENGTH + 1,
        limit: MAX_THEME_NAME_LENGTH,
      },
    });
    expectOk(editThemeName(doc, id, { index: 0, deleteCount: 1, insert: 'ab' }));
    expect(themeName(doc, id)?.length).toBe(MAX_THEME_NAME_LENGTH - 1);
  });

  it('renames to a trimmed name by changing only the span that differs', () => {
    const doc = newDoc();
    const id = expectOk(addTheme(doc, 'sense', 'Safe streets'));
    const text = themeName(doc, id) as Y.Text;
    const deltas: unknown[] = [];
    text.observe((event) => deltas.push(event.delta));
    expectOk(renameTheme(doc, id, '  Safe, lit streets '));
    expect(text.toString()).toBe('Safe, lit streets');
    expect(deltas).toEqual([[{ retain: 4 }, { insert: ', lit' }]]);
    expectOk(renameTheme(doc, id, ''));
    expect(names(doc)).toEqual(['']);
    expect(renameTheme(doc, id, 'y'.repeat(MAX_THEME_NAME_LENGTH + 1))).toEqual({
      ok: false,
      error: {
        code: 'text-too-long',
        field: 'theme-name',
        length: MAX_THEME_NAME_LENGTH + 1,
        limit: MAX_THEME_NAME_LENGTH,
      },
    });
  });

  it('reports an unknown theme', () => {
    const doc = newDoc();
    const missing = { ok: false, error: { code: 'theme-not-found', themeId: 'ghost' } };
    expect(themeName(doc, 'ghost')).toBeUndefined();
    expect(editThemeName(doc, 'ghost', { index: 0, deleteCount: 0, insert: 'x' })).toEqual(missing);
    expect(renameTheme(doc, 'ghost', 'x')).toEqual(missing);
    expect(deleteTheme(doc, 'ghost')).toEqual(missing);
  });
});

describe('moving insights', () => {
  it('moves an insight into a theme of its phase and out again', () => {
    const doc = newDoc();
    const context = fixedContext('i');
    const item = insight(doc, 'Lamps are broken', context);
    const theme = expectOk(addTheme(doc, 'sense', 'Safety', context));
    expectOk(setItemTheme(doc, item, theme));
    expect(shownTheme(doc, item)).toBe(theme);
    expectOk(setItemTheme(doc, item, ''));
    expect(itemsOf(doc).get(item)?.get('themeId')).toBe('');
  });

  it('writes nothing when the insight is already where it is dropped', () => {
    const doc = newDoc();
    const context = fixedContext('i');
    const item = insight(doc, 'Lamps are broken', context);
    const loose = insight(doc, 'Fast cars', context);
    const theme = expectOk(addTheme(doc, 'sense', 'Safety', context));
    expectOk(setItemTheme(doc, item, theme));
    let updates = 0;
    doc.on('update', () => updates++);
    expectOk(setItemTheme(doc, item, theme));
    expectOk(setItemTheme(doc, loose, ''));
    expect(updates).toBe(0);
  });

  it('refuses a non-insight, an unknown item, an unknown theme and a theme of another phase', () => {
    const doc = newDoc();
    const context = fixedContext('i');
    const question = expectOk(
      addItem(doc, { kind: 'question', phaseId: 'sense', text: 'Who?' }, context),
    );
    const item = insight(doc, 'Lamps are broken', context);
    const elsewhere = expectOk(addTheme(doc, 'act', 'Plans', context));
    const here = expectOk(addTheme(doc, 'sense', 'Safety', context));
    expect(setItemTheme(doc, question, here)).toEqual({
      ok: false,
      error: { code: 'not-an-insight', itemId: question },
    });
    expect(setItemTheme(doc, 'ghost', here)).toEqual({
      ok: false,
      error: { code: 'item-not-found', itemId: 'ghost' },
    });
    expect(setItemTheme(doc, item, 'ghost')).toEqual({
      ok: false,
      error: { code: 'theme-not-found', themeId: 'ghost' },
    });
    expect(setItemTheme(doc, item, elsewhere)).toEqual({
      ok: false,
      error: { code: 'theme-not-found', themeId: elsewhere },
    });
    expect(itemsOf(doc).get(item)?.has('themeId')).toBe(false);
    expect(itemsOf(doc).get(question)?.has('themeId')).toBe(false);
  });
});

describe('deleteTheme', () => {
  it('removes the theme and keeps every insight that was in it, in no theme', () => {
    const doc = newDoc();
    const context = fixedContext('i');
    const theme = expectOk(addTheme(doc, 'sense', 'Safety', context));
    const other = expectOk(addTheme(doc, 'sense', 'Play', context));
    const inTheme = [insight(doc, 'Dark corner', context), insight(doc, 'Fast cars', context)];
    const inOther = insight(doc, 'No swings', context);
    for (const item of inTheme) expectOk(setItemTheme(doc, item, theme));
    expectOk(setItemTheme(doc, inOther, other));
    expectOk(deleteTheme(doc, theme));
    expect(names(doc)).toEqual(['Play']);
    expect([...itemsOf(doc).keys()].sort()).toEqual([...inTheme, inOther].sort());
    expect(inTheme.map((item) => itemsOf(doc).get(item)?.get('themeId'))).toEqual(['', '']);
    expect(shownTheme(doc, inOther)).toBe(other);
    expect(deleteTheme(doc, theme)).toEqual({
      ok: false,
      error: { code: 'theme-not-found', themeId: theme },
    });
  });
});
