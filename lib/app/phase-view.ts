import type { ItemKind, ItemSnapshot, PhaseSnapshot, SessionSnapshot } from '../session';

/** A phase with its items grouped by kind: what the session screen and the room view show. */
export interface PhaseView {
  readonly phase: PhaseSnapshot;
  /** 0-based position among the phases. */
  readonly index: number;
  readonly total: number;
  /** Whether this is the phase the group is in (not one looked back at). */
  readonly isCurrent: boolean;
  readonly itemsByKind: ReadonlyMap<ItemKind, readonly ItemSnapshot[]>;
}

/**
 * The view of phase `phaseId` (the first phase if it no longer exists), its items in snapshot
 * order (oldest first) under each kind the phase collects; null for a session without phases.
 */
export function phaseViewOf(session: SessionSnapshot, phaseId: string): PhaseView | null {
  let index = session.phases.findIndex((p) => p.id === phaseId);
  if (index < 0) index = 0;
  const phase = session.phases[index];
  if (!phase) return null;
  const itemsByKind = new Map<ItemKind, ItemSnapshot[]>(phase.kinds.map((kind) => [kind, []]));
  for (const item of session.items) {
    if (item.phaseId === phase.id) itemsByKind.get(item.kind)?.push(item);
  }
  return {
    phase,
    index,
    total: session.phases.length,
    isCurrent: phase.id === session.currentPhaseId,
    itemsByKind,
  };
}
