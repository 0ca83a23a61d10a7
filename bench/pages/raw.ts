/**
 * Raw y-webrtc, no Kring code: one Y.Text bound to a textarea, for the latency baseline
 * (bench/latency.ts). Configured by the page URL: ?room=…&signaling=ws://…
 */
import { WebrtcProvider } from 'y-webrtc';
import * as Y from 'yjs';

const params = new URLSearchParams(location.search);
const doc = new Y.Doc();
const text = doc.getText('item');
const area = document.createElement('textarea');
area.setAttribute('aria-label', 'Item');
document.body.append(area);
text.observe(() => {
  area.value = text.toString();
});
area.addEventListener('input', () => {
  doc.transact(() => {
    text.delete(0, text.length);
    text.insert(0, area.value);
  });
});
const provider = new WebrtcProvider(params.get('room') ?? 'bench', doc, {
  signaling: [params.get('signaling') ?? 'ws://127.0.0.1:4444'],
  password: params.get('password') ?? undefined,
  maxConns: 40,
  peerOpts: { config: { iceServers: [] } },
});
Object.assign(globalThis, {
  bench: {
    connections: () => {
      const room = provider.room;
      if (!room) return { webrtc: 0, broadcast: 0 };
      let webrtc = 0;
      for (const conn of room.webrtcConns.values()) if (conn.connected) webrtc++;
      return { webrtc, broadcast: room.bcConns.size };
    },
  },
});
