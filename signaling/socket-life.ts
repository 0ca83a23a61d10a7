import { WebSocket } from 'ws';
import type { SignalingLimits } from './limits';
import { type CloseReason, errorCode } from './log';

/** ws error codes (see ws/lib/receiver.js) that name a reason of their own in the log. */
const WS_ERROR_REASONS: Readonly<Record<string, CloseReason>> = {
  WS_ERR_UNSUPPORTED_MESSAGE_LENGTH: 'frame-too-large',
  WS_ERR_INVALID_UTF8: 'invalid-utf8',
};

export interface SocketLifeOptions {
  readonly socket: WebSocket;
  readonly limits: Pick<SignalingLimits, 'closeGraceMs' | 'idleTimeoutMs'>;
  /** Milliseconds on a monotonic clock. */
  readonly now: () => number;
  /** The server decided to close: release what the connection holds now, not at 'close'. */
  readonly onClosing: () => void;
  /** The socket is closed, by either side: why (for the log), its close code, how long it lived. */
  readonly onClosed: (reason: CloseReason, code: number, durationMs: number) => void;
}

/**
 * The life of one server-side WebSocket, the same for y-webrtc signaling (connection.ts) and
 * the relay (relay-endpoint.ts): why it closes, a close frame with a grace period before it is
 * terminated, and the heartbeat that finds dead sockets (no answer to the last ping; browsers
 * answer by themselves) and idle ones (nothing heard for the idle timeout).
 */
export class SocketLife {
  readonly openedAt: number;
  private reason: CloseReason | undefined;
  private graceTimer: NodeJS.Timeout | undefined;
  private lastMessageAt: number;
  private answeredPing = true;

  constructor(private readonly options: SocketLifeOptions) {
    const { socket, now } = options;
    this.openedAt = now();
    this.lastMessageAt = this.openedAt;
    socket.on('pong', () => {
      this.answeredPing = true;
    });
    socket.on('error', (error) => {
      // ws has already decided to close; only remember why, for the log.
      this.reason ??= WS_ERROR_REASONS[errorCode(error)] ?? 'protocol-error';
    });
    socket.on('close', (code) => {
      clearTimeout(this.graceTimer);
      options.onClosed(this.reason ?? 'client-closed', code, Math.round(now() - this.openedAt));
    });
  }

  /** Whether the connection is closing or closed: what still arrives is dropped. */
  get closing(): boolean {
    return this.reason !== undefined;
  }

  /** Whether a frame may be sent now. */
  get open(): boolean {
    return !this.closing && this.options.socket.readyState === WebSocket.OPEN;
  }

  /** A message arrived: the connection is not idle. */
  heard(): void {
    this.lastMessageAt = this.options.now();
  }

  /** Ends the connection with a close frame; terminates it if the client does not answer. */
  disconnect(reason: CloseReason, code: number): void {
    if (!this.beginClose(reason)) return;
    const { socket, limits } = this.options;
    socket.close(code, reason);
    this.graceTimer = setTimeout(() => socket.terminate(), limits.closeGraceMs);
    this.graceTimer.unref();
  }

  /** Ends the connection without a close frame: dead, or hopelessly behind. */
  terminate(reason: CloseReason): void {
    if (this.beginClose(reason)) this.options.socket.terminate();
  }

  /** Called every heartbeat interval. */
  heartbeat(): void {
    if (this.closing) return;
    const { socket, limits, now } = this.options;
    if (!this.answeredPing) {
      this.terminate('heartbeat-timeout');
    } else if (now() - this.lastMessageAt > limits.idleTimeoutMs) {
      this.disconnect('idle-timeout', 1000);
    } else if (socket.readyState === WebSocket.OPEN) {
      this.answeredPing = false;
      socket.ping();
    }
  }

  private beginClose(reason: CloseReason): boolean {
    if (this.closing) return false;
    this.reason = reason;
    this.options.onClosing();
    return true;
  }
}
