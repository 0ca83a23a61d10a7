import { customAlphabet } from 'nanoid';
import * as Y from 'yjs';
import { MAX_DRAFTS_PER_SESSION, MAX_ITEMS_PER_SESSION } from '../limits';
import { err, ok, type Result } from '../result';
import { guard } from './capabilities';
import { defaultContext, type SessionContext } from './context';
import { checkNewItem, itemRecord, type NewItem } from './items';
import { findPhase } from './phases';
import { itemsOf, readString, type YRecord } from './schema';
import { type ItemKind, isItemKind, type SessionError } from './types';

/**
 * What of a session stays on this device (issue 11, item 8): private drafts, which items this
 * device wrote, and its voter key. It lives in a second Y.Doc per room, persisted apart from the
 * session and never handed to a transport, so none of it can reach the wire by accident: the
 * only way out is `shareDrafts`, which moves drafts into the shared document.
 *
 *   drafts Y.Map<id, Y.Map>  phaseId, kind, text, createdAt, owner, due (plain values)
 *   mine   Y.Map<itemId, true>
 *   device Y.Map            voterKey
 *
 * A Y.Doc (not a key-value entry) because two tabs of one session on one device merge their
 * drafts instead of overwriting each other.
 */

export interface DraftSnapshot {
  readonly id: string;
  readonly phaseId: string;
  readonly kind: ItemKind;
  readonly text: string;
  readonly createdAt: string;
  readonly owner: string;
  readonly due: string;
}

const DRAFTS = 'drafts';
const MINE = 'mine';
const DEVICE = 'device';

/** 16 characters of nanoid's alphabet: ~95 bits, and valid in a vote key (votes.ts). */
const newVoterKey = customAlphabet(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
  16,
);

function draftsOf(local: Y.Doc): Y.Map<YRecord> {
  return local.getMap<YRecord>(DRAFTS);
}

/**
 * This device's voter key for the session, made on first use. Random and per session, so a
 * vote links neither to a name nor to the same device's votes in another session.
 */
export function voterKeyOf(local: Y.Doc): string {
  const device = local.getMap<unknown>(DEVICE);
  const stored = device.get('voterKey');
  if (typeof stored === 'string' && stored !== '') return stored;
  const key = newVoterKey();
  device.set('voterKey', key);
  return key;
}

/**
 * Marks that this device has read the session with a schema it supports. From then on a peer
 * raising the document's minimum reader version cannot lock this device out: it keeps reading
 * the session, read-only (schema.ts, "Versions").
 */
export function markReadable(local: Y.Doc): void {
  const device = local.getMap<unknown>(DEVICE);
  if (device.get('readable') !== true) device.set('readable', true);
}

export function wasReadable(local: Y.Doc): boolean {
  return local.getMap<unknown>(DEVICE).get('readable') === true;
}

export function mineOf(local: Y.Doc): ReadonlySet<string> {
  return new Set(local.getMap<unknown>(MINE).keys());
}

export function rememberMine(local: Y.Doc, itemIds: readonly string[]): void {
  if (itemIds.length === 0) return;
  local.transact(() => {
    for (const id of itemIds) local.getMap<unknown>(MINE).set(id, true);
  });
}

/** This device's drafts, oldest first (then by id), optionally of one phase. */
export function readDrafts(local: Y.Doc, phaseId?: string): DraftSnapshot[] {
  const drafts: DraftSnapshot[] = [];
  for (const [id, record] of draftsOf(local).entries()) {
    if (!(record instanceof Y.Map)) continue;
    const kind = record.get('kind');
    if (!isItemKind(kind)) continue;
    const draft = {
      id,
      kind,
      phaseId: readString(record, 'phaseId'),
      text: readString(record, 'text'),
      createdAt: readString(record, 'createdAt'),
      owner: readString(record, 'owner'),
      due: readString(record, 'due'),
    };
    if (phaseId === undefined || draft.phaseId === phaseId) drafts.push(draft);
  }
  return drafts.sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
  );
}

/**
 * Keeps a new contribution as a draft on this device. Checked as `addItem` checks an item, so
 * the reveal cannot fail on a draft that was accepted here.
 */
export function addDraft(
  shared: Y.Doc,
  local: Y.Doc,
  item: NewItem,
  context: SessionContext = defaultContext,
): Result<string, SessionError> {
  const refusal = guard(shared, 'add-item', context);
  if (refusal) return err(refusal);
  const phase = findPhase(shared, item.phaseId);
  if (!phase) return err({ code: 'phase-not-found', phaseId: item.phaseId });
  const kinds = phase.get('kinds');
  if (!Array.isArray(kinds) || !kinds.includes(item.kind)) {
    return err({ code: 'kind-not-in-phase', kind: item.kind, phaseId: item.phaseId });
  }
  if (draftsOf(local).size >= MAX_DRAFTS_PER_SESSION) {
    return err({ code: 'too-many-drafts', limit: MAX_DRAFTS_PER_SESSION });
  }
  const fieldError = checkNewItem(item);
  if (fieldError) return err(fieldError);
  const id = context.newId();
  local.transact(() => {
    const record = new Y.Map<unknown>();
    record.set('phaseId', item.phaseId);
    record.set('kind', item.kind);
    record.set('text', item.text.trim());
    record.set('createdAt', context.now().toISOString());
    record.set('owner', (item.owner ?? '').trim());
    record.set('due', item.due ?? '');
    draftsOf(local).set(id, record);
  });
  return ok(id);
}

