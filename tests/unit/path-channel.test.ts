import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { WebSocketServer } from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { RELAY_ABOVE_PEERS } from '../../lib/limits';
import type { ChannelEvents } from '../../lib/room/channel';
import { channelTransport } from '../../lib/room/channel-transport';
import type { PathChannel } from '../../lib/room/path-channel';
import { relayUrlOf } from '../../lib/room/path-policy';
import type { RelayChannel } from '../../lib/room/relay';
import { startSync } from '../../lib/room/sync';
import {
  FAST,
  FakeMeshRoom,
  pathChannel,
  pause,
  RelayRecorder,
  setting,
  until,
} from '../helpers/fake-mesh';
import { fakeRoomSecrets } from '../helpers/relay-ciphers';

/**
 * Choosing the path (lib/room/path-channel.ts): the mesh is an in-memory double
 * (tests/helpers/fake-mesh.ts) so a test decides who connects and who is blocked; the relay is
 * the REAL relay channel against a real signaling server's `/relay` on loopback. Timings are
 * shortened, and waited out for real.
 */
vi.setConfig({ testTimeout: 20_000 });

/** Every event the path channel emits, by name, in order. */
function record(channel: PathChannel) {
  const seen: { event: keyof ChannelEvents; args: unknown[] }[] = [];
  const names: (keyof ChannelEvents)[] = [
    'peer-joined',
    'peer-left',
    'frame',
    'room-joined',
    'status',
    'drain',
    'decrypt-failed',
    'frames-dropped',
  ];
  for (const event of names) {
    channel.on(event, ((...args: unknown[]) => seen.push({ event, args })) as never);
  }
  return seen;
}

const joinedRelay = (member: RelayChannel) =>
  until(() => member.status().kind === 'online', 'the member joins');

describe('path channel: the probe at the start', () => {
  it('finds a member already on the relay and moves there, telling the mesh to follow', async () => {
    const { meshes, relays } = await setting();
    const member = relays.member();
    await joinedRelay(member);
    const channel = pathChannel({ openMesh: meshes.opener(), openRelay: relays.opener });
    const events = record(channel);
    await until(() => channel.path() === 'relay', 'the channel moves to the relay');
    const memberId = member.selfId() as string;
    expect([...channel.peers().keys()]).toEqual([memberId]);
    expect(channel.status().kind).toBe('online');
    expect(events.some((e) => e.event === 'peer-joined' && e.args[0] === memberId)).toBe(true);
    const [mesh] = meshes.meshes;
    await until(() => mesh?.destroyed === true, 'the mesh is closed');
    // A mesh peer that missed the room's move would otherwise be left behind.
    expect(mesh?.beacons).toBe(1);
  });

  it('finds nobody: the probe is closed and the room stays on the mesh', async () => {
    const { meshes, relays } = await setting();
    const channel = pathChannel({ openMesh: meshes.opener(), openRelay: relays.opener });
    await until(() => relays.opened.length === 1 && relays.live().length === 0, 'the probe closes');
    expect(channel.path()).toBe('direct');
    expect(meshes.meshes[0]?.destroyed).toBe(false);
    expect(meshes.meshes[0]?.beacons).toBe(0);
    const other = meshes.plainPeer();
    await until(() => channel.peers().has(other.id), 'a mesh peer is a peer of the path channel');
  });

  it('two devices probing at the same moment do not take each other for a room', async () => {
    const { meshes, relays } = await setting();
    const a = pathChannel({ openMesh: meshes.opener(), openRelay: relays.opener });
    const b = pathChannel({ openMesh: meshes.opener(), openRelay: relays.opener });
    await until(
      () => relays.opened.length === 2 && relays.live().length === 0,
      'both probes close',
    );
    await pause(FAST.probeConfirmMs + 200);
    expect([a.path(), b.path()]).toEqual(['direct', 'direct']);
    expect(a.peers().size).toBe(1); // each other, on the mesh
  });
});

