import * as Y from 'yjs';
import { isLocale } from '../locale';
import { readThemePolicy } from './capabilities';
import { readContinuesFrom } from './carry-over';
import { kindHas } from './item-fields';
import type { OrderedPhase } from './phase-order';
import { MIN_READER_VERSION, metaOf, minReaderVersion, readString, type YRecord } from './schema';
import { readTimer } from './timer';
import {
  ITEM_KINDS,
  type ItemSnapshot,
  isItemKind,
  type PhaseSnapshot,
  type SessionSnapshot,
} from './types';
import { readVoting } from './votes';

/**
 * Readers of one part of a session document each. Every field is read defensively: a document
 * may have been written by another (possibly buggy or hostile) peer, and rendering must not
 * crash. The snapshot reader (snapshot.ts) decides which parts to read again.
 */

export type MetaPart = Omit<SessionSnapshot, 'phases' | 'items' | 'themes' | 'readOnly'>;

export function readMeta(doc: Y.Doc, phaseIds: readonly string[]): MetaPart {
  const meta = metaOf(doc);
  const storedCurrent = readString(meta, 'currentPhaseId');
  const locale = meta.get('locale');
  const templateVersion = meta.get('templateVersion');
  const endedAt = meta.get('endedAt');
  const learningQuestion = meta.get('learningQuestion');
  return {
    schemaVersion: minReaderVersion(doc) ?? MIN_READER_VERSION,
    title: readString(meta, 'title'),
    template: {
      id: readString(meta, 'templateId'),
      version: typeof templateVersion === 'number' ? templateVersion : 0,
      name: readString(meta, 'templateName'),
    },
    locale: isLocale(locale) ? locale : 'en',
    createdAt: readString(meta, 'createdAt'),
    // Only a plain string is a slot; anything else a peer wrote is read as no slot at all.
    learningQuestion: typeof learningQuestion === 'string' ? learningQuestion : null,
    continuesFrom: readContinuesFrom(meta.get('continuesFrom')),
    // Only `true` asks for the relay; anything else a peer wrote is a small group, as absent.
    largeGroup: meta.get('largeGroup') === true,
    status: meta.get('status') === 'ended' ? 'ended' : 'running',
    endedAt: typeof endedAt === 'string' ? endedAt : null,
    // A removed current phase falls back to the first, so every peer shows a phase.
    currentPhaseId: phaseIds.includes(storedCurrent) ? storedCurrent : (phaseIds[0] ?? ''),
    timer: readTimer(doc),
  };
}

export function readPhase(entry: OrderedPhase): PhaseSnapshot {
  const { record, id } = entry;
  const stored = record.get('kinds');
  const kinds = ITEM_KINDS.filter((kind) => Array.isArray(stored) && stored.includes(kind));
  const minutes = record.get('minutes');
  const revealedAt = record.get('revealedAt');
  return {
    id,
    title: readString(record, 'title'),
    prompt: readString(record, 'prompt'),
    kinds,
    minutes: typeof minutes === 'number' && Number.isFinite(minutes) ? minutes : 0,
    notes: readString(record, 'notes'),
    privateWriting: record.get('privateWriting') === true,
    review: record.get('review') === true,
    revealedAt: typeof revealedAt === 'string' ? revealedAt : null,
    themes: readThemePolicy(record.get('themes')),
    voting: readVoting(record.get('voting'), kinds),
  };
}

/** An item as stored, before themes and votes are checked against the rest of the document. */
export function readItem(id: string, record: YRecord): ItemSnapshot | null {
  if (!(record instanceof Y.Map)) return null;
  const kind = record.get('kind');
  if (!isItemKind(kind)) return null;
  return {
    id,
    kind,
    phaseId: readString(record, 'phaseId'),
    text: readString(record, 'text'),
    createdAt: readString(record, 'createdAt'),
    owner: kindHas(kind, 'owner') ? readString(record, 'owner') : '',
    due: kindHas(kind, 'due') ? readString(record, 'due') : '',
    themeId: kindHas(kind, 'themeId') ? readString(record, 'themeId') : '',
    votes: 0,
    done: kindHas(kind, 'done') && record.get('done') === true,
  };
}

/** Code-unit order, not locale order: identical on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Items ordered by phase (in phase order; items of a removed phase last), then kind, then
 * creation time, then id: the same order on every peer.
 */
export function sortItems(items: ItemSnapshot[], phaseIds: readonly string[]): ItemSnapshot[] {
  const rank = new Map(phaseIds.map((id, index) => [id, index]));
  const phaseRank = (item: ItemSnapshot) => rank.get(item.phaseId) ?? phaseIds.length;
  return items.sort(
    (a, b) =>
      phaseRank(a) - phaseRank(b) ||
      ITEM_KINDS.indexOf(a.kind) - ITEM_KINDS.indexOf(b.kind) ||
      compareStrings(a.createdAt, b.createdAt) ||
      compareStrings(a.id, b.id),
  );
}
