import { RELAY_PENDING_FRAME_BYTES, SEND_HIGH_WATER_BYTES, SEND_LOW_WATER_BYTES } from '../limits';
import {
  type Channel,
  ChannelEmitter,
  type ChannelEvents,
  type FrameVia,
  type PeerId,
} from './channel';
import {
  crowded,
  jittered,
  type MeshChannel,
  type MeshSignal,
  PATH_TIMINGS,
  type PathTimings,
  type SwitchReason,
  tellsOthers,
} from './path-policy';
import type { TransportPath } from './transport';
import { roomProbeMessage } from './wire';

/**
 * One channel made of the WebRTC mesh and the relay (issue 10, "choosing the path"): the mesh
 * first, the relay once the room is large, the facilitator asks, or WebRTC cannot connect
 * (path-policy.ts has the rules). It re-emits the events of whichever is the path, so the sync
 * layer above sees one channel whose peers change and whose `fanOut()` appears at the switch.
 *
 * - A probe of the relay runs at the start and after every RELAY_PROBE_MS alone on the mesh:
 *   a room there means the room already moved. The probe asks the room (a one-byte state
 *   request, wire.ts MESSAGE_ROOM_PROBE) and waits RELAY_PROBE_CONFIRM_MS for any frame: an
 *   answer from any server instance, or a member's stored presence. Membership alone is no
 *   proof: a probe is a member for a moment, so two devices probing at once would each "find"
 *   the other.
 * - The mesh is left only once the relay is joined: a signaling server without `/relay` (not
 *   Kring's) never welcomes it, and the room simply stays on the mesh, with no gap and no error.
 *   The relay's frames until then are kept (bounded) and handed on at the switch.
 * - One way only: once on the relay, this channel stays there for its life.
 */
export interface PathChannelOptions {
  /** Opens the mesh; `onSignal` hears who is heard on signaling and the relay beacon. */
  readonly openMesh: (onSignal: (signal: MeshSignal) => void) => MeshChannel;
  /** Opens the relay channel; null when there is no relay to try. */
  readonly openRelay: (() => Channel) | null;
  readonly timings?: Partial<PathTimings>;
}

export interface PathChannel extends Channel {
  path(): TransportPath;
  /** Moves to the relay (the facilitator chose "Large group"); harmless to call again. */
  preferRelay(): void;
}

interface KeptFrame {
  readonly peer: PeerId;
  readonly frame: Uint8Array;
  readonly via: FrameVia | undefined;
}

type RelayRole = 'probe' | 'pending' | 'path';
type TimerName = 'fallback' | 'alone' | 'probe-timeout' | 'confirm';

