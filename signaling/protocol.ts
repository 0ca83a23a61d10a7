import { err, ok, type Result } from '../lib/result';

/**
 * y-webrtc's signaling wire protocol, as its client (`SignalingConn` in y-webrtc/src/y-webrtc.js)
 * and its bundled server (y-webrtc/bin/server.js) speak it. Every frame is one JSON text message:
 *
 *   client → server  {type:'subscribe', topics:string[]}   join rooms (topic = room name)
 *                    {type:'unsubscribe', topics:string[]} leave rooms
 *                    {type:'publish', topic, data}         relay `data` to the room
 *                    {type:'ping'}                         keep-alive (lib0/websocket)
 *   server → client  {type:'publish', topic, data, clients} a relayed publish, plus the number
 *                                                           of subscribers of the topic
 *                    {type:'pong'}
 *
 * `data` is opaque to the server: an object, or a base64 string when the room has a password.
 */
export type ClientMessage =
  | { readonly type: 'subscribe'; readonly topics: readonly string[] }
  | { readonly type: 'unsubscribe'; readonly topics: readonly string[] }
  /** `frame` is the whole parsed message, relayed as it came (plus `clients`). */
  | { readonly type: 'publish'; readonly topic: string; readonly frame: JsonObject }
  | { readonly type: 'ping' }
  /** A `type` this server does not know; ignored, so a newer client is not cut off. */
  | { readonly type: 'unknown' };

export type JsonObject = { readonly [key: string]: unknown };

/** Why a text frame is not a message; both end the connection (see server.ts). */
export type ProtocolViolation = 'invalid-json' | 'invalid-message';

export function parseClientMessage(
  text: string,
  maxTopicNameLength: number,
): Result<ClientMessage, ProtocolViolation> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err('invalid-json');
  }
  if (!isJsonObject(value) || typeof value.type !== 'string') return err('invalid-message');
  const isTopic = (topic: unknown): topic is string =>
    typeof topic === 'string' && topic.length > 0 && topic.length <= maxTopicNameLength;

  switch (value.type) {
    case 'subscribe':
    case 'unsubscribe': {
      const { topics } = value;
      if (!Array.isArray(topics) || !topics.every(isTopic)) return err('invalid-message');
      return ok({ type: value.type, topics });
    }
    case 'publish':
      if (!isTopic(value.topic)) return err('invalid-message');
      return ok({ type: 'publish', topic: value.topic, frame: value });
    case 'ping':
      return ok({ type: 'ping' });
    default:
      return ok({ type: 'unknown' });
  }
}

/**
 * A publish as it crosses the topic bus (bus.ts) to other instances: the client's message as
 * JSON without `topic` (the bus knows it and keeps it out of what Redis sees) and without
 * `clients` (each delivering instance counts its own subscribers). Serialised once per
 * publish. `undefined` when the message cannot be serialised again (JSON nested deeper than
 * the call stack allows).
 */
export function publishBody(frame: JsonObject): string | undefined {
  const { topic: _topic, clients: _clients, ...rest } = frame;
  try {
    return JSON.stringify(rest);
  } catch {
    return undefined;
  }
}

/**
 * The text sent to a subscriber: `body` (from `publishBody`, so a JSON object that still has
 * its `type`) with `topic` and `clients` put back, as y-webrtc's bundled server relays it.
 * `clients` is the number of subscribers on the delivering instance; y-webrtc clients do not
 * read it. Spliced rather than parsed again, since every receiver's instance does this.
 */
export function relayText(topic: string, body: string, clients: number): string {
  return `{"topic":${JSON.stringify(topic)},${body.slice(1, -1)},"clients":${clients}}`;
}

export const PONG_FRAME = JSON.stringify({ type: 'pong' });

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
