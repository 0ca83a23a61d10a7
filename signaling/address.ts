import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * The address a request comes from. Behind a reverse proxy every request comes from the proxy,
 * so with `trustProxy` the last `X-Forwarded-For` entry is used: the one our proxy appended.
 * Entries left of it are written by the client and cannot be trusted. Assumes one proxy hop.
 */
export function requestAddress(request: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = request.headers['x-forwarded-for'];
    const list = Array.isArray(header) ? header.join(',') : (header ?? '');
    const last = list.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return request.socket.remoteAddress ?? 'unknown';
}

/**
 * The key that per-address limits count by. An IPv4 address counts alone (IPv4-mapped IPv6
 * `::ffff:a.b.c.d` included); an IPv6 address counts by its /64, because one subscriber
 * usually gets a whole /64 and could otherwise open connections from 2^64 addresses.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(address) || !isIPv6(address)) return address;
  const groups = expandIPv6(address);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, lower-case, without leading zeros. */
function expandIPv6(address: string): string[] {
  const withoutZone = address.split('%')[0] ?? address;
  const [head = '', tail] = withoutZone.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').flatMap(groupsOf));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right];
}

/** One colon-separated part: a hex group, or a trailing dotted IPv4 that fills two groups. */
function groupsOf(part: string): string[] {
  if (!part.includes('.')) return [Number.parseInt(part, 16).toString(16)];
  const [a = 0, b = 0, c = 0, d = 0] = part.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}

/**
 * How an address appears in logs. The default is a keyed hash: the same address gets the same
 * label for the life of the process, so abuse shows up as one label, but the label cannot be
 * turned back into an address (an unkeyed hash of the 2^32 IPv4 addresses could be reversed by
 * trying them all). An operator who must block an address restarts with plain logging.
 */
export type AddressLabeler = (address: string) => string;

export function hashedAddressLabeler(key: Uint8Array = randomBytes(32)): AddressLabeler {
  return (address) => `h:${createHmac('sha256', key).update(address).digest('hex').slice(0, 16)}`;
}

export const plainAddressLabeler: AddressLabeler = (address) => address;
