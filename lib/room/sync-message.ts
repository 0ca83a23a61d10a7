import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import type { FrameVia, PeerId } from './channel';
import { readNeighbours } from './sync-neighbours';
import type { PeerState } from './sync-peer';
import type { RoomSync } from './sync-room';
import {
  awarenessClients,
  hasPending,
  MESSAGE_AWARENESS,
  MESSAGE_NEIGHBOURS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_ROOM_PROBE,
  MESSAGE_SYNC,
  roomProbeMessage,
} from './wire';

/** What applying a peer's message needs from the sync layer (sync.ts). */
export interface MessageReceiver {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly room: RoomSync;
  send(peer: PeerId, bytes: Uint8Array): void;
  /** Updates wait for state we never got: ask for it (throttled). */
  requestMissing(peer: PeerId): void;
  /** Our state vector, as a message. */
  ownState(): Uint8Array;
  /** Everyone's presence we know, as a message (y-webrtc's answer to a query). */
  allPresence(): Uint8Array;
}

/** y-protocols' sync step 1 (a state vector), as `readSyncMessage` numbers it. */
const STEP1 = syncProtocol.messageYjsSyncStep1;

/**
 * Applies one whole message from a peer: y-webrtc's sync, awareness and awareness query
 * messages (wire.ts). A peer's garbage is dropped, never applied, never thrown. In a relay room
 * (sync-room.ts) a state request the server handed us is answered with what the asker lacks
 * and our own state vector, and that state vector, arriving in an answer to us, is not
 * answered in turn but checked for edits the room lacks.
 */
export function applyMessage(
  receiver: MessageReceiver,
  state: PeerState,
  bytes: Uint8Array,
  via?: FrameVia,
): void {
  const { doc, awareness, room } = receiver;
  const peer = state.origin.peer;
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const inRoom = room.fanOut() !== null;
        if (inRoom && via === 'reply' && decoding.peekVarUint(decoder) === STEP1) {
          decoding.readVarUint(decoder);
          room.responderState(decoding.readVarUint8Array(decoder));
          break;
        }
        const reply = encoding.createEncoder();
        encoding.writeVarUint(reply, MESSAGE_SYNC);
        syncProtocol.readSyncMessage(decoder, reply, doc, state.origin);
        if (encoding.length(reply) > 1) receiver.send(peer, encoding.toUint8Array(reply));
        if (inRoom && via === 'request') receiver.send(peer, receiver.ownState());
        if (hasPending(doc)) receiver.requestMissing(peer);
        break;
      }
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(decoder);
        awarenessProtocol.applyAwarenessUpdate(awareness, update, state.origin);
        for (const client of awarenessClients(update)) state.clients.add(client);
        break;
      }
      case MESSAGE_QUERY_AWARENESS:
        // In a room the server hands joiners everyone's last presence.
        if (!room.fanOut()) receiver.send(peer, receiver.allPresence());
        break;
      case MESSAGE_NEIGHBOURS:
        state.neighbours = readNeighbours(decoder);
        break;
      case MESSAGE_ROOM_PROBE:
        // A device looking for this room on the relay (path-channel.ts): say we are here.
        if (via === 'request') receiver.send(peer, roomProbeMessage());
        break;
      default:
        // MESSAGE_BC_PEER_ID (y-webrtc's tab-to-tab ids), a chunk inside a chunked message,
        // or a type from a newer Kring: nothing to do.
        break;
    }
  } catch {
    // Malformed: Yjs and lib0 throw while decoding, before anything is integrated.
  }
}
