import { MAX_ITEM_TEXT_LENGTH, MAX_ITEMS_PER_SESSION, MAX_OWNER_LENGTH } from '../limits';
import { err, ok, type Result } from '../result';
import type { TemplatePhase } from '../templates/types';
import type { Continuation } from './carry-over';
import { GENERATED_REVIEW_PHASE, GENERATED_REVIEW_PHASE_ID } from './carry-over-texts';
import type { SessionContext } from './context';
import { kindHas } from './item-fields';
import { itemRecord } from './items';
import type { YRecord } from './schema';
import { ITEM_KINDS, type ItemKind, type SessionError } from './types';
import { isDueDate } from './validate';

/**
 * The part of `createSession` that continues an earlier session: where the carried questions
 * and actions go, and the records they become. Kept apart so create.ts stays about copying a
 * template.
 */

/** Kinds that can be carried over: what a session leaves open. */
const CARRIED_KINDS: readonly ItemKind[] = ITEM_KINDS.filter((kind) => kind !== 'insight');

export interface ContinuedPhases {
  /** The template's phases as the new session gets them. */
  readonly phases: readonly TemplatePhase[];
  /** The phase the carried items go into. */
  readonly reviewPhaseId: string;
}

/**
 * The template's phases with room for the carried items: its own review phase, collecting
 * every carried kind (a kind it does not collect is added, or an open action could not be
 * shown there), or else a generated review phase in front.
 */
export function continuedPhases(
  template: readonly TemplatePhase[],
  items: Continuation['items'],
): ContinuedPhases {
  const carried = new Set(items.map((item) => item.kind).filter(isCarried));
  const review = template.find((phase) => phase.review === true);
  if (!review) {
    const ids = new Set(template.map((phase) => phase.id));
    let id = GENERATED_REVIEW_PHASE_ID;
    for (let n = 2; ids.has(id); n++) id = `${GENERATED_REVIEW_PHASE_ID}-${n}`;
    return { phases: [{ ...GENERATED_REVIEW_PHASE, id }, ...template], reviewPhaseId: id };
  }
  const missing = [...carried].filter((kind) => !review.kinds.includes(kind));
  if (missing.length === 0) return { phases: template, reviewPhaseId: review.id };
  const kinds = ITEM_KINDS.filter((kind) => review.kinds.includes(kind) || carried.has(kind));
  return {
    phases: template.map((phase) => (phase === review ? { ...phase, kinds } : phase)),
    reviewPhaseId: review.id,
  };
}

/**
 * The carried items as new records in the review phase: new ids (they are new contributions
 * in a new document), the same words, owner, due date and original time, and not done. Text
 * and owner were written by any peer of the earlier session, so they are held to this
 * session's limits; an empty one is left out, a malformed date is dropped.
 */
export function carriedItemRecords(
  items: Continuation['items'],
  phaseId: string,
  context: SessionContext,
): Result<ReadonlyMap<string, YRecord>, SessionError> {
  const records = new Map<string, YRecord>();
  for (const item of items) {
    if (!isCarried(item.kind)) continue;
    const text = item.text.trim().slice(0, MAX_ITEM_TEXT_LENGTH);
    if (text === '') continue;
    if (records.size >= MAX_ITEMS_PER_SESSION) {
      return err({ code: 'too-many-items', limit: MAX_ITEMS_PER_SESSION });
    }
    const owner = kindHas(item.kind, 'owner') ? item.owner.trim().slice(0, MAX_OWNER_LENGTH) : '';
    const due = kindHas(item.kind, 'due') && isDueDate(item.due) ? item.due : '';
    const createdAt = item.createdAt === '' ? context.now().toISOString() : item.createdAt;
    const record = itemRecord({ kind: item.kind, phaseId, text, owner, due }, text, createdAt);
    records.set(context.newId(), record);
  }
  return ok(records);
}

function isCarried(kind: ItemKind): boolean {
  return CARRIED_KINDS.includes(kind);
}
