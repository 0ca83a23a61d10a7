import * as Y from 'yjs';
import { MAX_THEME_NAME_LENGTH, MAX_THEMES_PER_SESSION } from '../limits';
import { err, ok, type Result } from '../result';
import { guard } from './capabilities';
import { defaultContext, type SessionContext } from './context';
import { diffText, type TextEdit } from './items';
import { itemsOf, phasesOf, readString, type YRecord } from './schema';
import type { SessionError, ThemeSnapshot } from './types';
import { checkText } from './validate';

/**
 * Themes: named groups of insights within one phase.
 *
 *   themes Y.Map<themeId, Y.Map{ phaseId: string, name: Y.Text, createdAt: ISO }>
 *
 * Themes live in one top-level map, not nested in a phase record, so a theme survives anything
 * done to the phase list and two peers can never create its container concurrently. An item's theme is the plain field
 * `themeId` on the item record: a move is one last-writer-wins write, so two concurrent moves
 * converge to one theme, and a theme deleted concurrently with a move leaves an item that
 * names a missing theme, which every reader treats as "in no theme". Nothing here ever
 * deletes an item.
 */
export const THEMES = 'themes';

export function themesOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(THEMES);
}

function findPhaseRecord(doc: Y.Doc, phaseId: string): YRecord | undefined {
  return phasesOf(doc)
    .toArray()
    .find((record) => record.get('id') === phaseId);
}

interface LiveTheme {
  readonly record: YRecord;
  readonly phaseId: string;
  readonly name: Y.Text;
}

/**
 * A theme as every operation sees it: a well-formed record whose phase still exists. Anything
 * else (a theme of a removed phase, a garbage entry from a faulty peer) is "not found", the same
 * themes `readThemes` leaves out, so the screens never offer a theme the core then refuses.
 */
function liveTheme(doc: Y.Doc, themeId: string): LiveTheme | undefined {
  const record = themesOf(doc).get(themeId);
  if (!(record instanceof Y.Map)) return undefined;
  const phaseId = record.get('phaseId');
  const name = record.get('name');
  if (typeof phaseId !== 'string' || !(name instanceof Y.Text)) return undefined;
  if (!findPhaseRecord(doc, phaseId)) return undefined;
  return { record, phaseId, name };
}

/**
 * Makes a theme in a phase and returns its id. The name may be empty: groups are often named
 * only once their insights are together.
 */
export function addTheme(
  doc: Y.Doc,
  phaseId: string,
  name: string,
  context: SessionContext = defaultContext,
): Result<string, SessionError> {
  const phase = findPhaseRecord(doc, phaseId);
  // Without the phase there is no policy to apply; the guard still refuses what it must
  // (an unreadable document, an ended session) before we say the phase is missing.
  const refusal = guard(doc, 'edit-themes', context, phase ? phaseId : undefined);
  if (refusal) return err(refusal);
  if (!phase) return err({ code: 'phase-not-found', phaseId });
  const themes = themesOf(doc);
  if (themes.size >= MAX_THEMES_PER_SESSION) {
    return err({ code: 'too-many-themes', limit: MAX_THEMES_PER_SESSION });
  }
  const trimmed = name.trim();
  const nameError = checkText('theme-name', trimmed, MAX_THEME_NAME_LENGTH, { allowEmpty: true });
  if (nameError) return err(nameError);

  const id = context.newId();
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    record.set('phaseId', phaseId);
    // Made now, never lazily: two peers creating a missing Y.Text at once would each set their
    // own, and one of them, with what was typed into it, would be lost.
    record.set('name', new Y.Text(trimmed));
    record.set('createdAt', context.now().toISOString());
    themes.set(id, record);
  });
  return ok(id);
}

/**
 * The shared name of a theme, for binding an editor to it. Editors must go through
 * `editThemeName` so the length limit and the phase's theme policy hold.
 */
export function themeName(doc: Y.Doc, themeId: string): Y.Text | undefined {
  return liveTheme(doc, themeId)?.name;
}

/**
 * Applies one local edit to a theme's name. Small edits, not whole-name replacement, are what
 * let two people renaming one theme at once both keep their words.
 */
export function editThemeName(
  doc: Y.Doc,
  themeId: string,
  edit: TextEdit,
  origin: unknown = null,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const theme = liveTheme(doc, themeId);
  const refusal = guard(doc, 'edit-themes', context, theme?.phaseId);
  if (refusal) return err(refusal);
  if (!theme) return err({ code: 'theme-not-found', themeId });
  const text = theme.name;
  const index = clamp(edit.index, 0, text.length);
  const deleteCount = clamp(edit.deleteCount, 0, text.length - index);
  const newLength = text.length - deleteCount + edit.insert.length;
  // Only growth is refused: a name over the limit (merged from two peers) can still be shortened.
  if (edit.insert.length > 0 && newLength > MAX_THEME_NAME_LENGTH) {
    return err({
      code: 'text-too-long',
      field: 'theme-name',
      length: newLength,
      limit: MAX_THEME_NAME_LENGTH,
    });
  }
  doc.transact(() => {
    if (deleteCount > 0) text.delete(index, deleteCount);
    if (edit.insert.length > 0) text.insert(index, edit.insert);
  }, origin);
  return ok(undefined);
}

