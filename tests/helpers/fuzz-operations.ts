import fc from 'fast-check';
import { ITEM_KINDS, type ItemKind, type PhaseChanges, THEME_POLICIES } from '../../lib/session';
import { FACILITATORS } from './fuzz-peer';
import { type SessionOperation, sessionOperations } from './session-operations';

/**
 * The session fuzz's operations (session-fuzz.test.ts): the shared session operations
 * (session-operations.ts: items, phase steps, end, timer) plus phase editing, dot voting,
 * themes, private drafts and the reveal, going offline and coming back, and delivery. Numbers
 * that pick a phase, item, theme or draft are taken modulo what the acting peer sees, so they
 * stay meaningful whatever happened before. Applied by fuzz-apply.ts.
 */
export type FuzzOperation =
  | SessionOperation
  /** Deliver one pending update (`pick` in [0, 1) chooses which), maybe keeping a copy. */
  | { type: 'deliver'; pick: number; duplicate: boolean }
  /** The peer drops off the network, or comes back and catches up. */
  | { type: 'offline'; peer: number }
  | { type: 'online'; peer: number }
  | { type: 'add-phase'; peer: number; after: number; title: string; kinds: ItemKind[] }
  | { type: 'move-phase'; peer: number; phase: number; to: number }
  | { type: 'remove-phase'; peer: number; phase: number }
  | { type: 'update-phase'; peer: number; phase: number; changes: PhaseChanges }
  | { type: 'reveal'; peer: number; phase: number }
  | {
      type: 'start-voting';
      peer: number;
      phase: number;
      budget: number;
      maxPerItem: number | null;
      kinds: ItemKind[];
      showLive: boolean;
    }
  | { type: 'close-voting'; peer: number; phase: number }
  /** Votes on an item that can be voted on now, as far as the peer can tell. */
  | { type: 'vote'; peer: number; item: number; remove: boolean }
  | { type: 'add-theme'; peer: number; phase: number; name: string }
  | {
      type: 'rename-theme';
      peer: number;
      theme: number;
      index: number;
      deleteCount: number;
      insert: string;
    }
  | { type: 'delete-theme'; peer: number; theme: number }
  /** Moves an insight into one of its phase's themes, or (past the last) out of any theme. */
  | { type: 'set-theme'; peer: number; item: number; theme: number }
  | { type: 'edit-draft'; peer: number; draft: number; text: string }
  | { type: 'delete-draft'; peer: number; draft: number }
  | { type: 'share-draft'; peer: number; draft: number };

/**
 * Uniform in [0, 1). fast-check's doubles favour values near the bounds (92 % of picks fell
 * below 0.01), which delivered almost always the oldest update.
 */
const uniformPick = fc.noBias(fc.integer({ min: 0, max: 999 })).map((n) => n / 1000);

const shortText = fc.string({
  minLength: 1,
  maxLength: 8,
  unit: fc.constantFrom('a', 'b', ' ', '#', '\n', 'é', '😀'),
});

const kinds = fc.subarray([...ITEM_KINDS]);

const phaseChanges: fc.Arbitrary<PhaseChanges> = fc.oneof(
  fc.record({ privateWriting: fc.boolean() }),
  fc.record({ themes: fc.constantFrom(...THEME_POLICIES) }),
  fc.record({ kinds }),
  fc.record({ title: shortText }),
  fc.record({ minutes: fc.nat(30) }),
);

/** Every operation with its weight, for `fc.oneof`. */
export function fuzzOperations(peers: number): fc.WeightedArbitrary<FuzzOperation>[] {
  const peer = fc.nat({ max: peers - 1 });
  // Phase editing, the reveal and voting are the facilitators' (the guard refuses the others,
  // which the unit tests cover; here they would only waste steps).
  const facilitator = fc.nat({ max: FACILITATORS - 1 });
  const phase = fc.nat(11); // modulo 3 or 4 phases, evenly
  const index = fc.nat(20);
  const weighted = (arbitrary: fc.Arbitrary<FuzzOperation>, weight: number) => ({
    arbitrary,
    weight,
  });
  const record = <T extends Record<string, fc.Arbitrary<unknown>>>(type: string, fields: T) =>
    fc.record({ type: fc.constant(type), ...fields }) as unknown as fc.Arbitrary<FuzzOperation>;
  return [
    ...sessionOperations(peers, { add: 8, edit: 2 }),
    weighted(record('deliver', { pick: uniformPick, duplicate: fc.boolean() }), 12),
    weighted(record('offline', { peer }), 1),
    weighted(record('online', { peer }), 2),
    weighted(record('add-phase', { peer: facilitator, after: phase, title: shortText, kinds }), 1),
    weighted(record('move-phase', { peer: facilitator, phase, to: fc.nat(4) }), 2),
    weighted(record('remove-phase', { peer: facilitator, phase }), 1),
    weighted(record('update-phase', { peer: facilitator, phase, changes: phaseChanges }), 2),
    weighted(record('reveal', { peer: facilitator, phase }), 2),
    weighted(
      record('start-voting', {
        peer: facilitator,
        phase,
        budget: fc.integer({ min: 1, max: 4 }),
        maxPerItem: fc.option(fc.integer({ min: 1, max: 3 })),
        kinds,
        showLive: fc.boolean(),
      }),
      1,
    ),
    weighted(record('close-voting', { peer: facilitator, phase }), 1),
    weighted(record('vote', { peer, item: index, remove: fc.nat(3).map((n) => n === 0) }), 8),
    weighted(record('add-theme', { peer, phase, name: shortText }), 2),
    weighted(
      record('rename-theme', {
        peer,
        theme: index,
        index: fc.nat(10),
        deleteCount: fc.nat(3),
        insert: fc.string({ maxLength: 3 }),
      }),
      2,
    ),
    weighted(record('delete-theme', { peer, theme: index }), 1),
    weighted(record('set-theme', { peer, item: index, theme: index }), 4),
    weighted(record('edit-draft', { peer, draft: index, text: shortText }), 1),
    weighted(record('delete-draft', { peer, draft: index }), 1),
    weighted(record('share-draft', { peer, draft: index }), 1),
  ];
}

export function fuzzOperation(peers: number): fc.Arbitrary<FuzzOperation> {
  return fc.oneof(...fuzzOperations(peers));
}
