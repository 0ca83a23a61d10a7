import { afterEach, describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { startSync } from '../../lib/room/sync';
import { type MemoryChannel, MemoryNetwork } from '../helpers/memory-channel';

/**
 * The leaner mesh (lib/room/sync-neighbours.ts): an edit costs one message per link in a full
 * mesh, nobody passes it on, and a partial mesh still gets it at once (not at the next
 * anti-entropy round, which these tests never reach: no timer runs).
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function peer(network: MemoryNetwork) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const channel = network.channel();
  const sync = startSync(doc, awareness, channel);
  network.connect(channel);
  cleanups.push(() => {
    sync.destroy();
    channel.destroy();
    awareness.destroy();
  });
  return { doc, channel };
}

/** Counts every frame each channel hands to the network from now on. */
function countSends(channels: readonly MemoryChannel[]): number[] {
  const sent = channels.map(() => 0);
  channels.forEach((channel, i) => {
    const send = channel.send.bind(channel);
    channel.send = (to, frame) => {
      sent[i] = (sent[i] ?? 0) + 1;
      return send(to, frame);
    };
  });
  return sent;
}

const text = (doc: Y.Doc) => doc.getText('t').toString();

describe('a leaner mesh', () => {
  it('sends an edit once per link in a full mesh of five, and nobody passes it on', () => {
    const network = new MemoryNetwork({ mode: 'manual' });
    const peers = [1, 2, 3, 4, 5].map(() => peer(network));
    network.flush();
    const sent = countSends(peers.map((p) => p.channel));
    peers[0]?.doc.getText('t').insert(0, 'idea');
    network.flush();
    expect(sent).toEqual([4, 0, 0, 0, 0]);
    expect(peers.every((p) => text(p.doc) === 'idea')).toBe(true);
  });

  it('gets an edit across a partial mesh at once: the peer in the middle passes it on', () => {
    const network = new MemoryNetwork({ mode: 'manual' });
    const [a, b, c] = [peer(network), peer(network), peer(network)];
    network.setLinked(a.channel, c.channel, false); // say their WebRTC never connected
    network.flush();
    const sent = countSends([a.channel, b.channel, c.channel]);
    a.doc.getText('t').insert(0, 'from a');
    network.flush();
    expect(text(c.doc)).toBe('from a');
    c.doc.getText('t').insert(0, 'c, then ');
    network.flush();
    expect(text(a.doc)).toBe('c, then from a');
    // Each edit: one message to b, and b's one message on to the other side.
    expect(sent).toEqual([1, 2, 1]);
  });

  it('passes edits on again once a link is lost, and stops once it is back', () => {
    const network = new MemoryNetwork({ mode: 'manual' });
    const [a, b, c] = [peer(network), peer(network), peer(network)];
    network.flush();
    network.setLinked(a.channel, c.channel, false);
    network.flush();
    a.doc.getText('t').insert(0, 'x');
    network.flush();
    expect(text(c.doc)).toBe('x');
    network.setLinked(a.channel, c.channel, true);
    network.flush();
    const sent = countSends([a.channel, b.channel, c.channel]);
    a.doc.getText('t').insert(1, 'y');
    network.flush();
    expect(text(c.doc)).toBe('xy');
    expect(sent).toEqual([2, 0, 0]);
  });
});
