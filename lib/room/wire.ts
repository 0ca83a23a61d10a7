import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/**
 * The messages peers exchange, framed as y-webrtc frames them: a varuint message type, then
 * its body. Keeping y-webrtc's numbers is what lets a stock y-webrtc + Yjs peer sync with a
 * Kring room (../shared/TESTING.md, "Interop"); a stock peer logs and ignores types it does
 * not know, and Kring never sends it one (it learns who is Kring from signaling, mesh.ts).
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;
/** y-webrtc's same-browser peer id over BroadcastChannel; Kring's mesh ignores it. */
export const MESSAGE_BC_PEER_ID = 4;
/** Kring only: one chunk of a message too large for one frame (chunks.ts). */
export const MESSAGE_CHUNK = 100;
/**
 * Kring only: "is anyone in this relay room?", sent by a device probing the relay as a state
 * request, and answered with the same one byte by whoever the server picks, on any instance.
 * A state vector would be answered with the whole session; this costs two bytes.
 */
export const MESSAGE_ROOM_PROBE = 101;
export const roomProbeMessage = () => Uint8Array.of(MESSAGE_ROOM_PROBE);
/**
 * Kring only: the peers this peer has a direct link to (sync-neighbours.ts), so a peer that
 * receives an edit can pass it on to exactly those of its own links the author cannot reach.
 * y-webrtc logs and ignores message types it does not know; stock peers are never sent it.
 */
export const MESSAGE_NEIGHBOURS = 102;

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Our state vector: the other side answers with what we lack. */
export const syncStep1Message = (doc: Y.Doc) =>
  message(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, doc));

/** The whole document, as a sync-step-2 answer to an empty state vector. */
export const fullStateMessage = (doc: Y.Doc) =>
  message(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep2(e, doc));

export const updateMessage = (update: Uint8Array) =>
  message(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update));

export const awarenessMessage = (awareness: awarenessProtocol.Awareness, clients: number[]) =>
  message(MESSAGE_AWARENESS, (e) =>
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients)),
  );

/** The client ids an awareness update speaks of (y-protocols: count, then id, clock, state). */
export function awarenessClients(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const clients: number[] = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    clients.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  }
  return clients;
}

/** Yjs keeps updates whose dependencies it has not seen in `pendingStructs` / `pendingDs`. */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}
