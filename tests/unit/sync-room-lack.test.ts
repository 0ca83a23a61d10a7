import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Channel, FanOutKind, RoomFanOut } from '../../lib/room/channel';
import { RoomSync } from '../../lib/room/sync-room';

/**
 * What a relay room sends when the peer that answered our state request lacks something we
 * hold (sync-room.ts, responderState): a little, to the whole room (it was lost on the way, or
 * made offline); much, nothing (the responder is a newcomer still catching up, and copying the
 * session to the room for every such answer turned a join storm of 200 into gigabytes).
 */
function holder(items: number) {
  const doc = new Y.Doc();
  doc.transact(() => {
    // As Kring keeps an item's words: a Y.Text, about one Yjs clock per character.
    for (let i = 0; i < items; i++) {
      doc.getMap('items').set(`item-${i}`, new Y.Text(`the words of item number ${i}`));
    }
  });
  const broadcasts: { kind: FanOutKind; bytes: number }[] = [];
  const fanOut: RoomFanOut = {
    maxFrameBytes: 64 * 1024,
    broadcast(frame, kind) {
      broadcasts.push({ kind, bytes: frame.length });
      return true;
    },
    requestState: () => true,
    bufferedBytes: () => 0,
  };
  const channel = { fanOut: () => fanOut, highWaterBytes: 1 << 20 } as unknown as Channel;
  const room = new RoomSync({ doc, awareness: new Awareness(doc), channel, peerCount: () => 5 });
  room.joined();
  broadcasts.length = 0; // what joining sends is not under test here
  return { doc, room, updates: () => broadcasts.filter((b) => b.kind === 'update') };
}

describe('sending a responder what it lacks', () => {
  it('sends the room an edit the responder missed', () => {
    const { doc, room, updates } = holder(1_000);
    const before = Y.encodeStateVector(doc);
    doc.getMap('items').set('late', new Y.Text('an edit that got lost'));
    room.responderState(before);
    expect(updates()).toHaveLength(1);
    expect(updates()[0]?.bytes).toBeLessThan(20_000);
  });

  it('sends nothing to a newcomer that lacks the whole session', () => {
    const { room, updates } = holder(1_000);
    room.responderState(Y.encodeStateVector(new Y.Doc()));
    expect(updates()).toHaveLength(0);
  });

  it('sends a small session whole, so two devices that met offline still merge', () => {
    const { room, updates } = holder(20);
    room.responderState(Y.encodeStateVector(new Y.Doc()));
    expect(updates()).toHaveLength(1);
  });

  it('sends nothing when the responder lacks nothing', () => {
    const { doc, room, updates } = holder(100);
    room.responderState(Y.encodeStateVector(doc));
    expect(updates()).toHaveLength(0);
  });
});
