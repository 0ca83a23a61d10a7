import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRoomCode } from '../../lib/room/code';
import { deriveRoomSecrets } from '../../lib/room/keys';
import {
  CONNECT_MS,
  checkEnvironment,
  closeAll,
  eventually,
  eventuallyContains,
  launchPeers,
  type Peer,
  type Signaling,
  SYNC_MS,
  startSignaling,
  steps,
  UI_MS,
} from './harness';
import {
  addItem,
  connectionStatus,
  editorOf,
  exportMarkdown,
  itemTexts,
  joinSession,
  type Kind,
  nextPhase,
  presence,
  previousPhase,
  sessionHeading,
  sortedItemTexts,
  startSession,
  typeAt,
  waitForPhase,
} from './kring';

/**
 * Peer to peer for real: a facilitator and two participants, each in a Chromium of its own,
 * meet through our signaling server and sync over WebRTC (TESTING.md: one profile per peer, or
 * the pages would meet over BroadcastChannel and prove nothing).
 */

/** Sorted, for comparing what peers show whatever order they list it in. */
const sorted = (texts: readonly string[]) => [...texts].sort();

/** Polls every peer until its items of `kind` are exactly `texts`. */
async function everyoneHas(peers: readonly Peer[], kind: Kind, texts: readonly string[]) {
  for (const peer of peers) {
    await eventually(
      () => sortedItemTexts(peer.page, kind),
      sorted(texts),
      SYNC_MS,
      `${peer.name}'s ${kind}s`,
    );
  }
}

