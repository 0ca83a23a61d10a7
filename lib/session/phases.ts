import * as Y from 'yjs';
import {
  MAX_PHASE_MINUTES,
  MAX_PHASE_TEXT_LENGTH,
  MAX_PHASE_TITLE_LENGTH,
  MAX_PHASES,
} from '../limits';
import { err, ok, type Result } from '../result';
import { guard } from './capabilities';
import { defaultContext, type SessionContext } from './context';
import { type PhaseFields, phaseRecord } from './create';
import { keyForPosition, orderedPhaseRecords, orderedPhases, setOrderKey } from './phase-order';
import { itemsOf, metaOf, phasesOf, readString, type YRecord } from './schema';
import { themesOf } from './themes';
import { ITEM_KINDS, type ItemKind, type SessionError, type ThemePolicy } from './types';
import { checkText } from './validate';

/**
 * Phase operations, in display order (phase-order.ts). Roles are not in the shared document;
 * the write guard (capabilities.ts) refuses them to a participant's device.
 */

export function findPhase(doc: Y.Doc, phaseId: string): YRecord | undefined {
  return orderedPhases(doc).find((phase) => phase.id === phaseId)?.record;
}

export function goToPhase(
  doc: Y.Doc,
  phaseId: string,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'step-phase', context);
  if (refusal) return err(refusal);
  if (!findPhase(doc, phaseId)) return err({ code: 'phase-not-found', phaseId });
  metaOf(doc).set('currentPhaseId', phaseId);
  return ok(undefined);
}

/** Moves the whole group one phase on (`+1`) or back (`-1`); refuses past either end. */
export function stepPhase(
  doc: Y.Doc,
  direction: 1 | -1,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'step-phase', context);
  if (refusal) return err(refusal);
  const phases = orderedPhases(doc);
  const currentId = readString(metaOf(doc), 'currentPhaseId');
  const current = Math.max(
    0,
    phases.findIndex((phase) => phase.id === currentId),
  );
  const target = phases[current + direction];
  if (!target) return err({ code: 'last-phase' });
  metaOf(doc).set('currentPhaseId', target.id);
  return ok(undefined);
}

export interface PhaseChanges {
  readonly title?: string;
  readonly prompt?: string;
  readonly kinds?: readonly ItemKind[];
  readonly minutes?: number;
  readonly notes?: string;
  readonly privateWriting?: boolean;
  readonly themes?: ThemePolicy;
}

function checkPhaseChanges(changes: PhaseChanges): SessionError | null {
  if (changes.title !== undefined) {
    const error = checkText('phase-title', changes.title.trim(), MAX_PHASE_TITLE_LENGTH, {
      allowEmpty: false,
    });
    if (error) return error;
  }
  for (const [field, value] of [
    ['phase-prompt', changes.prompt],
    ['phase-notes', changes.notes],
  ] as const) {
    if (value === undefined) continue;
    const error = checkText(field, value, MAX_PHASE_TEXT_LENGTH, { allowEmpty: true });
    if (error) return error;
  }
  const { minutes } = changes;
  if (
    minutes !== undefined &&
    (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_PHASE_MINUTES)
  ) {
    return { code: 'invalid-minutes', value: minutes };
  }
  return null;
}

/** Canonical kinds: known, unique, in ITEM_KINDS order. */
function normaliseKinds(kinds: readonly ItemKind[]): ItemKind[] {
  return ITEM_KINDS.filter((kind) => kinds.includes(kind));
}

export function updatePhase(
  doc: Y.Doc,
  phaseId: string,
  changes: PhaseChanges,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'edit-phases', context);
  if (refusal) return err(refusal);
  const phase = findPhase(doc, phaseId);
  if (!phase) return err({ code: 'phase-not-found', phaseId });
  const changeError = checkPhaseChanges(changes);
  if (changeError) return err(changeError);
  doc.transact(() => {
    if (changes.title !== undefined) phase.set('title', changes.title.trim());
    if (changes.prompt !== undefined) phase.set('prompt', changes.prompt);
    if (changes.notes !== undefined) phase.set('notes', changes.notes);
    if (changes.minutes !== undefined) phase.set('minutes', changes.minutes);
    if (changes.kinds !== undefined) phase.set('kinds', normaliseKinds(changes.kinds));
    if (changes.privateWriting !== undefined) {
      phase.set('privateWriting', changes.privateWriting);
    }
    if (changes.themes !== undefined) phase.set('themes', changes.themes);
  });
  return ok(undefined);
}

