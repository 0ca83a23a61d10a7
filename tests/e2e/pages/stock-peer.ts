/**
 * A stock y-webrtc + Yjs peer — y-webrtc's own provider with its own simple-peer, no Kring
 * transport code — that meets a Kring room the way anyone could: it derives the room name and
 * password from the code exactly as lib/room/keys.ts does, and reads and writes items with
 * Kring's session operations. Configured by the URL: ?code=…&signaling=ws://…
 */
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';
import { parseRoomCode } from '../../../lib/room/code';
import { deriveRoomSecrets } from '../../../lib/room/keys';
import { addItem, snapshotSession } from '../../../lib/session';

const params = new URLSearchParams(location.search);
const doc = new Y.Doc();
let provider: WebrtcProvider | null = null;

async function start(): Promise<void> {
  const code = parseRoomCode(params.get('code') ?? '');
  if (!code.ok) throw new Error(`stock peer: bad code ${params.get('code')}`);
  const secrets = await deriveRoomSecrets(code.value);
  provider = new WebrtcProvider(secrets.roomName, doc, {
    signaling: [params.get('signaling') ?? 'ws://127.0.0.1:4444'],
    password: secrets.password,
    maxConns: 40,
    peerOpts: { config: { iceServers: [] } },
  });
}
void start();

Object.assign(globalThis, {
  stock: {
    /** The texts of every item, or null while no session has arrived. */
    items(): string[] | null {
      const snapshot = snapshotSession(doc);
      return snapshot.ok ? snapshot.value.items.map((item) => item.text) : null;
    },
    /** Adds an insight to the current phase; false if the session refuses it. */
    addInsight(text: string): boolean {
      const snapshot = snapshotSession(doc);
      if (!snapshot.ok) return false;
      return addItem(doc, { kind: 'insight', phaseId: snapshot.value.currentPhaseId, text }).ok;
    },
    connections(): number {
      let open = 0;
      for (const conn of provider?.room?.webrtcConns.values() ?? []) if (conn.connected) open++;
      return open;
    },
  },
});