describe('three peers over WebRTC', () => {
  const TITLE = 'Harbour walk evaluation';
  const OPENING = 'Opening round';
  const WHAT = 'What happened?';
  const SO_WHAT = 'What does it mean?';
  // Names long enough never to turn up by chance in base64 frames (checked in step 7).
  const ANN = 'Annelies';
  const BEN = 'Bartholomew';

  let signaling: Signaling | undefined;
  let peers: Peer[] = [];
  let facilitator: Peer;
  let ann: Peer;
  let ben: Peer;
  let code = '';
  let typedCode = '';

  // Everything written, as it reads in the end; checked on every peer and against the server.
  const base = 'Who turned up at the quay';
  const fromStart = 'Annelies asks ';
  const fromEnd = ' and Bartholomew adds why';
  const merged = `${fromStart}${base}${fromEnd}`;
  const questions = [base, 'What surprised the harbour master', 'Which streets did nobody walk'];
  const insights = [
    'Children led the route better than the map',
    'The ferry timetable decided the pace',
    'Rain kept the older residents home',
  ];
  const offlineInsight = 'Written on the train without a connection';
  const offlineEdit = ' noted while offline';

  beforeAll(async () => {
    checkEnvironment();
    signaling = await startSignaling();
    peers = await launchPeers('Facilitator', ANN, BEN);
    [facilitator, ann, ben] = peers as [Peer, Peer, Peer];
  });
  afterAll(async () => {
    await closeAll(peers);
    await signaling?.close();
  });
  const PRIVACY = '7. the signaling server saw neither the room code nor any content';
  const NO_ERRORS = 'logs no uncaught page errors';
  steps(() => peers, [PRIVACY, NO_ERRORS]);

  it('1. the facilitator starts a Reflective dialogue and two participants join', async () => {
    code = await startSession(facilitator.page, { template: 'Reflective dialogue', title: TITLE });
    await waitForPhase(facilitator.page, OPENING, UI_MS);
    // The opening round collects nothing; the next phase takes questions and insights.
    await expect(
      facilitator.page.getByRole('textbox', { name: 'New question' }).count(),
    ).resolves.toBe(0);
    await nextPhase(facilitator.page, WHAT);

    // Typed as a person might: lower case, spaces instead of dashes.
    typedCode = ` ${code.toLowerCase().replace(/-/g, ' ')} `;
    await joinSession(ann.page, { code: typedCode, name: ANN });
    await joinSession(ben.page, { code: typedCode, name: BEN });
    for (const peer of [ann, ben]) {
      await sessionHeading(peer.page, TITLE).waitFor({ timeout: CONNECT_MS });
      await waitForPhase(peer.page, WHAT);
    }
    for (const peer of peers) {
      await eventuallyContains(() => presence(peer.page).textContent(), '3 here', CONNECT_MS);
    }
    expect(await presence(facilitator.page).textContent()).toContain(`${ANN}, ${BEN}`);
  });

  it('2. everyone adds questions and insights, and sees everyone else’s', async () => {
    await Promise.all(
      peers.map(async (peer, index) => {
        await addItem(peer.page, 'question', questions[index] as string);
        await addItem(peer.page, 'insight', insights[index] as string);
      }),
    );
    await everyoneHas(peers, 'question', questions);
    await everyoneHas(peers, 'insight', insights);
  });

  it('2. two people typing into one question at once both keep their words', async () => {
    const atStart = await editorOf(ann.page, 'question', base);
    const atEnd = await editorOf(ben.page, 'question', base);
    await Promise.all([typeAt(atStart, 'start', fromStart), typeAt(atEnd, 'end', fromEnd)]);
    questions[0] = merged;
    await everyoneHas(peers, 'question', questions);
  });

  it('2. the facilitator moves the phase and everyone follows', async () => {
    await nextPhase(facilitator.page, SO_WHAT);
    for (const peer of [ann, ben]) {
      await waitForPhase(peer.page, SO_WHAT);
      expect(await itemTexts(peer.page, 'question')).toEqual([]);
    }
    await previousPhase(facilitator.page, WHAT);
    for (const peer of [ann, ben]) await waitForPhase(peer.page, WHAT);
    await everyoneHas(peers, 'question', questions);
    for (const peer of peers) {
      expect(await presence(peer.page).textContent()).toContain('3 here');
    }
  });

  it('3. every peer reaches the two others over WebRTC, none over BroadcastChannel', async () => {
    for (const peer of peers) {
      await eventually(
        () => peer.connections(),
        { webrtc: 2, broadcast: 0 },
        CONNECT_MS,
        peer.name,
      );
      expect(await connectionStatus(peer.page).textContent()).toBe('Connected with 2 others');
    }
  });

  it('4. two peers export byte-identical harvests with every item', async () => {
    const [mine, theirs] = [await exportMarkdown(facilitator.page), await exportMarkdown(ben.page)];
    expect(theirs.fileName).toBe(mine.fileName);
    expect(theirs.fileName).toMatch(/^harbour-walk-evaluation-\d{4}-\d{2}-\d{2}\.md$/);
    expect(theirs.content.equals(mine.content)).toBe(true);
    const markdown = mine.content.toString('utf8');
    expect(markdown.startsWith(`# ${TITLE}\n`)).toBe(true);
    for (const text of [...questions, ...insights]) expect(markdown).toContain(`\n- ${text}\n`);
    expect(markdown).toContain('- Participants: 3\n');
  });

  it('5. a participant closes the panel and opens it again: restored from disk, reconnected', async () => {
    await ben.reopen(async () => {
      // The others see Ben leave at once: the panel leaves the room on `pagehide`.
      for (const peer of [facilitator, ann]) {
        await eventuallyContains(() => presence(peer.page).textContent(), '2 here', SYNC_MS);
      }
      // Offline while the panel opens, so what it shows can only come from this device.
      await ben.context.setOffline(true);
    });
    await sessionHeading(ben.page, TITLE).waitFor({ timeout: UI_MS });
    await waitForPhase(ben.page, WHAT, UI_MS);
    expect(sorted(await itemTexts(ben.page, 'question'))).toEqual(sorted(questions));
    expect(sorted(await itemTexts(ben.page, 'insight'))).toEqual(sorted(insights));
    await eventuallyContains(() => connectionStatus(ben.page).textContent(), 'Offline', UI_MS);

    await ben.context.setOffline(false);
    for (const peer of peers) {
      await eventually(
        () => peer.connections(),
        { webrtc: 2, broadcast: 0 },
        CONNECT_MS,
        peer.name,
      );
      await eventuallyContains(() => presence(peer.page).textContent(), '3 here', SYNC_MS);
    }
  });

  it('6. a participant goes offline, writes, and its edits arrive when it is back', async () => {
    await ann.context.setOffline(true);
    await eventuallyContains(() => connectionStatus(ann.page).textContent(), 'Offline', UI_MS);
    for (const peer of [facilitator, ben]) {
      await eventuallyContains(() => presence(peer.page).textContent(), '2 here', SYNC_MS);
      await eventually(() => peer.connections(), { webrtc: 1, broadcast: 0 }, SYNC_MS, peer.name);
    }

    const edited = questions[1] as string;
    await addItem(ann.page, 'insight', offlineInsight);
    await typeAt(await editorOf(ann.page, 'question', edited), 'end', offlineEdit);
    expect(await itemTexts(ann.page, 'question')).toContain(`${edited}${offlineEdit}`);
    // Closing the panel right after typing, still offline, loses nothing: edits are written
    // to this device in batches (PERSIST_BATCH_MS), and at once when the page goes away.
    await ann.reopen();
    await sessionHeading(ann.page, TITLE).waitFor({ timeout: UI_MS });
    await waitForPhase(ann.page, WHAT, UI_MS);
    expect(await itemTexts(ann.page, 'question')).toContain(`${edited}${offlineEdit}`);
    expect(await itemTexts(ann.page, 'insight')).toContain(offlineInsight);
    // Settle: nothing may leak while offline.
    await sleep(1_000);
    for (const peer of [facilitator, ben]) {
      expect(sorted(await itemTexts(peer.page, 'insight'))).toEqual(sorted(insights));
      expect(sorted(await itemTexts(peer.page, 'question'))).toEqual(sorted(questions));
    }

    await ann.context.setOffline(false);
    questions[1] = `${edited}${offlineEdit}`;
    insights.push(offlineInsight);
    await everyoneHas(peers, 'question', questions);
    await everyoneHas(peers, 'insight', insights);
    for (const peer of peers) {
      await eventually(
        () => peer.connections(),
        { webrtc: 2, broadcast: 0 },
        CONNECT_MS,
        peer.name,
      );
      await eventuallyContains(() => presence(peer.page).textContent(), '3 here', SYNC_MS);
    }
  });

  it(PRIVACY, async () => {
    const server = signaling as Signaling;
    const seen = [...server.logLines, ...server.frames.map((frame) => frame.text)];
    const parsed = parseRoomCode(code);
    if (!parsed.ok) throw new Error(`not a room code: ${code}`);
    const { roomName } = await deriveRoomSecrets(parsed.value);

    // Controls: the recording holds the real traffic, room name included, so the search below
    // would find the code if Kring used it as the room name.
    expect(server.logLines.some((line) => line.includes('"connection-opened"'))).toBe(true);
    expect(server.frames.some((frame) => frame.text.includes('"subscribe"'))).toBe(true);
    expect(server.frames.some((frame) => frame.text.includes('"publish"'))).toBe(true);
    expect(server.frames.some((frame) => frame.text.includes(roomName))).toBe(true);
    expect(server.problems).toEqual([]);

    const secrets = [
      code,
      code.replace(/-/g, ''),
      typedCode.trim(),
      TITLE,
      ANN,
      BEN,
      ...questions,
      ...insights,
      base,
      fromStart.trim(),
      fromEnd.trim(),
      offlineEdit.trim(),
    ];
    for (const secret of secrets) {
      const needle = secret.toLowerCase();
      expect(
        seen.filter((text) => text.toLowerCase().includes(needle)),
        secret,
      ).toEqual([]);
    }
  });

  it(NO_ERRORS, () => {
    // Console errors are expected here (a WebSocket refused while offline); exceptions are not.
    const uncaught = peers.flatMap((peer) =>
      peer.errors.filter((line) => line.includes(' pageerror: ')),
    );
    expect(uncaught).toEqual([]);
  });
});