export interface NewPhase {
  readonly title: string;
  readonly prompt?: string;
  readonly kinds?: readonly ItemKind[];
  readonly minutes?: number;
  readonly notes?: string;
}

/** Adds a phase after `afterPhaseId` (or at the end); returns its id. */
export function addPhase(
  doc: Y.Doc,
  phase: NewPhase,
  afterPhaseId?: string,
  context: SessionContext = defaultContext,
): Result<string, SessionError> {
  const refusal = guard(doc, 'edit-phases', context);
  if (refusal) return err(refusal);
  const ordered = orderedPhases(doc);
  if (ordered.length >= MAX_PHASES) return err({ code: 'too-many-phases', limit: MAX_PHASES });
  const changeError = checkPhaseChanges(phase);
  if (changeError) return err(changeError);
  let position = ordered.length;
  if (afterPhaseId !== undefined) {
    const after = ordered.findIndex((entry) => entry.id === afterPhaseId);
    if (after < 0) return err({ code: 'phase-not-found', phaseId: afterPhaseId });
    position = after + 1;
  }
  const fields: PhaseFields = {
    id: context.newId(),
    title: phase.title.trim(),
    prompt: phase.prompt ?? '',
    kinds: normaliseKinds(phase.kinds ?? ['question', 'insight']),
    minutes: phase.minutes ?? 10,
    notes: phase.notes ?? '',
  };
  doc.transact(() => {
    const record = phaseRecord(fields);
    // A keyless (schema 1) session stays keyless, so its order stays the array's.
    if (ordered.some((entry) => entry.key !== null)) {
      record.set('order', keyForPosition(doc, ordered, position));
    }
    // Also at the matching array position, so a Kring 1 peer shows it in the same place.
    const arrayIndex = position === 0 ? 0 : (ordered[position - 1]?.arrayIndex ?? -1) + 1;
    phasesOf(doc).insert(Math.min(arrayIndex, phasesOf(doc).length), [record]);
  });
  return ok(fields.id);
}

/**
 * Removes a phase that holds no items; a phase with items is refused so no contribution is lost
 * by a slip of the facilitator's hand. Every record with that id goes (a schema 1 session can
 * hold duplicates from concurrent moves), so no hidden copy comes back.
 */
export function removePhase(
  doc: Y.Doc,
  phaseId: string,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'edit-phases', context);
  if (refusal) return err(refusal);
  const ordered = orderedPhases(doc);
  const position = ordered.findIndex((entry) => entry.id === phaseId);
  if (position < 0) return err({ code: 'phase-not-found', phaseId });
  if (ordered.length === 1) return err({ code: 'last-phase' });
  let count = 0;
  for (const item of itemsOf(doc).values()) if (item.get('phaseId') === phaseId) count++;
  if (count > 0) return err({ code: 'phase-has-items', phaseId, count });
  doc.transact(() => {
    const doomed = orderedPhaseRecords(doc)
      .filter((entry) => entry.id === phaseId)
      .map((entry) => entry.arrayIndex)
      .sort((a, b) => b - a);
    for (const index of doomed) phasesOf(doc).delete(index, 1);
    // Its (necessarily empty) themes go too, or they would linger unseen and count to the limit.
    for (const [themeId, theme] of themesOf(doc).entries()) {
      if (theme instanceof Y.Map && theme.get('phaseId') === phaseId) themesOf(doc).delete(themeId);
    }
    const meta = metaOf(doc);
    if (meta.get('currentPhaseId') === phaseId) {
      const next = ordered[position + 1] ?? ordered[position - 1];
      meta.set('currentPhaseId', next?.id ?? '');
    }
  });
  return ok(undefined);
}

/**
 * Moves a phase to a new position in display order by giving it a new order key. Nothing is
 * copied, so a concurrent edit of the phase's fields is kept and two concurrent moves leave one
 * phase, in one of the two places.
 */
export function movePhase(
  doc: Y.Doc,
  phaseId: string,
  toIndex: number,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  const refusal = guard(doc, 'edit-phases', context);
  if (refusal) return err(refusal);
  const ordered = orderedPhases(doc);
  const from = ordered.findIndex((entry) => entry.id === phaseId);
  if (from < 0) return err({ code: 'phase-not-found', phaseId });
  const to = Math.min(Math.max(0, Math.trunc(toIndex)), ordered.length - 1);
  if (to === from) return ok(undefined);
  const moved = ordered[from];
  if (!moved) return err({ code: 'phase-not-found', phaseId });
  doc.transact(() => {
    const others = ordered.filter((_, index) => index !== from);
    setOrderKey(doc, moved, keyForPosition(doc, others, to));
  });
  return ok(undefined);
}
