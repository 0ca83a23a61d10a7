import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  addressKey,
  hashedAddressLabeler,
  plainAddressLabeler,
  requestAddress,
} from '../../signaling/address';
import { startServer, TestClient, upgradeStatus } from '../helpers/signaling';

function request(remoteAddress: string, forwardedFor?: string | string[]): IncomingMessage {
  const headers = forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor };
  return { headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe('addressKey (what per-address limits count by)', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff::1', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002::', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.1', '64:ff9b:0:0::/64'],
    ['unknown', 'unknown'],
  ])('%s → %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});

describe('requestAddress', () => {
  it('uses the socket address unless told to trust a proxy', () => {
    expect(requestAddress(request('10.0.0.1', '198.51.100.9'), false)).toBe('10.0.0.1');
  });

  it('behind a proxy, takes the entry the proxy appended (the last), not what the client wrote', () => {
    expect(requestAddress(request('10.0.0.1', 'forged, 198.51.100.9'), true)).toBe('198.51.100.9');
    expect(requestAddress(request('10.0.0.1', ['forged', '198.51.100.9 ']), true)).toBe(
      '198.51.100.9',
    );
    expect(requestAddress(request('10.0.0.1'), true)).toBe('10.0.0.1');
  });
});

describe('address labels for logs', () => {
  it('hash consistently within a key and differently across keys', () => {
    const label = hashedAddressLabeler(new Uint8Array(32));
    const other = hashedAddressLabeler(new Uint8Array(32).fill(1));
    expect(label('198.51.100.9')).toBe(label('198.51.100.9'));
    expect(label('198.51.100.9')).not.toBe(label('198.51.100.10'));
    expect(label('198.51.100.9')).not.toBe(other('198.51.100.9'));
    expect(label('198.51.100.9')).not.toContain('198');
    expect(plainAddressLabeler('198.51.100.9')).toBe('198.51.100.9');
  });
});

describe('per-address limit behind a proxy', () => {
  it('counts forwarded clients apart, and a forged header cannot dodge the limit', async () => {
    const { url } = await startServer({ maxConnectionsPerAddress: 1 }, { trustProxy: true });
    const open = (forwardedFor: string) =>
      TestClient.open(url, { headers: { 'X-Forwarded-For': forwardedFor } });
    await open('198.51.100.1');
    await open('198.51.100.2'); // another client of the proxy: its own count
    // A client that writes its own header still gets the proxy's entry last: counted as .1.
    const forged = { headers: { 'X-Forwarded-For': 'forged-1, 198.51.100.1' } };
    expect(await upgradeStatus(url, forged)).toBe(429);
  });
});
