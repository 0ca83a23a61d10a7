import * as Y from 'yjs';
import { err, ok, type Result } from '../result';
import { orderedPhases } from './phase-order';
import { checkSchema, ITEMS, itemsOf, META, PHASES, SCHEMA_VERSION } from './schema';
import {
  keepEqualMeta,
  sameList,
  samePhase,
  sameSnapshotParts,
  sameTheme,
} from './snapshot-compare';
import { type MetaPart, readItem, readMeta, readPhase, sortItems } from './snapshot-parts';
import { readThemes, THEMES } from './themes';
import type {
  ItemSnapshot,
  PhaseSnapshot,
  SessionError,
  SessionSnapshot,
  ThemeSnapshot,
  VotingSnapshot,
} from './types';
import { tallyVotes, VOTES, votesOf } from './votes';

export interface SnapshotOptions {
  /**
   * Read a document that claims a newer minimum reader version than this Kring supports, as
   * read-only (snapshot `readOnly`), instead of refusing it. For devices that could already
   * read the session (schema.ts, "Versions").
   */
  readonly allowNewer?: boolean | (() => boolean);
}

/** The snapshot of a document, read once. Views that follow a live document use a reader. */
export function snapshotSession(
  doc: Y.Doc,
  options: SnapshotOptions = {},
): Result<SessionSnapshot, SessionError> {
  const reader = createSnapshotReader(doc, options);
  try {
    return reader.read();
  } finally {
    reader.destroy();
  }
}

/** Any shared type, as Yjs reports changed ones. */
type SharedType = Y.Transaction['changed'] extends Map<infer Type, unknown> ? Type : never;

export type SnapshotReader = ReturnType<typeof createSnapshotReader>;

/**
 * Derives the snapshot of a live document incrementally (issue 11, item 9). Each transaction
 * marks what it touched; `read()` re-reads only that: a keystroke re-reads one item and keeps
 * every other item, the phases and the themes by identity, so memoised views skip them. A vote
 * re-counts the votes (a few hundred entries) but re-reads no item. The result equals a fresh
 * `snapshotSession` at every moment (tested by the session fuzz).
 */
