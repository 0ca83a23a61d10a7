import * as Y from 'yjs';
import { err, ok, type Result } from '../result';
import { orderedPhases } from './phase-order';
import { checkSchema, ITEMS, itemsOf, META, PHASES, SCHEMA_VERSION } from './schema';
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

  function refreshItems(): boolean {
    if (!allItemsDirty && dirtyItems.size === 0) return false;
    const ids = allItemsDirty ? [...items.keys()] : [...dirtyItems];
    if (allItemsDirty) raw.clear();
    for (const id of ids) {
      const record = items.get(id);
      const item = record ? readItem(id, record) : null;
      if (item) raw.set(id, item);
      else raw.delete(id);
    }
    allItemsDirty = false;
    dirtyItems.clear();
    return true;
  }

  function refreshVotes(): void {
    const voting = new Map<string, VotingSnapshot>(phases.map((p) => [p.id, p.voting]));
    const active = phases.some((phase) => phase.voting.status !== 'none');
    totals = active ? tallyVotes(votesOf(doc).entries(), raw, voting) : new Map();
  }

  /** The items as shown: theme ids checked against the themes, vote totals filled in. */
  function assembleItems(): readonly ItemSnapshot[] {
    const nextShown = new Map<string, { raw: ItemSnapshot; item: ItemSnapshot }>();
    const list: ItemSnapshot[] = [];
    let changed = sortedIds.length !== itemList.length;
    for (const id of sortedIds) {
      const base = raw.get(id);
      if (!base) continue;
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
      if (!changed && itemList[list.length] !== item) changed = true;
      list.push(item);
      nextShown.set(id, { raw: base, item });
    }
    shown = nextShown;
    if (changed) itemList = list;
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
    const itemsChanged = refreshItems();
    if (orderDirty) sortedIds = sortItems([...raw.values()], phaseIds).map((item) => item.id);
    if (themesDirty) {
      const next = readThemes(doc, phaseIds);
      themes = sameList(themes, next, sameTheme) ? themes : next;
      themePhase = new Map(themes.map((theme) => [theme.id, theme.phaseId]));
    }
    const recount = votesDirty || orderDirty || (itemsChanged && totals.size > 0);
    if (recount) refreshVotes();
    const itemsNow =
      itemsChanged || orderDirty || themesDirty || recount ? assembleItems() : itemList;
    if (metaDirty || !meta) {
      const next = readMeta(doc, phaseIds);
      meta = meta && sameTimer(meta.timer, next.timer) ? { ...next, timer: meta.timer } : next;
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

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((value, index) => same(value, b[index] as T));
}

function samePhase(a: PhaseSnapshot, b: PhaseSnapshot): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.prompt === b.prompt &&
    a.minutes === b.minutes &&
    a.notes === b.notes &&
    a.privateWriting === b.privateWriting &&
    a.revealedAt === b.revealedAt &&
    a.themes === b.themes &&
    sameList(a.kinds, b.kinds, Object.is) &&
    a.voting.status === b.voting.status &&
    a.voting.budget === b.voting.budget &&
    a.voting.maxPerItem === b.voting.maxPerItem &&
    a.voting.showLive === b.voting.showLive &&
    sameList(a.voting.kinds, b.voting.kinds, Object.is)
  );
}

function sameTheme(a: ThemeSnapshot, b: ThemeSnapshot): boolean {
  return (
    a.id === b.id && a.phaseId === b.phaseId && a.name === b.name && a.createdAt === b.createdAt
  );
}

function sameTimer(a: MetaPart['timer'], b: MetaPart['timer']): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.phaseId === b.phaseId &&
    a.durationMs === b.durationMs &&
    a.remainingMs === b.remainingMs &&
    a.startedAt === b.startedAt
  );
}

/** Shallow: the parts are shared by identity when unchanged, so this is cheap. */
function sameSnapshotParts(a: SessionSnapshot, b: SessionSnapshot): boolean {
  const keys = Object.keys(b) as (keyof SessionSnapshot)[];
  return keys.every((key) =>
    key === 'template' || key === 'readOnly'
      ? JSON.stringify(a[key]) === JSON.stringify(b[key])
      : Object.is(a[key], b[key]),
  );
}
