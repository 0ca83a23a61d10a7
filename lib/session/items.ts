import * as Y from 'yjs';
import { MAX_ITEM_TEXT_LENGTH, MAX_ITEMS_PER_SESSION, MAX_OWNER_LENGTH } from '../limits';
import { err, ok, type Result } from '../result';
import { guard } from './capabilities';
import { defaultContext, type SessionContext } from './context';
import { kindHas } from './item-fields';
import { findPhase } from './phases';
import { itemsOf, readString, type YRecord } from './schema';
import type { ItemKind, SessionError } from './types';
import { checkText, isDueDate } from './validate';
import { forgetVotesOf } from './votes';

export interface NewItem {
  readonly kind: ItemKind;
  readonly phaseId: string;
  readonly text: string;
  /** Actions only. */
  readonly owner?: string;
  /** Actions only: YYYY-MM-DD or ''. */
  readonly due?: string;
}

export function addItem(
  doc: Y.Doc,
  item: NewItem,
  context: SessionContext = defaultContext,
): Result<string, SessionError> {
  const refusal = guard(doc, 'add-item', context);
  if (refusal) return err(refusal);
  const phase = findPhase(doc, item.phaseId);
  if (!phase) return err({ code: 'phase-not-found', phaseId: item.phaseId });
  const kinds = phase.get('kinds');
  if (!Array.isArray(kinds) || !kinds.includes(item.kind)) {
    return err({ code: 'kind-not-in-phase', kind: item.kind, phaseId: item.phaseId });
  }
  const items = itemsOf(doc);
  if (items.size >= MAX_ITEMS_PER_SESSION) {
    return err({ code: 'too-many-items', limit: MAX_ITEMS_PER_SESSION });
  }
  const text = item.text.trim();
  const textError = checkText('item', text, MAX_ITEM_TEXT_LENGTH, { allowEmpty: false });
  if (textError) return err(textError);
  // owner and due belong to actions; for other kinds they are ignored, not stored.
  const actionError = checkActionFields(item.owner ?? '', item.due ?? '');
  if (actionError) return err(actionError);

  const id = context.newId();
  doc.transact(() => {
    items.set(id, itemRecord(item, text, context.now().toISOString()));
  });
  return ok(id);
}

/** Checks a new item's fields as `addItem` does, without writing (drafts use it too). */
export function checkNewItem(item: NewItem): SessionError | null {
  const text = item.text.trim();
  const textError = checkText('item', text, MAX_ITEM_TEXT_LENGTH, { allowEmpty: false });
  if (textError) return textError;
  return checkActionFields(item.owner ?? '', item.due ?? '');
}

export function itemRecord(item: NewItem, text: string, createdAt: string): YRecord {
  const record = new Y.Map<unknown>();
  record.set('kind', item.kind);
  record.set('phaseId', item.phaseId);
  record.set('text', new Y.Text(text));
  record.set('createdAt', createdAt);
  if (kindHas(item.kind, 'owner')) record.set('owner', (item.owner ?? '').trim());
  if (kindHas(item.kind, 'due')) record.set('due', item.due ?? '');
  return record;
}

/**
 * The shared text of an item, for binding an editor to it character by character. Editors
 * must go through `editItemText` so the length limit holds.
 */
export function itemText(doc: Y.Doc, itemId: string): Y.Text | undefined {
  const text = itemsOf(doc).get(itemId)?.get('text');
  return text instanceof Y.Text ? text : undefined;
}

export interface TextEdit {
  /** Position in UTF-16 code units, as in the editor's selection. */
  readonly index: number;
  readonly deleteCount: number;
  readonly insert: string;
}

/**
 * Applies one local edit to an item's text. Small edits (not whole-text replacement) are what
 * let two people type in one item and both keep their words.
 */
export function editItemText(
  doc: Y.Doc,
  itemId: string,
  edit: TextEdit,
  origin: unknown = null,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'edit-item', context);
  if (refusal) return err(refusal);
  const text = itemText(doc, itemId);
  if (!text) return err({ code: 'item-not-found', itemId });
  const index = clamp(edit.index, 0, text.length);
  const deleteCount = clamp(edit.deleteCount, 0, text.length - index);
  const newLength = text.length - deleteCount + edit.insert.length;
  if (edit.insert.length > 0 && newLength > MAX_ITEM_TEXT_LENGTH) {
    return err({
      code: 'text-too-long',
      field: 'item',
      length: newLength,
      limit: MAX_ITEM_TEXT_LENGTH,
    });
  }
  doc.transact(() => {
    if (deleteCount > 0) text.delete(index, deleteCount);
    if (edit.insert.length > 0) text.insert(index, edit.insert);
  }, origin);
  return ok(undefined);
}

/**
 * Replaces an item's text with `next`, touching only the span that differs, so a concurrent
 * edit elsewhere in the same item survives.
 */
export function replaceItemText(
  doc: Y.Doc,
  itemId: string,
  next: string,
  origin: unknown = null,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const text = itemText(doc, itemId);
  if (!text) return err({ code: 'item-not-found', itemId });
  return editItemText(doc, itemId, diffText(text.toString(), next), origin, context);
}

/** The single edit that turns `before` into `after`: common prefix and suffix kept. */
export function diffText(before: string, after: string): TextEdit {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < shortest - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end++;
  }
  return {
    index: start,
    deleteCount: before.length - start - end,
    insert: after.slice(start, after.length - end),
  };
}

export function deleteItem(
  doc: Y.Doc,
  itemId: string,
  origin: unknown = null,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'delete-item', context);
  if (refusal) return err(refusal);
  const items = itemsOf(doc);
  if (!items.has(itemId)) return err({ code: 'item-not-found', itemId });
  // Its votes go with it, so a restored (undone) item starts without them, and no dots of a
  // deleted item count against anyone's budget.
  doc.transact(() => {
    items.delete(itemId);
    forgetVotesOf(doc, new Set([itemId]));
  }, origin);
  return ok(undefined);
}

export interface ActionFields {
  readonly owner?: string;
  /** YYYY-MM-DD, or '' to clear. */
  readonly due?: string;
}

export function updateAction(
  doc: Y.Doc,
  itemId: string,
  fields: ActionFields,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'edit-item', context);
  if (refusal) return err(refusal);
  const record = itemsOf(doc).get(itemId);
  if (!record) return err({ code: 'item-not-found', itemId });
  if (record.get('kind') !== 'action') return err({ code: 'not-an-action', itemId });
  const owner = fields.owner ?? readString(record, 'owner');
  const due = fields.due ?? readString(record, 'due');
  const fieldError = checkActionFields(owner, due);
  if (fieldError) return err(fieldError);
  doc.transact(() => {
    if (fields.owner !== undefined) record.set('owner', owner.trim());
    if (fields.due !== undefined) record.set('due', due);
  });
  return ok(undefined);
}

function checkActionFields(owner: string, due: string): SessionError | null {
  const ownerError = checkText('owner', owner.trim(), MAX_OWNER_LENGTH, { allowEmpty: true });
  if (ownerError) return ownerError;
  if (!isDueDate(due)) return { code: 'invalid-date', value: due };
  return null;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(Number.isFinite(value) ? Math.trunc(value) : min, min), max);
}

export type { YRecord };