describe('path channel: leaving the mesh', () => {
  it('preferRelay: to the relay, one beacon, the mesh peers leave, and old mesh events never leak', async () => {
    const { meshes, relays } = await setting();
    const channel = pathChannel({ openMesh: meshes.opener(), openRelay: relays.opener });
    const other = meshes.plainPeer();
    await until(() => channel.peers().has(other.id), 'a mesh peer joins');
    const [mesh] = meshes.meshes;
    meshes.beaconDelayMs = 500; // the mesh lives on while its beacon is on its way
    const events = record(channel);
    channel.preferRelay();
    channel.preferRelay(); // harmless again
    await until(() => channel.path() === 'relay', 'the channel moves to the relay');
    expect(mesh?.beacons).toBe(1);
    expect(events.filter((e) => e.event === 'peer-left').map((e) => e.args[0])).toEqual([other.id]);
    expect(channel.peers().has(other.id)).toBe(false);
    const after = events.length;
    // The old mesh still hears its peers until it is closed: none of it reaches the sync layer.
    expect(mesh?.destroyed).toBe(false);
    expect(other.send(mesh?.inner.id ?? '', new Uint8Array([1, 2, 3]))).toBe(true);
    meshes.plainPeer();
    mesh?.inner.setStatus({ kind: 'offline' });
    await until(() => mesh?.destroyed === true, 'the mesh is closed after its beacon');
    expect(events.slice(after)).toEqual([]);
    expect(channel.status().kind).toBe('online');
  });

  it('a beacon on the mesh: follows to the relay without a beacon of its own', async () => {
    const { meshes, relays } = await setting();
    const leader = pathChannel({ openMesh: meshes.opener(), openRelay: relays.opener });
    const follower = pathChannel({ openMesh: meshes.opener(), openRelay: relays.opener });
    await until(() => leader.peers().size === 1 && relays.live().length === 0, 'a mesh of two');
    leader.preferRelay();
    await until(() => leader.path() === 'relay' && follower.path() === 'relay', 'both move');
    await until(() => leader.peers().size === 1 && follower.peers().size === 1, 'they meet there');
    expect(meshes.meshes.map((mesh) => mesh.beacons)).toEqual([1, 0]);
  });

  it(`${RELAY_ABOVE_PEERS} joined mesh peers: to the relay, with a beacon; one fewer: stays`, async () => {
    const { meshes, relays } = await setting();
    const channel = pathChannel({ openMesh: meshes.opener(), openRelay: relays.opener });
    await until(() => relays.live().length === 0, 'the first probe closes');
    for (let i = 0; i < RELAY_ABOVE_PEERS - 1; i++) meshes.plainPeer();
    await pause(200);
    expect(channel.path()).toBe('direct');
    meshes.plainPeer();
    await until(() => channel.path() === 'relay', 'the crowded mesh moves');
    expect(meshes.meshes[0]?.beacons).toBe(1);
  });

  it('peers heard but WebRTC never connects: to the relay after the fallback time, with a beacon', async () => {
    const { meshes, relays } = await setting();
    const channel = pathChannel({
      openMesh: meshes.opener({ blocked: true }),
      openRelay: relays.opener,
    });
    await until(() => relays.live().length === 0, 'the first probe closes');
    const [mesh] = meshes.meshes;
    const heardAt = Date.now();
    mesh?.hear();
    await pause(FAST.webrtcFallbackMs / 2);
    expect(channel.path()).toBe('direct');
    await until(() => channel.path() === 'relay', 'the blocked peer moves');
    expect(Date.now() - heardAt).toBeGreaterThanOrEqual(FAST.webrtcFallbackMs);
    expect(mesh?.beacons).toBe(1);
  });

  it('peers heard and connected: the fallback does not fire', async () => {
    const { meshes, relays } = await setting();
    const channel = pathChannel({ openMesh: meshes.opener(), openRelay: relays.opener });
    meshes.plainPeer();
    meshes.meshes[0]?.hear();
    await pause(FAST.webrtcFallbackMs + 300);
    expect(channel.path()).toBe('direct');
  });

  it('alone on the mesh: probes again, and finds the room that moved without it', async () => {
    const { meshes, relays } = await setting();
    const channel = pathChannel({
      openMesh: meshes.opener(),
      openRelay: relays.opener,
      timings: { probeMs: 600 },
    });
    await until(
      () => relays.opened.length === 1 && relays.live().length === 0,
      'the first probe closes',
    );
    const member = relays.member();
    await joinedRelay(member);
    await until(() => channel.path() === 'relay', 'a later probe finds the member', 8_000);
    expect(relays.opened.length).toBeGreaterThanOrEqual(2);
    expect(channel.peers().has(member.selfId() as string)).toBe(true);
  });
});

