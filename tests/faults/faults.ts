import * as Y from 'yjs';
import { type Cluster, waitFor } from './cluster';
import { type Device, items, type LiveRoom } from './room';

export type FaultName =
  | 'peer drop + rejoin'
  | 'offline edits'
  | 'panel refresh'
  | 'facilitator leaves'
  | 'server restart'
  | 'Redis restart';

export interface FaultTimings {
  /** Milliseconds devices write between a peer's drop and the fault's end (it reconnects alone). */
  readonly dropMs: number;
  /** Milliseconds a device is cut off while it writes. */
  readonly offlineMs: number;
  /** Milliseconds between a panel closing and its new one starting (a page reload). */
  readonly refreshMs: number;
  /** Milliseconds the room writes on after the facilitator left, before a new joiner arrives. */
  readonly leftMs: number;
  /** Milliseconds between an instance closing and a fresh one starting. */
  readonly serverDownMs: number;
  /** Milliseconds Redis is down. */
  readonly redisDownMs: number;
}

export interface FaultContext {
  readonly room: LiveRoom;
  readonly cluster: Cluster;
  readonly timings: FaultTimings;
  /** Devices a fault that hits "some devices" hits: a tenth of the room, at least one. */
  readonly share: number;
  readonly round: number;
}

/**
 * One fault on the live room. `start` sets it off and resolves with how long the room keeps
 * writing while it lasts; `end` undoes it (or lets the room recover on its own). The suite
 * measures convergence from the moment `end` resolves.
 */
export interface Fault {
  readonly name: FaultName;
  start(context: FaultContext): Promise<{ holdMs: number; end(): Promise<void> }>;
}

const nothing = async () => {};

/** Sockets terminated as a network drops them; each device reconnects by itself. */
const peerDrop: Fault = {
  name: 'peer drop + rejoin',
  async start({ room, share, timings }) {
    for (const device of room.pick(share)) {
      device.peer.socket()?.terminate();
      room.write(device); // in the very tick the socket died: the network never carried it
    }
    return { holdMs: timings.dropMs, end: nothing };
  },
};

/** Devices cut off for a while, writing all along; then their network comes back. */
const offlineEdits: Fault = {
  name: 'offline edits',
  async start({ room, share, timings }) {
    const cut = room.pick(share);
    for (const device of cut) {
      device.offline = true;
      device.peer.socket()?.terminate();
    }
    return {
      holdMs: timings.offlineMs,
      end: async () => {
        for (const device of cut) device.offline = false;
      },
    };
  },
};

/**
 * A panel reloaded: the page goes (persistence has stored every update, as y-indexeddb does) and
 * a new one starts from that stored state, with a new sync layer and channel, and rejoins.
 */
const panelRefresh: Fault = {
  name: 'panel refresh',
  async start({ room, timings }) {
    const [device] = room.pick(1) as [Device];
    room.write(device); // the last thing typed before the reload, perhaps never sent
    const stored = Y.encodeStateAsUpdate(device.peer.doc);
    room.leave(device);
    return {
      holdMs: timings.refreshMs,
      end: async () => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, stored);
        room.join(device.slot, doc, device.name);
      },
    };
  },
};

/**
 * The longest-connected device, the responder the server asks to catch joiners up, leaves for
 * good. What it wrote has reached the room first (what a device never sent before leaving for
 * good is gone with it, whatever the relay does); the test is that the room carries on without
 * its responder and a new joiner still gets everything.
 */
const facilitatorLeaves: Fault = {
  name: 'facilitator leaves',
  async start({ room, timings }) {
    const facilitator = room.longestConnected();
    const own = room.writtenByDevice(facilitator);
    await waitFor(
      () => room.devices.every((d) => own.every((key) => items(d).has(key))),
      "the facilitator's items reach the room",
      30_000,
    );
    room.leave(facilitator);
    return {
      holdMs: timings.leftMs,
      end: async () => {
        room.join(facilitator.slot);
      },
    };
  },
};

/**
 * One instance closes (its members get 1001 and the balancer moves them to the other), the
 * room writes on; then a fresh instance starts and new joiners land on it.
 */
const serverRestart: Fault = {
  name: 'server restart',
  async start({ room, cluster, share, timings, round }) {
    const slot = round % cluster.slots;
    const closing = cluster.closeInstance(slot);
    return {
      holdMs: timings.serverDownMs,
      end: async () => {
        await closing;
        await cluster.startInstance(slot);
        for (let i = 0; i < share; i++) room.join(slot);
      },
    };
  },
};

/** Redis is killed while devices on both instances write; it comes back on the same port. */
const redisRestart: Fault = {
  name: 'Redis restart',
  async start({ cluster, timings }) {
    await cluster.killRedis();
    return { holdMs: timings.redisDownMs, end: () => cluster.restartRedis() };
  },
};

export const FAULTS: readonly Fault[] = [
  peerDrop,
  offlineEdits,
  panelRefresh,
  facilitatorLeaves,
  serverRestart,
  redisRestart,
];