describe('a session with a passphrase', () => {
  const TITLE = 'Project Tern retrospective';
  const PASSPHRASE = 'amber lantern';
  const WRONG = 'amber lanterns';
  const FIRST = 'What did we intend?';

  let signaling: Signaling | undefined;
  let peers: Peer[] = [];
  let code = '';

  beforeAll(async () => {
    checkEnvironment();
    signaling = await startSignaling();
    peers = await launchPeers('Facilitator', 'Right', 'Wrong');
  });
  afterAll(async () => {
    await closeAll(peers);
    await signaling?.close();
  });
  const PRIVACY = 'never shows the passphrase or the title to the signaling server';
  steps(() => peers, [PRIVACY]);

  it('lets in a participant with the right passphrase', async () => {
    const [facilitator, right] = peers as [Peer, Peer];
    code = await startSession(facilitator.page, {
      template: 'Lessons-learned harvest',
      title: TITLE,
      passphrase: PASSPHRASE,
    });
    await facilitator.page
      .getByText('Protected with an extra passphrase.')
      .waitFor({ timeout: UI_MS });
    await joinSession(right.page, { code, name: 'Rightly', passphrase: PASSPHRASE });
    await sessionHeading(right.page, TITLE).waitFor({ timeout: CONNECT_MS });
    await waitForPhase(right.page, FIRST);
    await eventually(() => right.connections(), { webrtc: 1, broadcast: 0 }, CONNECT_MS);
  });

  it('tells a participant with a wrong passphrase, instead of waiting forever', async () => {
    const wrong = peers[2] as Peer;
    await joinSession(wrong.page, { code, name: 'Wrongly', passphrase: WRONG });
    await eventuallyContains(
      () => connectionStatus(wrong.page).textContent(),
      'passphrase does not match',
      20_000,
    );
    expect(await wrong.connections()).toEqual({ webrtc: 0, broadcast: 0 });
    await expect(sessionHeading(wrong.page, TITLE).count()).resolves.toBe(0);
  });

  it(PRIVACY, () => {
    const server = signaling as Signaling;
    const seen = [...server.logLines, ...server.frames.map((frame) => frame.text)];
    expect(server.frames.length).toBeGreaterThan(0);
    for (const secret of [PASSPHRASE, WRONG, TITLE, code, code.replace(/-/g, '')]) {
      expect(seen.filter((text) => text.toLowerCase().includes(secret.toLowerCase()))).toEqual([]);
    }
  });
});

