import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { SessionContext } from '../../lib/session';
import { itemsOf } from '../../lib/session/schema';
import {
  addTheme,
  deleteTheme,
  readThemes,
  renameTheme,
  setItemTheme,
  themesOf,
} from '../../lib/session/themes';
import { fixedContext } from '../helpers/context';
import { expectOk } from '../helpers/session';
import {
  insight,
  names,
  newDoc,
  participant,
  peerOf,
  phaseIds,
  shownTheme,
  sync,
} from '../helpers/themes';

describe('readThemes', () => {
  it('orders by phase order, then creation time, then id, and keeps only the phases asked for', () => {
    const doc = newDoc();
    // Two themes made in the same second (ordered by id), two where time and id disagree.
    const queue = [
      { id: 'b', second: 0 },
      { id: 'a', second: 0 },
      { id: 'c', second: 5 },
      { id: 'd', second: 4 },
    ];
    let current = { id: '', second: 0 };
    const scripted: SessionContext = {
      newId: () => {
        current = queue.shift() ?? current;
        return current.id;
      },
      now: () => new Date(Date.UTC(2026, 0, 1, 9, 0, current.second)),
    };
    expectOk(addTheme(doc, 'act', 'act b', scripted));
    expectOk(addTheme(doc, 'act', 'act a', scripted));
    expectOk(addTheme(doc, 'sense', 'sense c', scripted));
    expectOk(addTheme(doc, 'sense', 'sense d', scripted));
    expect(readThemes(doc, ['sense', 'act']).map((t) => t.name)).toEqual([
      'sense d',
      'sense c',
      'act a',
      'act b',
    ]);
    expect(readThemes(doc, ['act', 'sense']).map((t) => t.name)).toEqual([
      'act a',
      'act b',
      'sense d',
      'sense c',
    ]);
    expect(readThemes(doc, ['act']).map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('skips entries a faulty peer wrote and themes of a removed phase', () => {
    const doc = newDoc();
    const good = expectOk(addTheme(doc, 'sense', 'Good'));
    const themes = themesOf(doc) as Y.Map<unknown>;
    themes.set('number', 42);
    const noPhase = new Y.Map<unknown>();
    noPhase.set('name', new Y.Text('no phase'));
    themes.set('no-phase', noPhase);
    const plainName = new Y.Map<unknown>();
    plainName.set('phaseId', 'sense');
    plainName.set('name', 'not a Y.Text');
    themes.set('plain-name', plainName);
    const badTime = new Y.Map<unknown>();
    badTime.set('phaseId', 'sense');
    badTime.set('name', new Y.Text('bad time'));
    badTime.set('createdAt', 7);
    themes.set('bad-time', badTime);
    const gone = new Y.Map<unknown>();
    gone.set('phaseId', 'removed');
    gone.set('name', new Y.Text('gone'));
    themes.set('gone', gone);
    expect(readThemes(doc, phaseIds(doc))).toEqual([
      { id: 'bad-time', phaseId: 'sense', name: 'bad time', createdAt: '' },
      expect.objectContaining({ id: good, name: 'Good' }),
    ]);
    // What the reader leaves out, the operations do not find either.
    for (const id of ['number', 'no-phase', 'plain-name', 'gone']) {
      expect(renameTheme(doc, id, 'x')).toEqual({
        ok: false,
        error: { code: 'theme-not-found', themeId: id },
      });
    }
  });
});

describe('two peers at once', () => {
  it('merges concurrent renames of one theme, keeping both edits', () => {
    const a = newDoc();
    const theme = expectOk(addTheme(a, 'sense', 'streets'));
    const b = peerOf(a);
    expectOk(renameTheme(a, theme, 'Safe streets'));
    expectOk(renameTheme(b, theme, 'streets at night', null, participant(fixedContext('p'))));
    sync(a, b);
    expect(names(a)).toEqual(['Safe streets at night']);
    expect(readThemes(b, phaseIds(b))).toEqual(readThemes(a, phaseIds(a)));
  });

  it('keeps an insight moved into a theme that another peer deleted, in no theme', () => {
    const a = newDoc();
    const context = fixedContext('i');
    const theme = expectOk(addTheme(a, 'sense', 'Safety', context));
    const item = insight(a, 'Dark corner', context);
    const b = peerOf(a);
    expectOk(setItemTheme(a, item, theme));
    expectOk(deleteTheme(b, theme));
    sync(a, b);
    for (const doc of [a, b]) {
      expect(itemsOf(doc).has(item)).toBe(true);
      expect(readThemes(doc, phaseIds(doc))).toEqual([]);
      expect(shownTheme(doc, item)).toBe('');
    }
    expect(itemsOf(a).get(item)?.toJSON()).toEqual(itemsOf(b).get(item)?.toJSON());
  });

  it('converges concurrent moves into two different themes to one of them', () => {
    const a = newDoc();
    const context = fixedContext('i');
    const first = expectOk(addTheme(a, 'sense', 'Safety', context));
    const second = expectOk(addTheme(a, 'sense', 'Light', context));
    const item = insight(a, 'Dark corner', context);
    const b = peerOf(a);
    expectOk(setItemTheme(a, item, first));
    expectOk(setItemTheme(b, item, second));
    sync(a, b);
    const shown = shownTheme(a, item);
    expect([first, second]).toContain(shown);
    expect(shownTheme(b, item)).toBe(shown);
  });

  it('keeps themes made on both peers at once', () => {
    const a = newDoc();
    const b = peerOf(a);
    expectOk(addTheme(a, 'sense', 'From a', fixedContext('a')));
    expectOk(addTheme(b, 'sense', 'From b', fixedContext('b')));
    sync(a, b);
    expect(names(a).sort()).toEqual(['From a', 'From b']);
    expect(names(b)).toEqual(names(a));
  });
});
