import type * as Y from 'yjs';
import { MAX_LEARNING_QUESTION_LENGTH } from '../limits';
import { err, ok, type Result } from '../result';
import { guard } from './capabilities';
import { defaultContext, type SessionContext } from './context';
import { kindHas } from './item-fields';
import { itemsOf, metaOf } from './schema';
import { isItemKind, type SessionError } from './types';
import { checkText } from './validate';

/**
 * Writes that make a session part of a series: ticking off what the last meeting left open,
 * and the shared learning question the series revolves around (carry-over.ts reads both).
 */

/**
 * Marks a question answered or an action done (or not). Anyone who may edit contributions
 * may: ticking off your own action is the point. `origin` lets the caller's undo manager
 * recognise the change.
 */
export function setItemDone(
  doc: Y.Doc,
  itemId: string,
  done: boolean,
  context: SessionContext = defaultContext,
  origin: unknown = null,
): Result<void, SessionError> {
  const refusal = guard(doc, 'edit-item', context);
  if (refusal) return err(refusal);
  const record = itemsOf(doc).get(itemId);
  if (!record) return err({ code: 'item-not-found', itemId });
  const kind = record.get('kind');
  if (!isItemKind(kind) || !kindHas(kind, 'done')) return err({ code: 'cannot-be-done', itemId });
  // Unchanged values are not written: a no-op would still travel to every peer.
  if (record.get('done') === done) return ok(undefined);
  doc.transact(() => record.set('done', done), origin);
  return ok(undefined);
}

/**
 * Sets the shared learning question; '' empties it but keeps the slot (the session still
 * shows a place for it). Facilitator only, like the title: it frames the whole session.
 */
export function setLearningQuestion(
  doc: Y.Doc,
  text: string,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'set-title', context);
  if (refusal) return err(refusal);
  const trimmed = text.trim();
  const error = checkText('learning-question', trimmed, MAX_LEARNING_QUESTION_LENGTH, {
    allowEmpty: true,
  });
  if (error) return err(error);
  const meta = metaOf(doc);
  if (meta.get('learningQuestion') === trimmed) return ok(undefined);
  meta.set('learningQuestion', trimmed);
  return ok(undefined);
}
