import { fromHex, toHex } from '../lib/room/relay-frame';

/**
 * What the relay puts on a room's bus topic besides room-wide frames (issue 10, scale-out): a
 * sync request asked of the other instances, and a reply routed back to the instance it came
 * from (relay-remote.ts). A room-wide frame goes on the topic as it came, and every relay frame
 * starts with RELAY_VERSION (1), so the first byte tells the two apart:
 *
 *   offset size  field
 *        0    1  kind         0xF1 request (to every other instance) or 0xF2 reply (to one)
 *        1   16  instance id  the instance the request came from; a reply names it too, and
 *                             every other instance, which sees it on the same topic, ignores it
 *       17    n  frame        the relay frame, exactly as its sender sealed it
 *
 * The instance id is a random routing id: no address, no host name. No Node imports, so tests
 * and tools can read envelopes too.
 */
export const RelayEnvelopeKind = {
  request: 0xf1,
  reply: 0xf2,
} as const;
export type RelayEnvelopeKind = (typeof RelayEnvelopeKind)[keyof typeof RelayEnvelopeKind];

export const INSTANCE_ID_BYTES = 16;
/** What an envelope adds to a frame: the bus must carry a full frame plus this. */
export const RELAY_ENVELOPE_BYTES = 1 + INSTANCE_ID_BYTES;

export interface RelayEnvelope {
  readonly kind: RelayEnvelopeKind;
  /** 32 hex digits. */
  readonly instanceId: string;
  /** A view into the envelope's bytes, not a copy. */
  readonly frame: Uint8Array;
}

/** A fresh random instance id, 32 hex digits. */
export function newInstanceId(): string {
  const bytes = new Uint8Array(INSTANCE_ID_BYTES);
  globalThis.crypto.getRandomValues(bytes);
  return toHex(bytes);
}

export function isInstanceId(id: string): boolean {
  return id.length === INSTANCE_ID_BYTES * 2 && /^[0-9a-f]+$/.test(id);
}

/** Whether bus bytes are an envelope rather than a room-wide relay frame. */
export function isEnvelope(bytes: Uint8Array): boolean {
  return bytes[0] === RelayEnvelopeKind.request || bytes[0] === RelayEnvelopeKind.reply;
}

export function writeEnvelope(
  kind: RelayEnvelopeKind,
  instanceId: string,
  frame: Uint8Array,
): Uint8Array {
  const bytes = new Uint8Array(RELAY_ENVELOPE_BYTES + frame.length);
  bytes[0] = kind;
  bytes.set(fromHex(instanceId), 1);
  bytes.set(frame, RELAY_ENVELOPE_BYTES);
  return bytes;
}

/** The envelope's parts, or null for anything else (a relay frame, garbage). Never throws. */
export function readEnvelope(bytes: Uint8Array): RelayEnvelope | null {
  if (!isEnvelope(bytes) || bytes.length <= RELAY_ENVELOPE_BYTES) return null;
  return {
    kind: bytes[0] as RelayEnvelopeKind,
    instanceId: toHex(bytes.subarray(1, RELAY_ENVELOPE_BYTES)),
    frame: bytes.subarray(RELAY_ENVELOPE_BYTES),
  };
}
