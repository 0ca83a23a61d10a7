import type * as Y from 'yjs';
import {
  MAX_PHASE_MINUTES,
  MAX_PHASE_TEXT_LENGTH,
  MAX_PHASE_TITLE_LENGTH,
  MAX_PHASES,
} from '../limits';
import { err, ok, type Result } from '../result';
import { defaultContext, type SessionContext } from './context';
import { type PhaseFields, phaseRecord } from './create';
import { checkSchema, itemsOf, metaOf, phasesOf, readString, type YRecord } from './schema';
import { ITEM_KINDS, type ItemKind, type SessionError } from './types';
import { checkText } from './validate';

/**
 * Phase operations. Kring keeps no roles in the shared document (no identities at all), so
 * "only the facilitator moves phases" is enforced by the interface, not here.
 */

export function findPhase(doc: Y.Doc, phaseId: string): YRecord | undefined {
  return phasesOf(doc)
    .toArray()
    .find((phase) => phase.get('id') === phaseId);
}

function phaseIndex(doc: Y.Doc, phaseId: string): number {
  return phasesOf(doc)
    .toArray()
    .findIndex((phase) => phase.get('id') === phaseId);
}

export function goToPhase(doc: Y.Doc, phaseId: string): Result<void, SessionError> {
  const schemaError = checkSchema(doc);
  if (schemaError) return err(schemaError);
  if (!findPhase(doc, phaseId)) return err({ code: 'phase-not-found', phaseId });
  metaOf(doc).set('currentPhaseId', phaseId);
  return ok(undefined);
}

/** Moves the whole group one phase on (`+1`) or back (`-1`); refuses past either end. */
export function stepPhase(doc: Y.Doc, direction: 1 | -1): Result<void, SessionError> {
  const schemaError = checkSchema(doc);
  if (schemaError) return err(schemaError);
  const phases = phasesOf(doc).toArray();
  const current = Math.max(0, phaseIndex(doc, readString(metaOf(doc), 'currentPhaseId')));
  const target = phases[current + direction];
  if (!target) return err({ code: 'last-phase' });
  metaOf(doc).set('currentPhaseId', readString(target, 'id'));
  return ok(undefined);
}

export interface PhaseChanges {
  readonly title?: string;
  readonly prompt?: string;
  readonly kinds?: readonly ItemKind[];
  readonly minutes?: number;
  readonly notes?: string;
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
): Result<void, SessionError> {
  const schemaError = checkSchema(doc);
  if (schemaError) return err(schemaError);
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
  const schemaError = checkSchema(doc);
  if (schemaError) return err(schemaError);
  const phases = phasesOf(doc);
  if (phases.length >= MAX_PHASES) return err({ code: 'too-many-phases', limit: MAX_PHASES });
  const changeError = checkPhaseChanges(phase);
  if (changeError) return err(changeError);
  let index = phases.length;
  if (afterPhaseId !== undefined) {
    const after = phaseIndex(doc, afterPhaseId);
    if (after < 0) return err({ code: 'phase-not-found', phaseId: afterPhaseId });
    index = after + 1;
  }
  const fields: PhaseFields = {
    id: context.newId(),
    title: phase.title.trim(),
    prompt: phase.prompt ?? '',
    kinds: normaliseKinds(phase.kinds ?? ['question', 'insight']),
    minutes: phase.minutes ?? 10,
    notes: phase.notes ?? '',
  };
  phases.insert(index, [phaseRecord(fields)]);
  return ok(fields.id);
}

/**
 * Removes a phase that holds no items; a phase with items is refused so no contribution is lost
 * by a slip of the facilitator's hand.
 */
export function removePhase(doc: Y.Doc, phaseId: string): Result<void, SessionError> {
  const schemaError = checkSchema(doc);
  if (schemaError) return err(schemaError);
  const index = phaseIndex(doc, phaseId);
  if (index < 0) return err({ code: 'phase-not-found', phaseId });
  const phases = phasesOf(doc);
  if (phases.length === 1) return err({ code: 'last-phase' });
  let count = 0;
  for (const item of itemsOf(doc).values()) if (item.get('phaseId') === phaseId) count++;
  if (count > 0) return err({ code: 'phase-has-items', phaseId, count });
  doc.transact(() => {
    phases.delete(index, 1);
    const meta = metaOf(doc);
    if (meta.get('currentPhaseId') === phaseId) {
      const next = phases.get(Math.min(index, phases.length - 1));
      meta.set('currentPhaseId', readString(next, 'id'));
    }
  });
  return ok(undefined);
}

/**
 * Moves a phase to a new position. Y.Array has no move, so the phase is re-inserted as a copy;
 * a concurrent edit of that phase's fields can be lost, which is acceptable for an action only
 * the facilitator takes.
 */
export function movePhase(
  doc: Y.Doc,
  phaseId: string,
  toIndex: number,
): Result<void, SessionError> {
  const schemaError = checkSchema(doc);
  if (schemaError) return err(schemaError);
  const from = phaseIndex(doc, phaseId);
  if (from < 0) return err({ code: 'phase-not-found', phaseId });
  const phases = phasesOf(doc);
  const to = Math.min(Math.max(0, Math.trunc(toIndex)), phases.length - 1);
  if (to === from) return ok(undefined);
  doc.transact(() => {
    const copy = phases.get(from).toJSON() as unknown as PhaseFields;
    phases.delete(from, 1);
    phases.insert(to, [phaseRecord(copy)]);
  });
  return ok(undefined);
}
