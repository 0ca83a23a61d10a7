import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MAX_ROOM_PEERS } from '../limits';
import type { PeerId } from './channel';
import type { PeerState } from './sync-peer';
import { MESSAGE_NEIGHBOURS } from './wire';

/**
 * A leaner mesh that still converges when it is partial (issue 10). y-webrtc makes every peer
 * re-send every update it receives to all its links (commit a418fa9, so partial meshes
 * converge): about N² messages per keystroke. Kring sends only its own edits, and a peer passes
 * a received edit on only to those of its links the author has no link to, which it knows
 * because Kring peers tell each other their neighbours. In a full mesh that is nobody, so an
 * edit costs N−1 messages; in a partial one the gap is bridged at once instead of at the next
 * anti-entropy round. Yjs raises no update for what a peer already has, so nothing loops.
 * A peer whose neighbours are unknown (a stock y-webrtc peer, which re-sends by itself) is
 * never forwarded for.
 */

/** Ids longer than this are no mesh peer id (mesh.ts uses UUIDs, 36 characters). */
const MAX_ID_LENGTH = 100;

export function neighboursMessage(peers: Iterable<PeerId>): Uint8Array {
  const ids = [...peers];
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_NEIGHBOURS);
  encoding.writeVarUint(encoder, ids.length);
  for (const id of ids) encoding.writeVarString(encoder, id);
  return encoding.toUint8Array(encoder);
}

/** The neighbour list after the message type; null when it is not one (never thrown). */
export function readNeighbours(decoder: decoding.Decoder): Set<PeerId> | null {
  try {
    const count = decoding.readVarUint(decoder);
    if (count > MAX_ROOM_PEERS) return null;
    const ids = new Set<PeerId>();
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarString(decoder);
      if (id.length === 0 || id.length > MAX_ID_LENGTH) return null;
      ids.add(id);
    }
    return ids;
  } catch {
    return null;
  }
}

/** Tells every Kring peer who this peer's links are now (after one came or went). */
export function tellNeighbours(
  peers: ReadonlyMap<PeerId, PeerState>,
  send: (peer: PeerId, bytes: Uint8Array) => void,
): void {
  const message = neighboursMessage(peers.keys());
  for (const [peer, state] of peers) if (state.kring) send(peer, message);
}

/** The links an edit from `from` must be passed on to: ours that are not the author's. */
export function forwardTargets(from: PeerId, peers: ReadonlyMap<PeerId, PeerState>): PeerId[] {
  const theirs = peers.get(from)?.neighbours;
  if (!theirs) return [];
  return [...peers.keys()].filter((peer) => peer !== from && !theirs.has(peer));
}
