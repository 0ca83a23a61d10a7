import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { allMessages } from '../../lib/i18n/all-messages';
import type { Messages } from '../../lib/i18n/messages-en';
import type { ConnectionCounts } from '../../lib/room/transport';
import {
  type Browsing,
  CONNECT_MS,
  eventually,
  type RecordedFrame,
  type Signaling,
  SYNC_MS,
} from './harness';
import { connectionStatus, type Kind, sessionHeading, sortedItemTexts } from './kring';

/**
 * What relay.test.ts shares: joining from the invite link, a browser whose WebRTC can never
 * connect, the relay's status line, and the search of the recorded frames for plaintext.
 */

export const TEMPLATE = JSON.parse(readFileSync('templates/reflective-dialogue.json', 'utf8')) as {
  name: { en: string; nl: string };
  phases: { id: string; title: { en: string; nl: string } }[];
};

/** The title of the Reflective dialogue's phase that takes questions and insights. */
export function whatPhase(lang: 'en' | 'nl'): string {
  const phase = TEMPLATE.phases.find((candidate) => candidate.id === 'what');
  if (!phase) throw new Error('No phase "what" in the Reflective dialogue template');
  return phase.title[lang];
}

/** Everything a test wrote that the server must never read (as typed, and the code bare). */
export function secretsOf(code: string, ...texts: string[]): string[] {
  return [code, code.replace(/-/g, ''), ...texts];
}

/** Uncaught exceptions of any page of these peers (console errors may be expected). */
export function uncaught(peers: readonly Browsing[]): string[] {
  return peers.flatMap((peer) => peer.errors.filter((line) => line.includes(' pageerror: ')));
}

export interface Someone {
  readonly name: string;
  readonly page: Page;
}

/** The connection status on the relay, in the catalogue's words (English by default). */
export function relayStatus(others: number, m: Messages = allMessages.en): string {
  if (others === 0) return m['status.relayAlone'];
  return m['status.relayConnected'][others === 1 ? 'one' : 'other'].replace(
    '{count}',
    String(others),
  );
}

/**
 * Polls every peer until its status says it reaches `others` through the server and it has no
 * WebRTC connection (a brief one while joining, before the move, is closed by then).
 */
export async function expectOnRelay(
  peers: readonly (Someone & { connections(): Promise<ConnectionCounts> })[],
  others: number,
): Promise<void> {
  for (const peer of peers) {
    const status = () => connectionStatus(peer.page).textContent();
    await eventually(status, relayStatus(others), CONNECT_MS, `${peer.name}'s status`);
    await eventually(() => peer.connections(), { webrtc: 0, broadcast: 0 }, SYNC_MS, peer.name);
  }
}

/** The invite link the facilitator's panel shows. */
export async function inviteLink(panel: Page): Promise<string> {
  const link = await panel
    .getByRole('status', { name: 'Invite link', exact: true })
    .textContent({ timeout: CONNECT_MS });
  if (!link) throw new Error('The panel shows no invite link');
  return link;
}

/** Opens the invite link (it fills in the code), gives a name and joins; waits for the title. */
export async function joinFromLink(
  page: Page,
  link: string,
  name: string,
  title: string,
  timeout = CONNECT_MS,
) {
  await page.goto(link);
  await page.getByRole('textbox', { name: 'Your name', exact: true }).fill(name);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await sessionHeading(page, title).waitFor({ timeout });
}

/**
 * Makes every RTCPeerConnection of this context's pages unable to connect, as on a network
 * that blocks UDP and offers no TURN server: a real RTCPeerConnection, so offers, answers and
 * candidates still travel over signaling, but with `iceTransportPolicy: 'relay'` and no ICE
 * server it gathers no candidate of its own and may use none of the other side's. ICE never
 * succeeds, whatever interfaces the namespace has (run.sh adds a veth that the "no loopback
 * flags" way of TESTING.md predates). `kringBlockedConnections` counts the attempts, so a test
 * can tell "WebRTC failed" from "WebRTC never tried".
 */
export async function blockWebRtc(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Native = globalThis.RTCPeerConnection;
    const scope = globalThis as unknown as { kringBlockedConnections: number };
    scope.kringBlockedConnections = 0;
    class Blocked extends Native {
      constructor(config?: RTCConfiguration) {
        super({ ...config, iceServers: [], iceTransportPolicy: 'relay' });
        scope.kringBlockedConnections += 1;
      }
    }
    globalThis.RTCPeerConnection = Blocked;
  });
}

export function blockedAttempts(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { kringBlockedConnections?: number }).kringBlockedConnections ?? -1,
  );
}

