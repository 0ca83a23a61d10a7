import * as Y from 'yjs';
import type { SessionError } from './types';

/**
 * The layout of a session's Y.Doc, version 1. Everything shared lives here; nothing names an
 * author (DESIGN.md, "No author identity in the shared document").
 *
 *   meta   Y.Map   schemaVersion, title, templateId, templateVersion, templateName, locale,
 *                  createdAt, currentPhaseId, status, endedAt, timer (plain object, timer.ts)
 *   phases Y.Array<Y.Map>   id, title, prompt, kinds (string[]), minutes, notes
 *   items  Y.Map<Y.Map>     id → kind, phaseId, text (Y.Text), createdAt, owner, due
 *
 * Raise SCHEMA_VERSION for any change an older Kring would misread; older Kring then refuses
 * the document with 'newer-schema' instead of corrupting it.
 */
export const SCHEMA_VERSION = 1;

export const META = 'meta';
export const PHASES = 'phases';
export const ITEMS = 'items';

export type YRecord = Y.Map<unknown>;

export function metaOf(doc: Y.Doc): YRecord {
  return doc.getMap(META);
}

export function phasesOf(doc: Y.Doc): Y.Array<YRecord> {
  return doc.getArray<YRecord>(PHASES);
}

export function itemsOf(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap<YRecord>(ITEMS);
}

/** Whether the document holds a session this Kring can read, and if not, why. */
export function checkSchema(doc: Y.Doc): SessionError | null {
  const version = metaOf(doc).get('schemaVersion');
  if (typeof version !== 'number') return { code: 'not-a-session' };
  if (version > SCHEMA_VERSION) {
    return { code: 'newer-schema', found: version, supported: SCHEMA_VERSION };
  }
  return null;
}

/** Reads a string field written by any peer, tolerating a missing or malformed value. */
export function readString(map: YRecord, key: string): string {
  const value = map.get(key);
  if (typeof value === 'string') return value;
  if (value instanceof Y.Text) return value.toString();
  return '';
}
