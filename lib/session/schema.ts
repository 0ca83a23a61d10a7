import * as Y from 'yjs';
import type { SessionError } from './types';

/**
 * The layout of a session's Y.Doc, schema 2. Everything shared lives here; nothing names an
 * author (DESIGN.md, "No author identity in the shared document").
 *
 *   meta   Y.Map   schemaVersion, writerVersion, title, templateId, templateVersion,
 *                  templateName, locale, createdAt, currentPhaseId, status, endedAt,
 *                  timer (plain object, timer.ts);
 *                  since issue 8: learningQuestion (string; absent: no slot, '': slot not
 *                  filled yet), continuesFrom (plain object { title, createdAt, templateName }:
 *                  the earlier session, carry-over.ts);
 *                  since issue 10: largeGroup (true or absent: connect through the relay)
 *   phases Y.Array<Y.Map>   id, title, prompt, kinds (string[]), minutes, notes;
 *                  since 2: order (fractional key, phase-order.ts), privateWriting,
 *                  revealedAt, themes (ThemePolicy), voting (plain object, votes.ts), review (the
 *                  opening review phase of a series, carry-over.ts; true or absent)
 *   items  Y.Map<Y.Map>     id → kind, phaseId, text (Y.Text), createdAt, owner, due;
 *                  since 2: themeId; since issue 8: done (boolean, questions and actions:
 *                  answered / done; absent: not)
 *   themes Y.Map<Y.Map>     since 2: id → phaseId, name (Y.Text), createdAt (themes.ts)
 *   votes  Y.Map<number>    since 2: "itemId:voterKey" → dots (votes.ts)
 *
 * Versions. `meta.schemaVersion` is the *minimum reader version*: the oldest Kring that reads
 * the document correctly. Kring 1 already refuses anything above 1, so the field keeps its
 * name. Everything schema 2 and issues 8 and 10 add is additive (Kring 1 ignores fields and maps
 * it does not know: it shows no learning question and no done marks, and does not ask for the
 * relay in a large group), so sessions this Kring makes still say 1 and stay open to Kring 1
 * peers in a mixed room; `meta.writerVersion` (informational) says a newer Kring wrote it. A future change an older Kring would misread
 * must raise the minimum reader version.
 *
 * Any peer can write any field, so the minimum reader version is a claim, not a fact. A device
 * that could already read a session keeps reading it when a peer raises the claim past what it
 * supports: it shows the session read-only (snapshot `readOnly`) instead of locking its user
 * out (see readableOnThisDevice in lib/app). Only a device that never read the session is
 * refused with 'newer-schema'.
 */
export const SCHEMA_VERSION = 2;
/** What a session made by this Kring asks of its readers; see above. */
export const MIN_READER_VERSION = 1;

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

/** Whether the document holds a session this Kring can read (and write), and if not, why. */
export function checkSchema(doc: Y.Doc): SessionError | null {
  const version = minReaderVersion(doc);
  if (version === null) return { code: 'not-a-session' };
  if (version > SCHEMA_VERSION) {
    return { code: 'newer-schema', found: version, supported: SCHEMA_VERSION };
  }
  return null;
}

/**
 * The document's minimum reader version, or null when it holds no session (yet). Real Kring
 * only ever writes a whole number of at least 1; anything else (NaN, a string, a deleted field
 * in a document that holds phases) is no claim at all, only damage, and is read as the lowest
 * version, so a peer cannot lock everyone out by breaking the field either.
 */
export function minReaderVersion(doc: Y.Doc): number | null {
  const version = metaOf(doc).get('schemaVersion');
  if (Number.isInteger(version) && (version as number) >= 1) return version as number;
  const holdsSession = phasesOf(doc).length > 0;
  return holdsSession ? MIN_READER_VERSION : null;
}

/** Reads a string field written by any peer, tolerating a missing or malformed value. */
export function readString(map: YRecord, key: string): string {
  const value = map.get(key);
  if (typeof value === 'string') return value;
  if (value instanceof Y.Text) return value.toString();
  return '';
}