describe('path channel: a signaling server without /relay', () => {
  it('stays on the mesh, without an error, even when asked for the relay', async () => {
    const plain = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    onTestFinished(() => plain.close());
    await new Promise((resolve) => plain.once('listening', resolve));
    const { port } = plain.address() as { port: number };
    const meshes = new FakeMeshRoom();
    const relays = new RelayRecorder(
      `ws://127.0.0.1:${port}`,
      fakeRoomSecrets(`path-plain-${port}`),
    );
    const channel = pathChannel({
      openMesh: meshes.opener(),
      openRelay: relays.opener,
      timings: { probeTimeoutMs: 500 },
    });
    const other = meshes.plainPeer();
    await until(
      () => relays.opened.length === 1 && relays.live().length === 0,
      'the probe gives up',
    );
    channel.preferRelay();
    await pause(500);
    expect(channel.path()).toBe('direct');
    expect(channel.peers().has(other.id)).toBe(true);
    expect(channel.status().kind).toBe('online');
    expect(meshes.meshes[0]?.destroyed).toBe(false);
    expect(meshes.meshes[0]?.beacons).toBe(0); // nobody is sent to a relay that is not there
  });

  it('the relay address is the first signaling server with path /relay', () => {
    expect(relayUrlOf(['wss://signal.example.org/', 'wss://other.example.org'])).toBe(
      'wss://signal.example.org/relay',
    );
    expect(relayUrlOf(['ws://127.0.0.1:4444/some/path?x=1#y'])).toBe('ws://127.0.0.1:4444/relay');
    expect(relayUrlOf([])).toBeNull();
    expect(relayUrlOf(['not a url'])).toBeNull();
    expect(relayUrlOf(['https://signal.example.org'])).toBeNull();
  });
});

describe('path channel under a transport', () => {
  it('the status names the path: direct on the mesh, relay after preferRelay', async () => {
    const { meshes, relays } = await setting();
    const doc = new Y.Doc();
    let opened: PathChannel | null = null;
    const transport = channelTransport(doc, 'facilitator', () => {
      opened = pathChannel({ openMesh: meshes.opener(), openRelay: relays.opener });
      return opened;
    });
    onTestFinished(() => transport.destroy());
    const other = meshes.plainPeer();
    await until(() => (opened as PathChannel | null)?.peers().has(other.id) === true, 'mesh peer');
    expect(transport.status()).toMatchObject({ kind: 'connected', peers: 1, path: 'direct' });
    transport.preferRelay?.();
    await until(
      () => transport.status().kind === 'connected' && 'path' in transport.status(),
      'connected',
    );
    await until(() => (transport.status() as { path?: string }).path === 'relay', 'on the relay');
    expect(transport.status()).toMatchObject({ kind: 'connected', peers: 0, path: 'relay' });
  });

  it('preferRelay before the channel opened is not forgotten', async () => {
    const { meshes, relays } = await setting();
    const doc = new Y.Doc();
    const transport = channelTransport(doc, 'facilitator', async () => {
      await pause(50);
      return pathChannel({ openMesh: meshes.opener(), openRelay: relays.opener });
    });
    onTestFinished(() => transport.destroy());
    transport.preferRelay?.();
    await until(() => (transport.status() as { path?: string }).path === 'relay', 'on the relay');
  });

  it('a document edited on the mesh is complete on the relay after the move, both ways, and so is presence', async () => {
    const { meshes, relays } = await setting();
    const peers = [0, 1].map(() => {
      const doc = new Y.Doc();
      const awareness = new Awareness(doc);
      const channel = pathChannel({ openMesh: meshes.opener(), openRelay: relays.opener });
      const sync = startSync(doc, awareness, channel);
      onTestFinished(() => {
        sync.destroy();
        awareness.destroy();
      });
      return { doc, awareness, channel };
    });
    const [a, b] = peers as [(typeof peers)[0], (typeof peers)[0]];
    a.awareness.setLocalStateField('name', 'Ayla');
    b.awareness.setLocalStateField('name', 'Bram');
    const sees = (p: (typeof peers)[0], name: string) =>
      [...p.awareness.getStates().values()].some((state) => state.name === name);
    a.doc.getText('t').insert(0, 'on the mesh');
    await until(() => b.doc.getText('t').toString() === 'on the mesh', 'mesh sync');
    a.channel.preferRelay();
    await until(() => a.channel.path() === 'relay' && b.channel.path() === 'relay', 'both move');
    await until(() => a.channel.peers().size === 1, 'they meet on the relay');
    b.doc.getText('t').insert(0, 'on the relay, ');
    await until(() => a.doc.getText('t').toString() === 'on the relay, on the mesh', 'relay sync');
    // The mesh's end removed each from the other's presence; on the relay they are back at
    // once, not at the next renewal 15 s on (a presence with a clock already seen is ignored).
    await until(() => sees(a, 'Bram') && sees(b, 'Ayla'), 'each sees the other present', 5_000);
  });
});