describe('control: two tabs of one profile', () => {
  let signaling: Signaling | undefined;
  let peers: Peer[] = [];

  beforeAll(async () => {
    checkEnvironment();
    signaling = await startSignaling();
    peers = await launchPeers('Solo');
  });
  afterAll(async () => {
    await closeAll(peers);
    await signaling?.close();
  });
  steps(() => peers);

  // y-webrtc let pages of one profile meet over BroadcastChannel, so a WebRTC count could miss
  // a sync that never used the network. Kring's mesh has no such shortcut: even two tabs of
  // one browser connect over WebRTC, and step 3's counts are real connections.
  it('meet over WebRTC too: no BroadcastChannel shortcut', async () => {
    const solo = peers[0] as Peer;
    await startSession(solo.page, { template: 'Social lab' });
    // The second tab reopens the session that is open in the first.
    const second = await solo.openPanel();
    await sessionHeading(second, 'Social lab').waitFor({ timeout: UI_MS });
    const counts = () =>
      second.evaluate(() =>
        (globalThis as unknown as { kring: { connections(): unknown } }).kring.connections(),
      );
    await eventually(counts, { webrtc: 1, broadcast: 0 }, CONNECT_MS);
    await eventually(() => solo.connections(), { webrtc: 1, broadcast: 0 }, CONNECT_MS);
    await eventuallyContains(() => presence(second).textContent(), '2 here', SYNC_MS);
  });
});
