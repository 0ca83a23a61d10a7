import * as Y from 'yjs';
import type { Locale } from '../../lib/locale';
import { createSession, type SessionSnapshot, snapshotSession } from '../../lib/session';
import { fixedContext } from './context';
import { testTemplate } from './test-template';

/** A fresh document holding a running session of the test template. */
export function newSessionDoc(locale: Locale = 'en', title = ''): Y.Doc {
  const doc = new Y.Doc();
  const created = createSession(doc, { template: testTemplate, locale, title }, fixedContext('p'));
  if (!created.ok) throw new Error(`test setup: ${created.error.code}`);
  return doc;
}

/** The snapshot of a document that must hold a readable session. */
export function snap(doc: Y.Doc): SessionSnapshot {
  const result = snapshotSession(doc);
  if (!result.ok) throw new Error(`expected a session, got ${result.error.code}`);
  return result.value;
}

/** Unwraps a result the test expects to succeed, failing loudly with the refusal otherwise. */
export function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}
