import type * as Y from 'yjs';
import { MAX_TITLE_LENGTH } from '../limits';
import { err, ok, type Result } from '../result';
import { guard } from './capabilities';
import { defaultContext, type SessionContext } from './context';
import { checkSchema as checkSchemaError, metaOf } from './schema';
import type { SessionError } from './types';
import { checkText } from './validate';

export function setTitle(
  doc: Y.Doc,
  title: string,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'set-title', context);
  if (refusal) return err(refusal);
  const trimmed = title.trim();
  const error = checkText('title', trimmed, MAX_TITLE_LENGTH, { allowEmpty: false });
  if (error) return err(error);
  metaOf(doc).set('title', trimmed);
  return ok(undefined);
}

/** Ends the session: items become read-only, the harvest stays exportable. */
export function endSession(
  doc: Y.Doc,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const meta = metaOf(doc);
  if (meta.get('status') === 'ended' && !checkSchemaError(doc)) return ok(undefined);
  const refusal = guard(doc, 'end-session', context);
  if (refusal) return err(refusal);
  doc.transact(() => {
    meta.set('status', 'ended');
    meta.set('endedAt', context.now().toISOString());
  });
  return ok(undefined);
}

/** Opens an ended session again, e.g. when the facilitator ended it by mistake. */
export function reopenSession(
  doc: Y.Doc,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  if (metaOf(doc).get('status') !== 'ended' && !checkSchemaError(doc)) return ok(undefined);
  const refusal = guard(doc, 'reopen-session', context);
  if (refusal) return err(refusal);
  doc.transact(() => {
    metaOf(doc).set('status', 'running');
    metaOf(doc).set('endedAt', null);
  });
  return ok(undefined);
}
