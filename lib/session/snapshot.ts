import type * as Y from 'yjs';
import { isLocale } from '../locale';
import { err, ok, type Result } from '../result';
import { checkSchema, itemsOf, metaOf, phasesOf, readString, type YRecord } from './schema';
import { readTimer } from './timer';
import {
  ITEM_KINDS,
  type ItemSnapshot,
  isItemKind,
  type PhaseSnapshot,
  type SessionError,
  type SessionSnapshot,
} from './types';

/**
 * Derives the plain snapshot of a session. Every field is read defensively: a document may
 * have been written by another (possibly buggy or hostile) peer, and rendering must not crash.
 * Ordering uses only document data, so every peer derives the same snapshot.
 */
export function snapshotSession(doc: Y.Doc): Result<SessionSnapshot, SessionError> {
  const schemaError = checkSchema(doc);
  if (schemaError) return err(schemaError);
  const meta = metaOf(doc);
  const phases = readPhases(phasesOf(doc).toArray());
  const phaseIds = phases.map((phase) => phase.id);
  const storedCurrent = readString(meta, 'currentPhaseId');
  const locale = meta.get('locale');
  const templateVersion = meta.get('templateVersion');
  const endedAt = meta.get('endedAt');
  return ok({
    schemaVersion: meta.get('schemaVersion') as number,
    title: readString(meta, 'title'),
    template: {
      id: readString(meta, 'templateId'),
      version: typeof templateVersion === 'number' ? templateVersion : 0,
      name: readString(meta, 'templateName'),
    },
    locale: isLocale(locale) ? locale : 'en',
    createdAt: readString(meta, 'createdAt'),
    status: meta.get('status') === 'ended' ? 'ended' : 'running',
    endedAt: typeof endedAt === 'string' ? endedAt : null,
    // A removed current phase falls back to the first, so every peer shows a phase.
    currentPhaseId: phaseIds.includes(storedCurrent) ? storedCurrent : (phaseIds[0] ?? ''),
    timer: readTimer(doc),
    phases,
    items: readItems(itemsOf(doc), phaseIds),
  });
}

function readPhases(records: readonly YRecord[]): PhaseSnapshot[] {
  const seen = new Set<string>();
  const phases: PhaseSnapshot[] = [];
  for (const record of records) {
    const id = readString(record, 'id');
    // Two peers inserting the same id is a bug elsewhere; showing it twice would confuse more.
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    const kinds = record.get('kinds');
    const minutes = record.get('minutes');
    phases.push({
      id,
      title: readString(record, 'title'),
      prompt: readString(record, 'prompt'),
      kinds: ITEM_KINDS.filter((kind) => Array.isArray(kinds) && kinds.includes(kind)),
      minutes: typeof minutes === 'number' && Number.isFinite(minutes) ? minutes : 0,
      notes: readString(record, 'notes'),
    });
  }
  return phases;
}

function readItems(records: Y.Map<YRecord>, phaseIds: readonly string[]): ItemSnapshot[] {
  const items: ItemSnapshot[] = [];
  for (const [id, record] of records.entries()) {
    const kind = record.get('kind');
    if (!isItemKind(kind)) continue;
    const isAction = kind === 'action';
    items.push({
      id,
      kind,
      phaseId: readString(record, 'phaseId'),
      text: readString(record, 'text'),
      createdAt: readString(record, 'createdAt'),
      owner: isAction ? readString(record, 'owner') : '',
      due: isAction ? readString(record, 'due') : '',
    });
  }
  const phaseRank = (item: ItemSnapshot) => {
    const index = phaseIds.indexOf(item.phaseId);
    return index < 0 ? phaseIds.length : index;
  };
  return items.sort(
    (a, b) =>
      phaseRank(a) - phaseRank(b) ||
      ITEM_KINDS.indexOf(a.kind) - ITEM_KINDS.indexOf(b.kind) ||
      compareStrings(a.createdAt, b.createdAt) ||
      compareStrings(a.id, b.id),
  );
}

/** Code-unit order, not locale order: identical on every machine. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
