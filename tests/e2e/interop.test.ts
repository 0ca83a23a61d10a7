import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONNECT_MS,
  checkEnvironment,
  closeAll,
  eventually,
  launchPeers,
  type Peer,
  type Signaling,
  SYNC_MS,
  startSignaling,
  steps,
} from './harness';
import { addItem, connectionStatus, itemTexts, startSession } from './kring';
import { seedItems } from './seed';
import { launchStockPeer, type StockPeer } from './stock-peer';

/**
 * Issue 9: Kring's mesh stays a plain y-webrtc room. A stock y-webrtc + Yjs peer (y-webrtc's
 * own provider and simple-peer) keeps syncing with Kring peers while the session fits in one
 * of its messages; when the session outgrows what it can receive, Kring's side says so
 * instead of failing silently.
 */
describe('a stock y-webrtc peer in a Kring room', () => {
  let signaling: Signaling | undefined;
  let peers: Peer[] = [];
  let stock: StockPeer | undefined;

  beforeAll(async () => {
    checkEnvironment();
    signaling = await startSignaling();
    peers = await launchPeers('Facilitator');
  });
  afterAll(async () => {
    await stock?.close();
    await closeAll(peers);
    await signaling?.close();
  });
  steps(() => peers);

  it('1. reads what Kring peers wrote, and they read what it writes', async () => {
    const [facilitator] = peers as [Peer];
    // Social lab: its first phase is shared at once (Lessons learned starts by writing alone).
    const code = await startSession(facilitator.page, { template: 'Social lab' });
    await addItem(facilitator.page, 'insight', 'Written in Kring');
    stock = await launchStockPeer(code);
    const peer = stock;
    await eventually(() => peer.connections(), 1, CONNECT_MS);
    await eventually(() => facilitator.connections(), { webrtc: 1, broadcast: 0 }, CONNECT_MS);
    await eventually(() => peer.items(), ['Written in Kring'], SYNC_MS);
    expect(await peer.addInsight('Written by stock y-webrtc')).toBe(true);
    await eventually(
      async () => (await itemTexts(facilitator.page, 'insight')).sort(),
      ['Written by stock y-webrtc', 'Written in Kring'],
      SYNC_MS,
    );
    expect(await connectionStatus(facilitator.page).textContent()).toBe('Connected with 1 other');
  });

  it('2. when the session outgrows what it can receive, Kring says so', async () => {
    const [facilitator] = peers as [Peer];
    // 200 insights of 2,000 characters: ≈ 400 KB, over the 256 KiB a stock peer takes at once.
    await seedItems(facilitator.page, { count: 200, chars: 2_000 });
    await facilitator.page
      .getByRole('alert')
      .filter({ hasText: '1 person here uses an older version of Kring' })
      .waitFor({ timeout: CONNECT_MS });
    // Nothing was sent cut off: the stock peer still has only what fit.
    expect(await stock?.items()).toHaveLength(2);
  });
});
