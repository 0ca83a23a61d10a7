import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONNECT_MS,
  checkEnvironment,
  closeAll,
  eventually,
  launchPeer,
  launchPeers,
  type Peer,
  type Signaling,
  startSignaling,
  steps,
} from './harness';
import { connectionStatus, exportMarkdown, joinSession, startSession } from './kring';
import { seedItems } from './seed';

/**
 * Issue 9: sessions of any size reach every peer. Before the sync layer, a late joiner to a
 * session over ~256 KiB received nothing, silently (one data-channel message per catch-up,
 * over Chromium's SCTP limit), and one large transaction broke sync the same way.
 */
const LARGE_MS = 120_000;

/** How many insights the phase holds, as its heading says ("Insights (5000)"). */
async function insightCount(peer: Peer): Promise<number> {
  const heading = peer.page.getByRole('heading', { level: 3, name: /^Insights \(\d+\)$/ });
  if ((await heading.count()) === 0) return 0;
  return Number((await heading.textContent())?.match(/\((\d+)\)/)?.[1] ?? 0);
}

/** Editors on screen: a long list shows its newest 200 (ITEMS_SHOWN_AT_ONCE). */
function editorCount(peer: Peer): Promise<number> {
  return peer.page.getByRole('textbox', { name: 'Insight', exact: true }).count();
}

describe('a session of 5,000 items of 2,000 characters', () => {
  let signaling: Signaling | undefined;
  const peers: Peer[] = [];
  let code = '';

  beforeAll(async () => {
    checkEnvironment();
    signaling = await startSignaling();
    peers.push(...(await launchPeers('Facilitator')));
  }, LARGE_MS);
  afterAll(async () => {
    await closeAll(peers);
    await signaling?.close();
  });
  steps(() => peers);

  it('1. the facilitator holds it', { timeout: LARGE_MS }, async () => {
    const [facilitator] = peers as [Peer];
    code = await startSession(facilitator.page, { template: 'Lessons-learned harvest' });
    await seedItems(facilitator.page, { count: 5_000, chars: 2_000 });
    await eventually(() => insightCount(facilitator), 5_000, LARGE_MS);
  });

  it('2. a late joiner catches up on all of it, and both export the same harvest', {
    timeout: LARGE_MS * 2,
  }, async () => {
    const [facilitator] = peers as [Peer];
    const late = await launchPeer('Late');
    peers.push(late);
    const joinedAt = Date.now();
    await joinSession(late.page, { code, name: 'Late' });
    await eventually(() => insightCount(late), 5_000, LARGE_MS);
    console.info(`late joiner: 5,000 items on screen after ${Date.now() - joinedAt} ms`);
    await eventually(() => late.connections(), { webrtc: 1, broadcast: 0 }, CONNECT_MS);
    expect(await connectionStatus(late.page).textContent()).toBe('Connected with 1 other');
    expect(await editorCount(late)).toBe(200);
    const [theirs, mine] = [
      await exportMarkdown(late.page, LARGE_MS),
      await exportMarkdown(facilitator.page, LARGE_MS),
    ];
    expect(theirs.content.length).toBeGreaterThan(10_000_000);
    expect(theirs.content.equals(mine.content)).toBe(true);
  });
});

describe('one transaction of 2,000 items', () => {
  let signaling: Signaling | undefined;
  let peers: Peer[] = [];

  beforeAll(async () => {
    checkEnvironment();
    signaling = await startSignaling();
    peers = await launchPeers('Facilitator', 'Ann', 'Ben');
  }, LARGE_MS);
  afterAll(async () => {
    await closeAll(peers);
    await signaling?.close();
  });
  steps(() => peers);

  it('reaches every peer at once, and the edits after it too', { timeout: LARGE_MS }, async () => {
    const [facilitator, ann, ben] = peers as [Peer, Peer, Peer];
    // Social lab: its first phase is shared at once (Lessons learned starts by writing alone).
    const code = await startSession(facilitator.page, { template: 'Social lab' });
    for (const peer of [ann, ben]) await joinSession(peer.page, { code, name: peer.name });
    for (const peer of peers) {
      await eventually(() => peer.connections(), { webrtc: 2, broadcast: 0 }, CONNECT_MS);
    }
    // Ben writes 2,000 insights while offline (as one transaction), reopens the panel, and
    // comes back: everything he wrote goes to the others in one sync message.
    await ben.context.setOffline(true);
    await seedItems(ben.page, { count: 2_000, chars: 40 });
    await eventually(() => insightCount(ben), 2_000, LARGE_MS);
    await ben.context.setOffline(false);
    for (const peer of [facilitator, ann]) {
      await eventually(() => insightCount(peer), 2_000, LARGE_MS);
    }
    // Yjs would hold later edits pending on a lost transaction: they must show too.
    await facilitator.page.getByRole('textbox', { name: 'New insight' }).fill('And one more');
    await facilitator.page.getByRole('button', { name: 'Add insight' }).click();
    for (const peer of peers) await eventually(() => insightCount(peer), 2_001, CONNECT_MS);
  });
});