/**
 * Renames a theme to `name` (trimmed), touching only the span that differs, so a concurrent
 * edit elsewhere in the name survives.
 */
export function renameTheme(
  doc: Y.Doc,
  themeId: string,
  name: string,
  origin: unknown = null,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const theme = liveTheme(doc, themeId);
  const refusal = guard(doc, 'edit-themes', context, theme?.phaseId);
  if (refusal) return err(refusal);
  if (!theme) return err({ code: 'theme-not-found', themeId });
  const trimmed = name.trim();
  const nameError = checkText('theme-name', trimmed, MAX_THEME_NAME_LENGTH, { allowEmpty: true });
  if (nameError) return err(nameError);
  return editThemeName(doc, themeId, diffText(theme.name.toString(), trimmed), origin, context);
}

/** Deletes a theme. Its insights stay, in no theme, in the same transaction. */
export function deleteTheme(
  doc: Y.Doc,
  themeId: string,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const theme = liveTheme(doc, themeId);
  const refusal = guard(doc, 'edit-themes', context, theme?.phaseId);
  if (refusal) return err(refusal);
  if (!theme) return err({ code: 'theme-not-found', themeId });
  doc.transact(() => {
    for (const item of itemsOf(doc).values()) {
      if (item instanceof Y.Map && item.get('themeId') === themeId) item.set('themeId', '');
    }
    themesOf(doc).delete(themeId);
  });
  return ok(undefined);
}

/**
 * Moves an insight into a theme of its own phase, or out of any theme with `themeId` ''.
 * Only insights are grouped: questions and actions keep their own sections.
 */
export function setItemTheme(
  doc: Y.Doc,
  itemId: string,
  themeId: string,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const record = itemsOf(doc).get(itemId);
  const item = record instanceof Y.Map ? record : undefined;
  const refusal = guard(
    doc,
    'move-to-theme',
    context,
    item ? readString(item, 'phaseId') : undefined,
  );
  if (refusal) return err(refusal);
  if (!item) return err({ code: 'item-not-found', itemId });
  if (item.get('kind') !== 'insight') return err({ code: 'not-an-insight', itemId });
  if (themeId !== '') {
    const theme = liveTheme(doc, themeId);
    if (!theme || theme.phaseId !== readString(item, 'phaseId')) {
      return err({ code: 'theme-not-found', themeId });
    }
  }
  // No write when nothing changes: a drop back onto the same theme costs no update for anyone.
  if (item.get('themeId') === themeId || (themeId === '' && !item.has('themeId'))) {
    return ok(undefined);
  }
  doc.transact(() => item.set('themeId', themeId));
  return ok(undefined);
}

/**
 * Themes whose phase is in `phaseIds`, ordered by phase (in `phaseIds` order), then creation
 * time, then id (code-unit order): the same list on every peer. Read defensively, as any peer
 * may have written the map: entries that are not well-formed themes are left out.
 */
export function readThemes(doc: Y.Doc, phaseIds: readonly string[]): ThemeSnapshot[] {
  const rank = new Map<string, number>();
  phaseIds.forEach((id, index) => {
    if (!rank.has(id)) rank.set(id, index);
  });
  const themes: { theme: ThemeSnapshot; rank: number }[] = [];
  for (const [id, record] of themesOf(doc).entries()) {
    if (!(record instanceof Y.Map)) continue;
    const phaseId = record.get('phaseId');
    const name = record.get('name');
    if (typeof phaseId !== 'string' || !(name instanceof Y.Text)) continue;
    const phaseRank = rank.get(phaseId);
    if (phaseRank === undefined) continue;
    const createdAt = record.get('createdAt');
    themes.push({
      rank: phaseRank,
      theme: {
        id,
        phaseId,
        name: name.toString(),
        createdAt: typeof createdAt === 'string' ? createdAt : '',
      },
    });
  }
  return themes
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        compareStrings(a.theme.createdAt, b.theme.createdAt) ||
        compareStrings(a.theme.id, b.theme.id),
    )
    .map(({ theme }) => theme);
}

/** Code-unit order, not locale order: identical on every machine. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(Number.isFinite(value) ? Math.trunc(value) : min, min), max);
}
