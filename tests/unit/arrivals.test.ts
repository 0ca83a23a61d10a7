import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  ARRIVALS_WINDOW_MS,
  type ArrivalCounts,
  CATCH_UP_MS,
  watchArrivals,
} from '../../lib/app/arrivals';
import { createSessionModel } from '../../lib/app/session-model';
import { addItem, deleteItem, type ItemKind } from '../../lib/session';
import { MemoryRooms } from '../helpers/memory-rooms';
import { expectOk, newSessionDoc, snap } from '../helpers/session';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A session document, a watcher fed with its snapshots, and what the watcher told. */
function watched(mine: Set<string> = new Set()) {
  const doc = newSessionDoc();
  const told: ArrivalCounts[] = [];
  const watcher = watchArrivals({ isMine: (id) => mine.has(id), onArrivals: (c) => told.push(c) });
  doc.on('update', () => watcher.update(snap(doc)));
  watcher.update(snap(doc));
  const add = (kind: ItemKind, text = 'x', phaseId = kind === 'action' ? 'act' : 'explore') =>
    expectOk(addItem(doc, { kind, phaseId, text }));
  return { doc, told, watcher, add, mine };
}

describe('watchArrivals', () => {
  it('tells nothing of the catch-up: what was there and what arrives just after joining', () => {
    const doc = newSessionDoc();
    expectOk(addItem(doc, { kind: 'question', phaseId: 'open', text: 'Before we joined' }));
    const told: ArrivalCounts[] = [];
    const watcher = watchArrivals({ isMine: () => false, onArrivals: (c) => told.push(c) });
    watcher.update(null);
    watcher.update(snap(doc));
    vi.advanceTimersByTime(CATCH_UP_MS - 500);
    expectOk(addItem(doc, { kind: 'question', phaseId: 'open', text: 'Synced from a peer' }));
    watcher.update(snap(doc));
    vi.advanceTimersByTime(ARRIVALS_WINDOW_MS * 3);
    expect(told).toEqual([]);
  });

  it('tells one arrival once, after the window, not before', () => {
    const { told, add } = watched();
    vi.advanceTimersByTime(CATCH_UP_MS);
    add('insight');
    vi.advanceTimersByTime(ARRIVALS_WINDOW_MS - 1);
    expect(told).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(told).toEqual([[{ kind: 'insight', count: 1 }]]);
    vi.advanceTimersByTime(ARRIVALS_WINDOW_MS * 5);
    expect(told).toHaveLength(1);
  });

  it('tells what arrives within one window together, per kind, in kind order', () => {
    const { told, add } = watched();
    vi.advanceTimersByTime(CATCH_UP_MS);
    add('insight');
    vi.advanceTimersByTime(1_000);
    add('insight');
    add('question');
    vi.advanceTimersByTime(1_000);
    add('insight');
    vi.advanceTimersByTime(ARRIVALS_WINDOW_MS);
    expect(told).toEqual([
      [
        { kind: 'question', count: 1 },
        { kind: 'insight', count: 3 },
      ],
    ]);
  });

  it('says at most one thing per window in a busy room, and loses no arrival', () => {
    const { told, add } = watched();
    vi.advanceTimersByTime(CATCH_UP_MS);
    // Twenty people each add an insight, one every half second, for ten seconds.
    for (let i = 0; i < 20; i++) {
      add('insight', `idea ${i}`);
      vi.advanceTimersByTime(500);
    }
    vi.advanceTimersByTime(ARRIVALS_WINDOW_MS);
    expect(told.length).toBeLessThanOrEqual(Math.ceil(10_000 / ARRIVALS_WINDOW_MS) + 1);
    const total = told.flat().reduce((sum, { count }) => sum + count, 0);
    expect(total).toBe(20);
  });

  it("never tells this device's own items, even when it learns they are its own late", () => {
    const { told, add, mine } = watched();
    vi.advanceTimersByTime(CATCH_UP_MS);
    // addItem's update reaches the watcher before the model has noted the id as ours.
    const own = add('insight');
    mine.add(own);
    vi.advanceTimersByTime(ARRIVALS_WINDOW_MS);
    expect(told).toEqual([]);
    add('insight');
    mine.add(add('question'));
    vi.advanceTimersByTime(ARRIVALS_WINDOW_MS);
    expect(told).toEqual([[{ kind: 'insight', count: 1 }]]);
  });

  it('does not tell an item that was deleted again before the window closed', () => {
    const { doc, told, add } = watched();
    vi.advanceTimersByTime(CATCH_UP_MS);
    const gone = add('insight');
    add('question');
    expectOk(deleteItem(doc, gone));
    vi.advanceTimersByTime(ARRIVALS_WINDOW_MS);
    expect(told).toEqual([[{ kind: 'question', count: 1 }]]);
  });

  it('tells nothing after destroy', () => {
    const { told, add, watcher } = watched();
    vi.advanceTimersByTime(CATCH_UP_MS);
    add('insight');
    watcher.destroy();
    vi.advanceTimersByTime(ARRIVALS_WINDOW_MS * 2);
    expect(told).toEqual([]);
  });
});

describe('the session model', () => {
  it("announces another peer's items on this device, and never this device's own", async () => {
    const rooms = new MemoryRooms();
    const services = rooms.services();
    const secrets = { roomName: 'room', password: 'pw' };
    const facilitatorDoc = newSessionDoc();
    const participantDoc = new Y.Doc();
    const facilitator = createSessionModel({
      doc: facilitatorDoc,
      transport: services.connect(facilitatorDoc, secrets, options),
      role: 'facilitator',
      displayName: '',
      device: new Y.Doc(),
    });
    const participant = createSessionModel({
      doc: participantDoc,
      transport: services.connect(participantDoc, secrets, options),
      role: 'participant',
      displayName: 'Noor',
      device: new Y.Doc(),
    });
    await vi.waitFor(() => expect(participant.snapshot.value).not.toBeNull());
    vi.advanceTimersByTime(CATCH_UP_MS);
    expectOk(participant.addItem('question', 'Who is missing?'));
    await vi.waitFor(() => expect(snap(facilitatorDoc).items).toHaveLength(1));
    vi.advanceTimersByTime(ARRIVALS_WINDOW_MS);
    expect(facilitator.arrivals.value?.counts).toEqual([{ kind: 'question', count: 1 }]);
    expect(participant.arrivals.value).toBeNull();

    facilitator.nextPhase();
    expectOk(facilitator.addItem('insight', 'Trust takes time'));
    expectOk(facilitator.addItem('insight', 'Ask, do not tell'));
    await vi.waitFor(() => expect(participant.snapshot.value?.items).toHaveLength(3));
    vi.advanceTimersByTime(ARRIVALS_WINDOW_MS);
    expect(participant.arrivals.value?.counts).toEqual([{ kind: 'insight', count: 2 }]);
    expect(facilitator.arrivals.value?.counts).toEqual([{ kind: 'question', count: 1 }]);
    facilitator.destroy();
    participant.destroy();
  });
});

const options = { signalingUrls: [], iceServers: [], role: 'participant' } as const;
