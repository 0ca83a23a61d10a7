import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { endSession, type SessionContext, type ThemePolicy } from '../../lib/session';
import { itemsOf } from '../../lib/session/schema';
import {
  addTheme,
  deleteTheme,
  editThemeName,
  renameTheme,
  setItemTheme,
} from '../../lib/session/themes';
import { fixedContext } from '../helpers/context';
import { expectOk } from '../helpers/session';
import { insight, names, newDoc, participant, setPolicy } from '../helpers/themes';

describe('who may handle themes', () => {
  /** Every theme operation once, as `context`; returns what each answered. */
  function tryAll(doc: Y.Doc, context: SessionContext, theme: string, item: string): unknown[] {
    return [
      addTheme(doc, 'sense', 'New', context),
      editThemeName(doc, theme, { index: 0, deleteCount: 0, insert: 'x' }, null, context),
      renameTheme(doc, theme, 'Renamed', null, context),
      setItemTheme(doc, item, theme, context),
      deleteTheme(doc, theme, context),
    ];
  }

  const notAllowed = (action: string) => ({ ok: false, error: { code: 'not-allowed', action } });
  const refusedAs = [
    notAllowed('edit-themes'),
    notAllowed('edit-themes'),
    notAllowed('edit-themes'),
    notAllowed('move-to-theme'),
    notAllowed('edit-themes'),
  ];

  function setUp(policy: ThemePolicy): { doc: Y.Doc; theme: string; item: string } {
    const doc = newDoc('anyone');
    const context = fixedContext('i');
    const theme = expectOk(addTheme(doc, 'sense', 'Safety', context));
    const item = insight(doc, 'Dark corner', context);
    setPolicy(doc, 'sense', policy);
    return { doc, theme, item };
  }

  it("'facilitator' refuses a participant and lets the facilitator", () => {
    const { doc, theme, item } = setUp('facilitator');
    expect(tryAll(doc, participant(fixedContext('p')), theme, item)).toEqual(refusedAs);
    expect(names(doc)).toEqual(['Safety']);
    const results = tryAll(doc, fixedContext('f'), theme, item);
    expect(results.every((result) => (result as { ok: boolean }).ok)).toBe(true);
  });

  it("'off' refuses everyone, and applies per phase", () => {
    const { doc, theme, item } = setUp('off');
    expect(tryAll(doc, fixedContext('f'), theme, item)).toEqual(refusedAs);
    expect(tryAll(doc, participant(fixedContext('p')), theme, item)).toEqual(refusedAs);
    expect(names(doc)).toEqual(['Safety']);
    expectOk(addTheme(doc, 'act', 'Plans', participant(fixedContext('p'))));
  });

  it("'anyone' lets a participant do everything", () => {
    const { doc, theme, item } = setUp('anyone');
    const results = tryAll(doc, participant(fixedContext('p')), theme, item);
    expect(results.every((result) => (result as { ok: boolean }).ok)).toBe(true);
    expect(names(doc)).toEqual(['New']);
    expect(itemsOf(doc).get(item)?.get('themeId')).toBe('');
  });

  it('refuses everyone once the session has ended, keeping the themes', () => {
    const { doc, theme, item } = setUp('anyone');
    expectOk(endSession(doc));
    const ended = { ok: false, error: { code: 'session-ended' } };
    expect(tryAll(doc, fixedContext('f'), theme, item)).toEqual(Array(5).fill(ended));
    expect(tryAll(doc, participant(fixedContext('p')), theme, item)).toEqual(Array(5).fill(ended));
    expect(addTheme(doc, 'nope', 'x')).toEqual(ended);
    expect(names(doc)).toEqual(['Safety']);
  });
});