/**
 * Whether two RTCPeerConnections in this page connect to each other within `ms`: the control
 * that shows blockWebRtc blocks (false) where an unblocked page connects (true).
 */
export function connectsToItself(page: Page, ms: number): Promise<boolean> {
  return page.evaluate(async (ms) => {
    const [a, b] = [new RTCPeerConnection(), new RTCPeerConnection()];
    a.onicecandidate = (event) => event.candidate && void b.addIceCandidate(event.candidate);
    b.onicecandidate = (event) => event.candidate && void a.addIceCandidate(event.candidate);
    a.createDataChannel('control');
    const connected = new Promise<boolean>((done) => {
      a.onconnectionstatechange = () => {
        if (a.connectionState === 'connected') done(true);
        if (a.connectionState === 'failed') done(false);
      };
      setTimeout(() => done(false), ms);
    });
    await a.setLocalDescription();
    await b.setRemoteDescription(a.localDescription as RTCSessionDescription);
    await b.setLocalDescription();
    await a.setRemoteDescription(b.localDescription as RTCSessionDescription);
    const result = await connected;
    a.close();
    b.close();
    return result;
  }, ms);
}

const sorted = (texts: readonly string[]) => [...texts].sort();

/** Polls everyone until its items of `kind` are exactly `texts` (in any order). */
export async function everyoneHas(
  people: readonly Someone[],
  kind: Kind,
  texts: readonly string[],
  timeout = SYNC_MS,
): Promise<void> {
  for (const person of people) {
    await eventually(
      () => sortedItemTexts(person.page, kind),
      sorted(texts),
      timeout,
      `${person.name}'s ${kind}s`,
    );
  }
}

/** The frames the proxy forwarded on the relay's path, both ways. */
export function relayFrames(signaling: Signaling): RecordedFrame[] {
  return signaling.frames.filter((frame) => frame.path === '/relay');
}

/** How many connections to `/relay` carried frames. */
export function relayConnections(signaling: Signaling): number {
  return new Set(relayFrames(signaling).map((frame) => frame.connection)).size;
}

/**
 * Every (secret, encoding, frame) where a frame holds a secret's bytes: UTF-8 as typed, lower
 * case and upper case, and UTF-16LE (as a JavaScript string's memory would be). Empty when the
 * server saw none of them.
 */
export function plaintextIn(frames: readonly RecordedFrame[], secrets: readonly string[]) {
  const found: string[] = [];
  for (const secret of secrets) {
    const needles: [string, Buffer][] = [
      ...new Set([secret, secret.toLowerCase(), secret.toUpperCase()]),
    ].flatMap((variant) => [
      ['utf8', Buffer.from(variant, 'utf8')] as [string, Buffer],
      ['utf16le', Buffer.from(variant, 'utf16le')] as [string, Buffer],
    ]);
    for (const [index, frame] of frames.entries()) {
      for (const [encoding, needle] of needles) {
        if (frame.bytes.includes(needle)) {
          found.push(
            `"${secret}" (${encoding}) in frame ${index} ${frame.direction} ${frame.path}`,
          );
        }
      }
    }
  }
  return found;
}

/**
 * The recording's verdict: relay traffic was recorded, all of it binary, and no frame on any
 * path holds any secret. Controls first, so an empty or text-only recording cannot pass.
 */
export function expectNoPlaintext(signaling: Signaling, secrets: readonly string[]): void {
  const relay = relayFrames(signaling);
  expect(relay.filter((frame) => frame.direction === 'to-server').length).toBeGreaterThan(0);
  expect(relay.filter((frame) => frame.direction === 'to-client').length).toBeGreaterThan(0);
  expect(relay.filter((frame) => !frame.binary).map((frame) => frame.text)).toEqual([]);
  // The search itself finds what is there (a planted frame), in both encodings.
  const planted = (text: string, encoding: BufferEncoding): RecordedFrame => ({
    ...(relay[0] as RecordedFrame),
    bytes: Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(text, encoding)]),
  });
  const probe = secrets[0] ?? 'secret';
  expect(plaintextIn([planted(probe, 'utf8')], [probe])).toHaveLength(1);
  expect(plaintextIn([planted(probe.toUpperCase(), 'utf16le')], [probe])).toHaveLength(1);

  expect(plaintextIn(signaling.frames, secrets)).toEqual([]);
  const log = signaling.logLines.join('\n').toLowerCase();
  expect(secrets.filter((secret) => log.includes(secret.toLowerCase()))).toEqual([]);
  expect(signaling.problems).toEqual([]);
}
