import type * as Y from 'yjs';
import type { RoomSecrets } from '../../lib/room/keys';
import { inRoom, joinRelay, type RelayPeer } from '../helpers/relay-peer';
import type { Cluster } from './cluster';

/** Where an offline device's sockets go: nothing listens on port 1, so each fails at once. */
const NOWHERE = 'ws://127.0.0.1:1';

/**
 * One person's device in the room. `peer` changes when the panel is refreshed (a new sync layer
 * and channel on the stored state); the person, their items and their instance stay.
 */
export interface Device {
  readonly name: string;
  /** The instance the balancer sends this device's sockets to while it is up. */
  readonly slot: number;
  peer: RelayPeer;
  /** While true its sockets cannot connect, as on a train without signal. */
  offline: boolean;
}

/**
 * The live room every fault runs on: its devices, and every item anyone wrote, which is the
 * ground truth "items lost" is counted against. Items are only ever added (keys are unique), so
 * a device holding as many items as were written holds every one of them.
 */
export class LiveRoom {
  readonly devices: Device[] = [];
  /** Every item written, by key; never shrinks, whoever wrote it and wherever they went. */
  readonly written = new Set<string>();
  private readonly writtenBy = new Map<string, string[]>();
  /** When each peer's current socket was opened: the server elects responders by join order. */
  private readonly sockets = new Map<RelayPeer, { socket: unknown; since: number }>();
  /**
   * Frames the sync layer handed a channel that refused them (no socket, or a peer it does not
   * route to), with their bytes: each is work done for nothing, and a count that keeps growing
   * after the room converged is a device spinning.
   */
  readonly refused = { frames: 0, bytes: 0 };
  private devicesMade = 0;
  private cursor = 0;

  constructor(
    private readonly cluster: Cluster,
    private readonly secrets: RoomSecrets,
  ) {}

  /** A device that starts (or, with `doc`, restarts from stored state) and joins the room. */
  join(slot: number, doc?: Y.Doc, name = `device-${++this.devicesMade}`): Device {
    // `peer` is set just below; the route reads only `offline`, which exists from the start.
    const device: Device = { name, slot, offline: false, peer: undefined as never };
    device.peer = joinRelay(
      () => (device.offline ? NOWHERE : this.cluster.route(slot)),
      this.secrets,
      doc,
    );
    const channel = device.peer.channel;
    const send = channel.send.bind(channel);
    channel.send = (peer, frame) => {
      const sent = send(peer, frame);
      if (!sent) {
        this.refused.frames++;
        this.refused.bytes += frame.length;
      }
      return sent;
    };
    this.devices.push(device);
    this.observe();
    return device;
  }

  /** Takes `device` out of the room for good, cleanly, as closing the page does. */
  leave(device: Device): void {
    device.peer.leave();
    this.sockets.delete(device.peer);
    this.devices.splice(this.devices.indexOf(device), 1);
  }

  /** Every device in the room writes one new item. */
  writeAll(): void {
    for (const device of this.devices) this.write(device);
    this.observe();
  }

  write(device: Device): void {
    const mine = this.writtenBy.get(device.name) ?? [];
    const key = `${device.name}/${mine.length + 1}`;
    items(device).set(key, `idea ${mine.length + 1} from ${device.name}`);
    mine.push(key);
    this.writtenBy.set(device.name, mine);
    this.written.add(key);
  }

  /** The items `device`'s person wrote, on any of its panels. */
  writtenByDevice(device: Device): readonly string[] {
    return this.writtenBy.get(device.name) ?? [];
  }

  /** Whether every device holds every item written. */
  converged(): boolean {
    this.observe();
    const count = this.written.size;
    return this.devices.every((d) => items(d).size === count);
  }

  /** Items written that some device still lacks. */
  missing(): Set<string> {
    const missing = new Set<string>();
    for (const device of this.devices) {
      const held = items(device);
      for (const key of this.written) if (!held.has(key)) missing.add(key);
    }
    return missing;
  }

  /** The devices that lack items, how many, and whether they are in the room (diagnosis). */
  lagging(): { name: string; lacks: number; inRoom: boolean }[] {
    const count = this.written.size;
    return this.devices
      .filter((d) => items(d).size !== count)
      .map((d) => ({ name: d.name, lacks: count - items(d).size, inRoom: inRoom(d.peer) }));
  }

  allInRoom(): boolean {
    this.observe();
    return this.devices.every((d) => inRoom(d.peer));
  }

  /**
   * The device the server sees as longest connected: the one whose current socket is oldest.
   * In a workshop that is the facilitator, who opened the room first; each instance asks its
   * longest-connected member to answer joiners, so this is the room's responder.
   */
  longestConnected(): Device {
    this.observe();
    const since = (d: Device) => this.sockets.get(d.peer)?.since ?? Number.POSITIVE_INFINITY;
    const [first, ...rest] = this.devices;
    if (!first) throw new Error('the room is empty');
    return rest.reduce((oldest, d) => (since(d) < since(oldest) ? d : oldest), first);
  }

  /** `count` devices other than the responder, a different few each time. */
  pick(count: number): Device[] {
    const responder = this.longestConnected();
    const others = this.devices.filter((d) => d !== responder);
    const chosen: Device[] = [];
    for (let i = 0; i < Math.min(count, others.length); i++) {
      chosen.push(others[(this.cursor + i) % others.length] as Device);
    }
    this.cursor += chosen.length;
    return chosen;
  }

  /** Notes which peers opened a new socket since last time (called on every write and poll). */
  private observe(): void {
    const now = Date.now();
    for (const { peer } of this.devices) {
      const socket: unknown = peer.socket();
      if (this.sockets.get(peer)?.socket !== socket) this.sockets.set(peer, { socket, since: now });
    }
  }
}

export const items = (device: Device) => device.peer.doc.getMap<string>('items');
