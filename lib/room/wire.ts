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