export function editDraft(
  local: Y.Doc,
  draftId: string,
  changes: { readonly text?: string; readonly owner?: string; readonly due?: string },
): Result<void, SessionError> {
  const record = draftsOf(local).get(draftId);
  if (!(record instanceof Y.Map)) return err({ code: 'draft-not-found', draftId });
  const kind = record.get('kind');
  const next: NewItem = {
    kind: isItemKind(kind) ? kind : 'insight',
    phaseId: readString(record, 'phaseId'),
    text: changes.text ?? readString(record, 'text'),
    owner: changes.owner ?? readString(record, 'owner'),
    due: changes.due ?? readString(record, 'due'),
  };
  const fieldError = checkNewItem(next);
  if (fieldError) return err(fieldError);
  local.transact(() => {
    if (changes.text !== undefined) record.set('text', changes.text.trim());
    if (changes.owner !== undefined) record.set('owner', changes.owner.trim());
    if (changes.due !== undefined) record.set('due', changes.due);
  });
  return ok(undefined);
}

export function deleteDraft(local: Y.Doc, draftId: string): Result<void, SessionError> {
  if (!draftsOf(local).has(draftId)) return err({ code: 'draft-not-found', draftId });
  draftsOf(local).delete(draftId);
  return ok(undefined);
}

/** Which drafts to share: one (Share now), or all of a phase (the reveal). */
export type DraftSelection = { readonly draftId: string } | { readonly phaseId: string };

/**
 * The one move from this device to the shared document. Each draft becomes an item in one
 * shared transaction, then leaves the device state and is remembered as this device's own.
 * Revealed drafts all take the phase's reveal time as their creation time, so the shared order
 * (time, then random id) mixes everyone's contributions instead of grouping them by writer.
 * Drafts of a phase that was removed stay on the device (nothing is lost); the count of shared
 * ones is returned.
 */
export function shareDrafts(
  shared: Y.Doc,
  local: Y.Doc,
  selection: DraftSelection,
  context: SessionContext = defaultContext,
): Result<number, SessionError> {
  const refusal = guard(shared, 'add-item', context);
  if (refusal) return err(refusal);
  const all = readDrafts(local);
  const chosen =
    'draftId' in selection
      ? all.filter((draft) => draft.id === selection.draftId)
      : all.filter((draft) => draft.phaseId === selection.phaseId);
  if ('draftId' in selection && chosen.length === 0) {
    return err({ code: 'draft-not-found', draftId: selection.draftId });
  }
  const items = itemsOf(shared);
  const movable = chosen.filter((draft) => findPhase(shared, draft.phaseId));
  if (items.size + movable.length > MAX_ITEMS_PER_SESSION) {
    return err({ code: 'too-many-items', limit: MAX_ITEMS_PER_SESSION });
  }
  const ids: string[] = [];
  shared.transact(() => {
    for (const draft of movable) {
      const phase = findPhase(shared, draft.phaseId);
      const revealedAt = phase?.get('revealedAt');
      const createdAt =
        'phaseId' in selection && typeof revealedAt === 'string'
          ? revealedAt
          : context.now().toISOString();
      const id = context.newId();
      items.set(id, itemRecord(draft, draft.text, createdAt));
      ids.push(id);
    }
  });
  local.transact(() => {
    for (const draft of movable) draftsOf(local).delete(draft.id);
    for (const id of ids) local.getMap<unknown>(MINE).set(id, true);
  });
  return ok(ids.length);
}

/**
 * Whether the private moment of a phase is over on the shared document: the facilitator
 * revealed, or turned private writing off. Drafts of such a phase are shared when seen.
 */
export function isRevealed(shared: Y.Doc, phaseId: string): boolean {
  const phase = findPhase(shared, phaseId);
  if (!phase) return false;
  return typeof phase.get('revealedAt') === 'string' || phase.get('privateWriting') !== true;
}

/** Whether new contributions to this phase are drafts now. */
export function writesDrafts(shared: Y.Doc, phaseId: string): boolean {
  const phase = findPhase(shared, phaseId);
  return phase?.get('privateWriting') === true && typeof phase.get('revealedAt') !== 'string';
}

/**
 * The facilitator's Reveal: marks the phase revealed for everyone. Each device then shares its
 * own drafts when it sees the mark (the session model does, at once or when it is back).
 */
export function revealPhase(
  shared: Y.Doc,
  phaseId: string,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(shared, 'reveal', context);
  if (refusal) return err(refusal);
  const phase = findPhase(shared, phaseId);
  if (!phase) return err({ code: 'phase-not-found', phaseId });
  if (phase.get('privateWriting') !== true) return err({ code: 'not-private', phaseId });
  if (typeof phase.get('revealedAt') === 'string') return ok(undefined);
  phase.set('revealedAt', context.now().toISOString());
  return ok(undefined);
}
