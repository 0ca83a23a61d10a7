import {
  RELAY_ABOVE_PEERS,
  RELAY_PROBE_CONFIRM_MS,
  RELAY_PROBE_MS,
  RELAY_PROBE_TIMEOUT_MS,
  WEBRTC_FALLBACK_MS,
} from '../limits';
import type { Channel } from './channel';

/**
 * The rules for choosing a room's path (path-channel.ts), kept free of timers and sockets so
 * they read as the policy they are: small rooms on the WebRTC mesh, a room on the relay once it
 * is large, once the facilitator asks for it, or once a peer's WebRTC cannot connect; one way
 * only, so a room never flaps between the two.
 */

/** What the path choice needs of the mesh (mesh.ts) beyond a channel. */
export interface MeshChannel extends Channel {
  /** Peers heard on signaling whose connection is open or still being made. */
  heard(): number;
  /** Tells the room, once, to follow this device to the relay; resolves once handed on. */
  announceRelay(): Promise<void>;
}

/** 'heard': a peer was heard on signaling for the first time; 'relay-beacon': "follow me". */
export type MeshSignal = 'heard' | 'relay-beacon';

export type SwitchReason =
  /** The facilitator chose "Large group" (Transport.preferRelay). */
  | 'preferred'
  /** Another peer said the room is moving. */
  | 'beacon'
  /** RELAY_ABOVE_PEERS or more joined mesh peers. */
  | 'crowded'
  /** Peers were heard on signaling but no WebRTC connection opened (blocked UDP). */
  | 'webrtc-failed'
  /** A probe of the relay found members of this room already there. */
  | 'found-on-relay';

/**
 * Whether leaving the mesh for this reason tells the others to follow. Everyone must end up on
 * one path, or the room splits into two halves that never see each other. Only a beacon is not
 * passed on: everyone on the mesh heard the first one, and repeating it would cost N² messages.
 * A probe's find is passed on although nobody on the mesh asked: mesh peers that missed the
 * room's move (they were reconnecting) would otherwise stay behind, never alone, never probing.
 */
export function tellsOthers(reason: SwitchReason): boolean {
  return reason !== 'beacon';
}

export function crowded(joinedMeshPeers: number): boolean {
  return joinedMeshPeers >= RELAY_ABOVE_PEERS;
}

/**
 * The relay of a signaling server: the same scheme, host and port, path `/relay`
 * (signaling/relay-endpoint.ts). Only the first server is asked, so that every device of a
 * room meets on the same relay (several instances behind it share rooms through Redis). Null
 * when there is no usable URL.
 */
export function relayUrlOf(signalingUrls: readonly string[]): string | null {
  const first = signalingUrls[0];
  if (first === undefined) return null;
  let url: URL;
  try {
    url = new URL(first);
  } catch {
    return null;
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return null;
  url.pathname = '/relay';
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** Milliseconds for each rule; the limits by default, shorter in tests. */
export interface PathTimings {
  /** Heard a peer, none joined this long after: WebRTC is taken for blocked. */
  readonly webrtcFallbackMs: number;
  /** Alone on the mesh this long (jittered): probe the relay again. */
  readonly probeMs: number;
  /** A probe not welcomed by the server this long is closed (no `/relay` there). */
  readonly probeTimeoutMs: number;
  /** A probe that found members waits this long to tell a room from other probes. */
  readonly probeConfirmMs: number;
}

export const PATH_TIMINGS: PathTimings = {
  webrtcFallbackMs: WEBRTC_FALLBACK_MS,
  probeMs: RELAY_PROBE_MS,
  probeTimeoutMs: RELAY_PROBE_TIMEOUT_MS,
  probeConfirmMs: RELAY_PROBE_CONFIRM_MS,
};

/** Between 0.75 and 1.25 times `ms`, so devices alone in many rooms do not probe in step. */
export function jittered(ms: number, random: () => number = Math.random): number {
  return ms * (0.75 + random() / 2);
}
