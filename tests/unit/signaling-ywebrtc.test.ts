import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { startServer, TestClient, until } from '../helpers/signaling';

/**
 * A stock y-webrtc provider against our server. Node has no RTCPeerConnection, so no peer
 * connection is made (TESTING.md, "WebRTC in Node"); this proves the signaling half: the
 * provider's SignalingConn subscribes and announces itself, and the server relays it, in clear
 * and with a room password (then `data` is an encrypted base64 string).
 */
describe('stock y-webrtc client against the signaling server', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    ['without a password', undefined],
    ['with a password', 'correct horse'],
  ])('subscribes and announces itself %s', async (_, password) => {
    // lib0/websocket uses the global WebSocket, which Node 20 lacks (TESTING.md).
    vi.stubGlobal('WebSocket', WebSocket);
    const { WebrtcProvider } = await import('y-webrtc');
    const { url, server } = await startServer();
    const room = `kring-test-room-${password ? 'secret' : 'open'}`;

    const listener = await TestClient.open(url);
    listener.subscribe(room);
    await listener.sync();

    const doc = new Y.Doc();
    const provider = new WebrtcProvider(room, doc, {
      signaling: [url],
      ...(password ? { password } : {}),
    });
    try {
      const announce = await listener.next();
      expect(announce).toMatchObject({ type: 'publish', topic: room, clients: 2 });
      const data = (announce as { data: unknown }).data;
      if (password) {
        expect(typeof data).toBe('string'); // encrypted: the server sees nothing readable
      } else {
        expect(data).toEqual({ type: 'announce', from: expect.any(String) });
      }
      expect(server.stats()).toMatchObject({ connections: 2, topics: 1 });

      const [signalingConn] = provider.signalingConns;
      expect(signalingConn?.connected).toBe(true);
    } finally {
      // y-webrtc 10.3's destroy() does not close the signaling socket; disconnect() does.
      provider.disconnect();
      provider.destroy();
      doc.destroy();
    }
    // The provider unsubscribed and closed its socket: the topic is the listener's alone.
    await until(() => server.stats().connections === 1);
    expect(server.stats().topics).toBe(1);
  });
});
