import type { PeerSignal } from './peer';

/**
 * What peers say to each other through the signaling server (encrypted, crypto.ts): y-webrtc's
 * `announce` and `signal` messages, with one field of Kring's own that y-webrtc ignores, and
 * Kring's `relay` beacon: "this room is moving to the relay, follow" (path-channel.ts). y-webrtc
 * ignores message types it does not know, so a stock peer just stays on the mesh.
 */
/** Marks Kring peers in signaling; a later version can raise it to announce new abilities. */
export const KRING_PROTOCOL = 1;

export type SignalMessage =
  | { readonly type: 'announce'; readonly from: string; readonly kring?: unknown }
  | {
      readonly type: 'signal';
      readonly from: string;
      readonly to: string;
      readonly token?: unknown;
      readonly signal: PeerSignal;
      readonly kring?: unknown;
    }
  | { readonly type: 'relay'; readonly from: string };

/** Signaling messages come from anyone who knows the key: check their shape before use. */
export function readSignalMessage(value: unknown): SignalMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  if (typeof m.from !== 'string' || m.from.length === 0 || m.from.length > 100) return null;
  if (m.type === 'announce') return m as SignalMessage;
  if (m.type === 'relay') return { type: 'relay', from: m.from };
  if (m.type !== 'signal' || typeof m.to !== 'string') return null;
  const signal = m.signal as Record<string, unknown> | null;
  if (typeof signal !== 'object' || signal === null || typeof signal.type !== 'string') return null;
  return m as SignalMessage;
}