export function connectPath(options: PathChannelOptions): PathChannel {
  const timings = { ...PATH_TIMINGS, ...options.timings };
  const events = new ChannelEmitter();
  let destroyed = false;
  let mesh: MeshChannel | null = null;
  let relay: Channel | null = null;
  let role: RelayRole | null = null;
  /** The relay's server welcomed it (status online, or its 'room-joined'). */
  let relayJoined = false;
  let relayRoomJoined = false;
  let tellOthers = false;
  let kept: KeptFrame[] = [];
  let keptBytes = 0;
  let stopRelay: (() => void)[] = [];
  const timers = new Map<TimerName, ReturnType<typeof setTimeout>>();
  const later = (name: TimerName, ms: number, run: () => void) => {
    clearTimeout(timers.get(name));
    const timer = setTimeout(() => {
      timers.delete(name);
      if (!destroyed) run();
    }, ms);
    timers.set(name, timer);
  };
  const cancel = (name: TimerName) => {
    clearTimeout(timers.get(name));
    timers.delete(name);
  };

  const current = (): Channel | null => (role === 'path' ? relay : mesh);

  function onMeshSignal(signal: MeshSignal): void {
    if (signal === 'relay-beacon') {
      switchTo('beacon');
      return;
    }
    // Rule (d): heard someone, yet no connection opens. Checked once, a while after.
    if (!mesh || mesh.peers().size > 0 || timers.has('fallback')) return;
    later('fallback', timings.webrtcFallbackMs, () => {
      if (mesh && mesh.peers().size === 0 && mesh.heard() > 0) switchTo('webrtc-failed');
    });
  }

  /** Rule (e): alone on the mesh for a while, perhaps because the room moved without us. */
  function whileAlone(): void {
    if (!mesh || mesh.peers().size > 0 || timers.has('alone')) return;
    later('alone', jittered(timings.probeMs), () => {
      if (!mesh || mesh.peers().size > 0) return;
      probe();
      whileAlone();
    });
  }

  function meshEvents(opened: MeshChannel): (() => void)[] {
    const forward = <E extends keyof ChannelEvents>(event: E) =>
      opened.on(event, ((...args: Parameters<ChannelEvents[E]>) => {
        if (mesh === opened && role !== 'path') events.emit(event, ...args);
      }) as ChannelEvents[E]);
    return [
      forward('frame'),
      forward('drain'),
      forward('status'),
      forward('decrypt-failed'),
      forward('peer-joined'),
      forward('peer-left'),
      opened.on('peer-joined', () => {
        cancel('alone');
        cancel('fallback');
        if (crowded(opened.peers().size)) switchTo('crowded');
      }),
      opened.on('peer-left', whileAlone),
    ];
  }

  function openRelay(as: RelayRole): boolean {
    if (relay || !options.openRelay) return relay !== null;
    const opened = options.openRelay();
    relay = opened;
    role = as;
    const onPath = () => relay === opened && role === 'path';
    const forward = <E extends keyof ChannelEvents>(event: E) =>
      opened.on(event, ((...args: Parameters<ChannelEvents[E]>) => {
        if (onPath()) events.emit(event, ...args);
      }) as ChannelEvents[E]);
    stopRelay = [
      forward('peer-joined'),
      forward('peer-left'),
      forward('drain'),
      forward('room-drain'),
      forward('frames-dropped'),
      forward('status'),
      forward('room-joined'),
      // Another passphrase in the room shows on a probe too: the person must hear of it.
      opened.on('decrypt-failed', () => events.emit('decrypt-failed')),
      opened.on('frame', (peer, frame, via) => {
        if (onPath()) return events.emit('frame', peer, frame, via);
        // Another probe's question is no proof, and nobody here will answer it.
        if (via === 'request') return;
        keep({ peer, frame, via });
        // Only a member's sync layer sends frames (presence, an answer), never a probe: proof.
        if (role === 'probe') switchTo('found-on-relay');
      }),
      opened.on('status', (status) => {
        relayJoined = status.kind === 'online';
      }),
      opened.on('room-joined', () => {
        relayJoined = true;
        relayRoomJoined = true;
        if (!onPath()) joined();
      }),
    ];
    if (as === 'probe') later('probe-timeout', timings.probeTimeoutMs, closeRelay);
    return true;
  }

  function keep(frame: KeptFrame): void {
    kept.push(frame);
    keptBytes += frame.frame.length;
    while (keptBytes > RELAY_PENDING_FRAME_BYTES && kept.length > 0) {
      keptBytes -= (kept.shift() as KeptFrame).frame.length;
    }
  }

  function probe(): void {
    if (!relay) openRelay('probe');
  }

  /** The relay's server welcomed it: a pending switch happens, a probe decides. */
  function joined(): void {
    if (!relay || !relayJoined) return;
    if (role === 'pending') {
      leaveMesh();
      return;
    }
    if (role !== 'probe' || timers.has('confirm')) return;
    cancel('probe-timeout');
    // Ask the room itself: whoever the server picks, on any instance (members of other
    // instances are no peers here), answers, and any frame but another probe's question is
    // proof (a member's stored presence comes even sooner). Membership alone proves nothing:
    // two devices probing at once would each see the other.
    relay.fanOut?.()?.requestState(roomProbeMessage());
    later('confirm', timings.probeConfirmMs, closeRelay);
  }

  function closeRelay(): void {
    if (role === 'path') return;
    for (const stop of stopRelay) stop();
    stopRelay = [];
    relay?.destroy();
    relay = null;
    role = null;
    relayJoined = relayRoomJoined = false;
    kept = [];
    keptBytes = 0;
    cancel('probe-timeout');
    cancel('confirm');
  }

  function switchTo(reason: SwitchReason): void {
    if (destroyed || !mesh) return;
    tellOthers ||= tellsOthers(reason);
    if (!openRelay('pending')) return; // no relay to go to: the mesh it is
    role = 'pending';
    cancel('probe-timeout');
    cancel('confirm');
    if (relayJoined) leaveMesh();
  }

  /** The switch itself, with the relay joined: the mesh's peers go, the relay's come. */
  function leaveMesh(): void {
    const old = mesh;
    const now = relay;
    if (!old || !now) return;
    mesh = null;
    role = 'path';
    for (const stop of stopMesh) stop();
    for (const name of [...timers.keys()]) cancel(name);
    for (const peer of old.peers().keys()) events.emit('peer-left', peer);
    if (tellOthers) void old.announceRelay().finally(() => old.destroy());
    else old.destroy();
    events.emit('status', now.status());
    for (const [peer, info] of now.peers()) events.emit('peer-joined', peer, info);
    if (relayRoomJoined) events.emit('room-joined');
    // All of them: in room mode frames come from members of other instances too, who are no
    // peers; the relay has checked each frame's key and freshness already.
    keptBytes = 0;
    for (const { peer, frame, via } of kept.splice(0)) events.emit('frame', peer, frame, via);
  }

  mesh = options.openMesh(onMeshSignal);
  const stopMesh = meshEvents(mesh);
  probe();
  whileAlone();

  return {
    status: () => current()?.status() ?? { kind: 'connecting' },
    path: () => (role === 'path' ? 'relay' : 'direct'),
    preferRelay: () => switchTo('preferred'),
    fanOut: () => current()?.fanOut?.() ?? null,
    peers: () => current()?.peers() ?? new Map(),
    send: (peer, frame) => current()?.send(peer, frame) ?? false,
    bufferedBytes: (peer) => current()?.bufferedBytes(peer) ?? 0,
    get highWaterBytes() {
      return current()?.highWaterBytes ?? SEND_HIGH_WATER_BYTES;
    },
    get lowWaterBytes() {
      return current()?.lowWaterBytes ?? SEND_LOW_WATER_BYTES;
    },
    on: (event, listener) => events.on(event, listener),
    connections: () => current()?.connections() ?? { webrtc: 0, broadcast: 0 },
    retry() {
      current()?.retry();
      if (role === 'pending') relay?.retry();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const name of [...timers.keys()]) cancel(name);
      mesh?.destroy();
      relay?.destroy();
      mesh = relay = null;
      events.clear();
    },
  };
}
