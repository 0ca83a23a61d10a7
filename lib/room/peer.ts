/**
 * One WebRTC connection of the mesh (mesh.ts), with simple-peer's shape: one data channel over
 * a native RTCPeerConnection, trickle ICE, and the events `signal`, `connect`, `data`, `close`,
 * `error`, plus `drain` for back-pressure. It began as a stand-in for simple-peer under y-webrtc.
 *
 * Why not simple-peer itself: its browser build bundles Node's Buffer and stream polyfills
 * (96 KB minified, a third of the side panel) for features y-webrtc never touches, and it has
 * had no release since 2021. The signal messages keep simple-peer's shapes ({type, sdp} and
 * {type: 'candidate', candidate}), so stock y-webrtc peers understand them.
 */

export interface PeerOptions {
  readonly initiator?: boolean;
  readonly config?: RTCConfiguration;
  /** `bufferedAmountLowThreshold` of the data channel: below it, `drain` fires. */
  readonly lowWaterBytes?: number;
}

export type PeerSignal =
  | { readonly type: 'offer' | 'answer' | 'pranswer' | 'rollback'; readonly sdp?: string }
  | { readonly type: 'candidate'; readonly candidate: RTCIceCandidateInit };

type Events = {
  signal: (signal: PeerSignal) => void;
  connect: () => void;
  data: (data: Uint8Array) => void;
  close: () => void;
  error: (error: Error) => void;
  /** The open channel's buffer fell to `lowWaterBytes` (back-pressure, lib/room/outbox.ts). */
  drain: () => void;
};

const CHANNEL_LABEL = 'kring';

export default class Peer {
  readonly initiator: boolean;
  connected = false;
  destroyed = false;
  private readonly pc: RTCPeerConnection;
  private readonly channels = new Set<RTCDataChannel>();
  /** Candidates that arrive before the description they belong to. */
  private readonly pendingCandidates: RTCIceCandidateInit[] = [];
  private readonly listeners = new Map<keyof Events, Set<(...args: never[]) => void>>();
  private queue: Promise<void> = Promise.resolve();
  private readonly lowWaterBytes: number;

  constructor({ initiator = false, config, lowWaterBytes = 0 }: PeerOptions = {}) {
    this.initiator = initiator;
    this.lowWaterBytes = lowWaterBytes;
    this.pc = new RTCPeerConnection(config);
    this.pc.onicecandidate = ({ candidate }) => {
      if (candidate) this.emit('signal', { type: 'candidate', candidate: candidate.toJSON() });
    };
    this.pc.ondatachannel = ({ channel }) => this.adopt(channel);
    this.pc.onconnectionstatechange = () => {
      const state = this.pc.connectionState;
      if (state === 'failed') this.destroy(new Error('WebRTC connection failed'));
      else if (state === 'closed') this.destroy();
    };
    if (initiator) {
      this.adopt(this.pc.createDataChannel(CHANNEL_LABEL));
      void this.run(async () => {
        await this.pc.setLocalDescription(await this.pc.createOffer());
        this.emitDescription();
      });
    }
  }

  on<E extends keyof Events>(event: E, listener: Events[E]): this {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (...args: never[]) => void);
    this.listeners.set(event, set);
    return this;
  }

  off<E extends keyof Events>(event: E, listener: Events[E]): this {
    this.listeners.get(event)?.delete(listener as (...args: never[]) => void);
    return this;
  }

  /** Feeds a message from the other peer (relayed by signaling) into the connection. */
  signal(data: PeerSignal | string): void {
    if (this.destroyed) return;
    const message: PeerSignal = typeof data === 'string' ? JSON.parse(data) : data;
    if (message.type === 'candidate') {
      const { candidate } = message;
      void this.run(async () => {
        if (this.pc.remoteDescription) await this.pc.addIceCandidate(candidate);
        else this.pendingCandidates.push(candidate);
      });
      return;
    }
    if (message.sdp === undefined) return;
    const description = { type: message.type, sdp: message.sdp };
    void this.run(async () => {
      // An offer while we have one out ourselves (glare that y-webrtc decided in the other's
      // favour) is answered after an implicit rollback, which browsers do for us.
      await this.pc.setRemoteDescription(description);
      for (const candidate of this.pendingCandidates.splice(0)) {
        await this.pc.addIceCandidate(candidate);
      }
      if (description.type === 'offer') {
        await this.pc.setLocalDescription(await this.pc.createAnswer());
        this.emitDescription();
      }
    });
  }

  /** Throws when no channel is open, or the browser refuses the message, as simple-peer does. */
  send(data: Uint8Array): void {
    const open = this.openChannel();
    if (!open) throw new Error('Kring peer: no open data channel');
    open.send(data as Uint8Array<ArrayBuffer>);
  }

  /** Bytes given to `send` that the browser has not put on the wire yet. */
  bufferedAmount(): number {
    return this.openChannel()?.bufferedAmount ?? 0;
  }

  /** The largest message the other side accepts (SDP `max-message-size`), if the browser says. */
  maxMessageSize(): number | null {
    const size = this.pc.sctp?.maxMessageSize;
    return typeof size === 'number' && size > 0 && Number.isFinite(size) ? size : null;
  }

  destroy(error?: Error): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.connected = false;
    for (const channel of this.channels) channel.close();
    this.channels.clear();
    this.pc.close();
    if (error) this.emit('error', error);
    this.emit('close');
    this.listeners.clear();
  }

  private openChannel(): RTCDataChannel | undefined {
    return [...this.channels].find((channel) => channel.readyState === 'open');
  }

  private adopt(channel: RTCDataChannel): void {
    channel.binaryType = 'arraybuffer';
    channel.bufferedAmountLowThreshold = this.lowWaterBytes;
    channel.onbufferedamountlow = () => this.emit('drain');
    this.channels.add(channel);
    channel.onopen = () => {
      if (this.connected || this.destroyed) return;
      this.connected = true;
      this.emit('connect');
    };
    channel.onmessage = ({ data }) => {
      if (data instanceof ArrayBuffer) this.emit('data', new Uint8Array(data));
      else if (typeof data === 'string') this.emit('data', new TextEncoder().encode(data));
    };
    channel.onclose = () => {
      this.channels.delete(channel);
      // With glare both sides may have opened a channel; the peer is gone when none is left.
      if (this.connected && this.channels.size === 0) this.destroy();
    };
  }

  private emitDescription(): void {
    const local = this.pc.localDescription;
    if (local) this.emit('signal', { type: local.type, sdp: local.sdp });
  }

  /** Runs negotiation steps one after another, in the order their messages arrived. */
  private run(step: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(async () => {
      if (this.destroyed) return;
      try {
        await step();
      } catch (error) {
        this.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    });
    return this.queue;
  }

  private emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (...a: Parameters<Events[E]>) => void)(...args);
    }
  }
}
