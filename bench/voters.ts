import * as Y from 'yjs';
import { channelTransport } from '../lib/room/channel-transport';
import type { Transport } from '../lib/room/transport';
import {
  addVote,
  createSnapshotReader,
  type SessionSnapshot,
  type SnapshotReader,
  startVoting,
  withRole,
} from '../lib/session';
import { MemoryNetwork } from '../tests/helpers/memory-channel';
import {
  benchContext,
  buildSession,
  seededRandom,
  VOTING_PHASE,
  voterKeyFor,
} from './facilitation-session';

/**
 * Many voters at once (issue 11): `peers` devices, each a Y.Doc with Kring's real sync layer
 * and transport (channel-transport.ts) over the in-memory network of the tests, in one room
 * with a full mesh. Every device casts its dots in the same tick, before any other device's
 * dot has reached it (the network holds frames until delivered, first sent first), and we time
 * from the first dot to the moment every device's snapshot shows the same totals. Each device
 * reads its snapshot after every update, as the app's session model does.
 *
 * All devices share this one thread, so the time is the work of every device added up; on
 * real devices, working in parallel, each does about 1/`peers` of it, plus the network's delay.
 */
export interface VotersOptions {
  readonly peers: number;
  readonly items: number;
  readonly budget: number;
  readonly runs: number;
}

export interface VotersRun {
  /** First dot cast → every device shows the same totals. */
  readonly convergeMs: number;
  /** Frames the network carried for the dots. */
  readonly frames: number;
}

interface Device {
  readonly doc: Y.Doc;
  readonly transport: Transport;
  readonly reader: SnapshotReader;
  readonly stop: () => void;
}

function snapshotOf(reader: SnapshotReader): SessionSnapshot {
  const result = reader.read();
  if (!result.ok) throw new Error(`voters: unreadable snapshot: ${result.error.code}`);
  return result.value;
}

/** Dots per item, as a comparable string. */
function totalsOf(snapshot: SessionSnapshot): { key: string; sum: number } {
  let sum = 0;
  const parts: string[] = [];
  for (const item of snapshot.items) {
    sum += item.votes;
    if (item.votes > 0) parts.push(`${item.id}=${item.votes}`);
  }
  return { key: parts.join(','), sum };
}

function join(network: MemoryNetwork, doc: Y.Doc, role: 'facilitator' | 'participant'): Device {
  const channel = network.channel('voters');
  const transport = channelTransport(doc, role, () => channel);
  network.connect(channel);
  const reader = createSnapshotReader(doc);
  const onUpdate = () => reader.read();
  doc.on('update', onUpdate);
  return {
    doc,
    transport,
    reader,
    stop: () => {
      doc.off('update', onUpdate);
      reader.destroy();
      transport.destroy();
      doc.destroy();
    },
  };
}

function votersRun(options: VotersOptions, seed: number): VotersRun {
  const network = new MemoryNetwork({ mode: 'manual' });
  const { doc, itemIds } = buildSession({
    items: options.items,
    chars: 80,
    themes: 0,
    voters: 0,
    budget: options.budget,
  });
  // Voting opens before anyone joins: what is timed is the dots, not the catch-up.
  const opened = startVoting(doc, VOTING_PHASE, { budget: options.budget, showLive: true });
  if (!opened.ok) throw new Error(`voters: ${opened.error.code}`);
  const devices: Device[] = [join(network, doc, 'facilitator')];
  try {
    for (let i = 1; i < options.peers; i++) {
      devices.push(join(network, new Y.Doc(), 'participant'));
    }
    network.flush(() => 0);
    for (const device of devices) {
      if (totalsOf(snapshotOf(device.reader)).sum !== 0) throw new Error('voters: early dots');
    }
    const random = seededRandom(seed);
    const participant = withRole(benchContext('v'), 'participant');
    const pending = network.pending();
    const start = performance.now();
    devices.forEach((device, index) => {
      const voter = voterKeyFor('voter', index);
      for (let dot = 0; dot < options.budget; dot++) {
        const itemId = itemIds[Math.floor(random() * itemIds.length)] as string;
        const cast = addVote(device.doc, itemId, voter, participant);
        if (!cast.ok) throw new Error(`voters: dot refused: ${cast.error.code}`);
      }
    });
    const frames = network.pending() - pending;
    // First sent, first delivered: each link is ordered, as a data channel is.
    network.flush(() => 0);
    const totals = devices.map((device) => totalsOf(snapshotOf(device.reader)));
    const convergeMs = performance.now() - start;
    const expected = options.peers * options.budget;
    const reference = totals[0];
    if (!reference || totals.some((t) => t.sum !== expected || t.key !== reference.key)) {
      throw new Error(`voters: devices disagree (${totals.map((t) => t.sum).join(', ')})`);
    }
    return { convergeMs, frames };
  } finally {
    for (const device of devices) device.stop();
  }
}

export function voters(options: VotersOptions): VotersRun[] {
  const runs: VotersRun[] = [];
  for (let run = 0; run < options.runs; run++) runs.push(votersRun(options, 100 + run));
  return runs;
}