export function createSnapshotReader(doc: Y.Doc, options: SnapshotOptions = {}) {
  const items = itemsOf(doc);
  const roots = new Map<SharedType, string>(
    (
      [
        [doc.getMap(META), META],
        [doc.getArray(PHASES), PHASES],
        [items, ITEMS],
        [doc.getMap(THEMES), THEMES],
        [votesOf(doc), VOTES],
      ] as const
    ).map(([type, name]) => [type as unknown as SharedType, name]),
  );

  let phasesDirty = true;
  let metaDirty = true;
  let themesDirty = true;
  let votesDirty = true;
  let orderDirty = true;
  let allItemsDirty = true;
  const dirtyItems = new Set<string>();

  let phases: readonly PhaseSnapshot[] = [];
  let phaseIds: string[] = [];
  let meta: MetaPart | null = null;
  let themes: readonly ThemeSnapshot[] = [];
  let themePhase = new Map<string, string>();
  const raw = new Map<string, ItemSnapshot>();
  let sortedIds: string[] = [];
  let totals = new Map<string, number>();
  let shown = new Map<string, { raw: ItemSnapshot; item: ItemSnapshot }>();
  let positionOf = new Map<string, number>();
  let itemList: readonly ItemSnapshot[] = [];
  let last: SessionSnapshot | null = null;

  const onTransaction = (transaction: Y.Transaction) => {
    for (const [type, keys] of transaction.changed) {
      const { root, child } = rootOf(type);
      const name = root ? roots.get(root) : undefined;
      if (name === PHASES) phasesDirty = true;
      else if (name === META) metaDirty = true;
      else if (name === THEMES) themesDirty = true;
      else if (name === VOTES) votesDirty = true;
      else if (name === ITEMS) {
        if (type === (items as unknown as SharedType)) {
          // Items added, removed or replaced.
          for (const key of keys) if (key !== null) dirtyItems.add(key);
          orderDirty = true;
        } else if (child) {
          dirtyItems.add(child);
          // A changed kind, phase or time moves the item; a text edit does not.
          if (
            type.parent === (items as unknown as SharedType) &&
            [...keys].some((key) => key !== null && SORT_FIELDS.has(key))
          ) {
            orderDirty = true;
          }
        }
      }
    }
  };
  doc.on('afterTransaction', onTransaction);

  /** The top-level type `type` lives in, and its key directly under `items` if it is there. */
  function rootOf(type: SharedType): {
    root: SharedType | null;
    child: string | null;
  } {
    let current: SharedType = type;
    let child: string | null = null;
    while (current._item) {
      const parent = current._item.parent;
      if (!(parent instanceof Y.AbstractType)) return { root: null, child: null };
      if (parent === (items as unknown as SharedType)) child = current._item.parentSub;
      current = parent;
    }
    return { root: current, child };
  }

  function refreshPhases(): void {
    const next = orderedPhases(doc).map(readPhase);
    phases = sameList(phases, next, samePhase) ? phases : next;
    phaseIds = phases.map((phase) => phase.id);
    metaDirty = themesDirty = votesDirty = orderDirty = true;
  }

  /** Re-reads the touched items: their ids, 'all', or null when none was touched. */
  function refreshItems(): readonly string[] | 'all' | null {
    if (!allItemsDirty && dirtyItems.size === 0) return null;
    const all = allItemsDirty;
    const ids = all ? [...items.keys()] : [...dirtyItems];
    if (all) raw.clear();
    for (const id of ids) {
      const record = items.get(id);
      const item = record ? readItem(id, record) : null;
      if (item) raw.set(id, item);
      else raw.delete(id);
    }
    allItemsDirty = false;
    dirtyItems.clear();
    return all ? 'all' : ids;
  }

  function refreshVotes(): void {
    const voting = new Map<string, VotingSnapshot>(phases.map((p) => [p.id, p.voting]));
    const active = phases.some((phase) => phase.voting.status !== 'none');
    totals = active ? tallyVotes(votesOf(doc).entries(), raw, voting) : new Map();
  }

  /** An item as shown: its theme id checked against the themes, its vote total filled in. */
  function shownItem(id: string, base: ItemSnapshot): ItemSnapshot {
    const themeId =
      base.themeId !== '' && themePhase.get(base.themeId) === base.phaseId ? base.themeId : '';
    const votes = totals.get(id) ?? 0;
    const previous = shown.get(id);
    let item: ItemSnapshot;
    if (
      previous &&
      previous.raw === base &&
      previous.item.themeId === themeId &&
      previous.item.votes === votes
    ) {
      item = previous.item;
    } else if (themeId === base.themeId && votes === base.votes) {
      item = base;
    } else {
      item = { ...base, themeId, votes };
    }
    shown.set(id, { raw: base, item });
    return item;
  }

  /** Every item again, in order: after a change of order, membership, themes or votes. */
  function assembleItems(): readonly ItemSnapshot[] {
    const previousShown = shown;
    shown = new Map();
    positionOf = new Map();
    const list: ItemSnapshot[] = [];
    let changed = sortedIds.length !== itemList.length;
    for (const id of sortedIds) {
      const base = raw.get(id);
      if (!base) continue;
      const previous = previousShown.get(id);
      if (previous) shown.set(id, previous);
      const item = shownItem(id, base);
      if (!changed && itemList[list.length] !== item) changed = true;
      positionOf.set(id, list.length);
      list.push(item);
    }
    if (changed) itemList = list;
    return itemList;
  }

  /**
   * Only the touched items, in place: the common case of a keystroke or an owner's name, where
   * neither order nor membership nor totals changed. A copy of the list with a few slots
   * replaced costs microseconds; assembling 5,000 items costs milliseconds.
   */
  function patchItems(ids: readonly string[]): readonly ItemSnapshot[] {
    let list: ItemSnapshot[] | null = null;
    for (const id of ids) {
      const position = positionOf.get(id);
      const base = raw.get(id);
      if (position === undefined || !base) return assembleItems();
      const item = shownItem(id, base);
      if (itemList[position] === item) continue;
      list ??= [...itemList];
      list[position] = item;
    }
    if (list) itemList = list;
    return itemList;
  }

  function read(): Result<SessionSnapshot, SessionError> {
    const schemaError = checkSchema(doc);
    let readOnly: SessionSnapshot['readOnly'] = null;
    if (schemaError) {
      const allowNewer =
        typeof options.allowNewer === 'function' ? options.allowNewer() : options.allowNewer;
      if (schemaError.code !== 'newer-schema' || !allowNewer) return err(schemaError);
      readOnly = { found: schemaError.found, supported: SCHEMA_VERSION };
    }
    if (phasesDirty) refreshPhases();
    const touched = refreshItems();
    if (orderDirty) sortedIds = sortItems([...raw.values()], phaseIds).map((item) => item.id);
    if (themesDirty) {
      const next = readThemes(doc, phaseIds);
      themes = sameList(themes, next, sameTheme) ? themes : next;
      themePhase = new Map(themes.map((theme) => [theme.id, theme.phaseId]));
    }
    // Text, owner, due or theme of an item never change a total; membership and kind do, and
    // those set orderDirty.
    const recount = votesDirty || orderDirty;
    const totalsBefore = totals;
    if (recount) refreshVotes();
    let itemsNow = itemList;
    if (orderDirty || themesDirty || touched === 'all') itemsNow = assembleItems();
    else if (touched || recount) {
      // A dot changes the totals of one or two items: patch those, not all 5,000.
      const ids = new Set(touched ?? []);
      if (recount) for (const id of changedTotals(totalsBefore, totals)) ids.add(id);
      itemsNow = patchItems([...ids]);
    }
    if (metaDirty || !meta) {
      meta = keepEqualMeta(meta, readMeta(doc, phaseIds));
    }
    phasesDirty = metaDirty = themesDirty = votesDirty = orderDirty = false;
    const snapshot: SessionSnapshot = { ...meta, readOnly, phases, items: itemsNow, themes };
    if (last && sameSnapshotParts(last, snapshot)) return ok(last);
    last = snapshot;
    return ok(snapshot);
  }

  return {
    read,
    destroy() {
      doc.off('afterTransaction', onTransaction);
    },
  };
}

/** The item fields the order depends on (snapshot-parts.ts, sortItems). */
const SORT_FIELDS: ReadonlySet<string> = new Set(['kind', 'phaseId', 'createdAt']);

/** Ids whose total differs between two tallies (absent counts as 0). */
function changedTotals(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>) {
  const changed: string[] = [];
  for (const [id, count] of after) if ((before.get(id) ?? 0) !== count) changed.push(id);
  for (const [id, count] of before) if (!after.has(id) && count !== 0) changed.push(id);
  return changed;
}
