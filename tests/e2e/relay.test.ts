import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBRTC_FALLBACK_MS } from '../../lib/limits';
import { button, expectNoViolations, heading, LANGUAGES, textbox } from './a11y-helpers';
import {
  CONNECT_MS,
  checkEnvironment,
  checkWebBuild,
  closeAll,
  eventually,
  eventuallyContains,
  launchPeer,
  launchWebPeer,
  type Peer,
  type Signaling,
  SYNC_MS,
  startSignaling,
  steps,
  UI_MS,
  type WebPeer,
} from './harness';
import { addItem, connectionStatus, nextPhase, presence, startSession } from './kring';
import {
  blockedAttempts,
  blockWebRtc,
  connectsToItself,
  everyoneHas,
  expectNoPlaintext,
  expectOnRelay,
  inviteLink,
  joinFromLink,
  relayConnections,
  relayStatus,
  secretsOf,
  TEMPLATE,
  uncaught,
  whatPhase,
} from './relay-helpers';

/**
 * Issue 10 in real browsers: rooms on the end-to-end-encrypted relay (our server's `/relay`).
 * A "Large group" session with three participants on the web page; a mesh room that follows
 * a participant whose WebRTC cannot connect onto the relay; what the server saw (no plaintext);
 * axe on the screens that are new. Every peer is a Chromium of its own.
 */

const WHAT = whatPhase('en');
const NO_ERRORS = 'logs no uncaught page errors';

describe('a large group: everyone on the relay from the start', () => {
  const TITLE = 'Wijkavond Lombok relay';
  // Long names that never turn up by chance in encrypted bytes.
  const NAMES = ['Wilhelmina', 'Bartholomeus', 'Guinevere'] as const;
  const questions = [
    'Who keeps the community garden going',
    'Where do the teenagers meet after school',
    'What would make the square feel safe',
    'Which shops closed this year',
  ];
  const insights = [
    'The library is the only warm place on Sundays',
    'Parents meet each other at the school gate',
    'Nobody knew the council had a budget for this',
    'The night bus decides who can come to evenings',
  ];
  let signaling: Signaling | undefined;
  let facilitator: Peer | undefined;
  const participants: WebPeer[] = [];
  const everyone = () => [facilitator, ...participants].filter((peer) => peer !== undefined);
  let code = '';

  beforeAll(async () => {
    checkEnvironment();
    checkWebBuild();
    signaling = await startSignaling();
    facilitator = await launchPeer('Facilitator');
    // One phone; one after the other: two cores.
    for (const [index, name] of NAMES.entries()) {
      participants.push(await launchWebPeer(name, { mobile: index === 0 }));
    }
  });
  afterAll(async () => {
    await closeAll(everyone());
    await signaling?.close();
  });
  const PRIVACY = 'the server relayed only ciphertext: no item, title or name in any frame';
  steps(everyone, [PRIVACY, NO_ERRORS]);

  it('1. the facilitator starts a "Large group" session: on the relay, waiting for others', async () => {
    const panel = (facilitator as Peer).page;
    code = await startSession(panel, {
      template: 'Reflective dialogue',
      title: TITLE,
      largeGroup: true,
    });
    await nextPhase(panel, WHAT);
    await eventually(() => connectionStatus(panel).textContent(), relayStatus(0), CONNECT_MS);
  });

  it('2. three participants join from the invite link, and all four are on the relay', async () => {
    const link = await inviteLink((facilitator as Peer).page);
    for (const [index, participant] of participants.entries()) {
      await joinFromLink(participant.page, link, NAMES[index] as string, TITLE);
      await heading(participant.page, WHAT, 2).waitFor({ timeout: SYNC_MS });
    }
    await expectOnRelay(everyone(), 3);
    for (const peer of everyone()) {
      await eventuallyContains(() => presence(peer.page).textContent(), '4 here', SYNC_MS);
    }
    const names = (await presence((facilitator as Peer).page).textContent()) ?? '';
    for (const name of NAMES) expect(names).toContain(name);
  });

  it('3. everyone adds a question and an insight at once; every device shows every item', async () => {
    await Promise.all(
      everyone().map(async (peer, index) => {
        await addItem(peer.page, 'question', questions[index] as string);
        await addItem(peer.page, 'insight', insights[index] as string);
      }),
    );
    await everyoneHas(everyone(), 'question', questions);
    await everyoneHas(everyone(), 'insight', insights);
    for (const peer of everyone()) {
      expect(await peer.connections()).toEqual({ webrtc: 0, broadcast: 0 });
    }
  });

  it(PRIVACY, () => {
    const server = signaling as Signaling;
    // Four devices each opened the relay and kept it.
    expect(relayConnections(server)).toBeGreaterThanOrEqual(4);
    expectNoPlaintext(server, secretsOf(code, TITLE, ...NAMES, ...questions, ...insights));
  });

  it(NO_ERRORS, () => expect(uncaught(everyone())).toEqual([]));
});

describe('a mesh room follows a participant whose WebRTC is blocked onto the relay', () => {
  const TITLE = 'Buurtteam Oosterpark retrospective';
  const ANN = 'Annemarijke';
  const BLOCKED = 'Firewallina';
  const before = ['What did the mesh carry before the move', 'The first evening was on WebRTC'];
  const after = [
    'Which items came through the server',
    'The blocked laptop reached everyone anyway',
    'Nobody noticed the room changing paths',
  ];
  let signaling: Signaling | undefined;
  let facilitator: Peer | undefined;
  let ann: WebPeer | undefined;
  let blocked: WebPeer | undefined;
  const everyone = () => [facilitator, ann, blocked].filter((peer) => peer !== undefined);
  let code = '';
  let link = '';

  beforeAll(async () => {
    checkEnvironment();
    checkWebBuild();
    signaling = await startSignaling();
    facilitator = await launchPeer('Facilitator');
    ann = await launchWebPeer(ANN);
    blocked = await launchWebPeer(BLOCKED, { mobile: true });
    await blockWebRtc(blocked.context);
  });
  afterAll(async () => {
    await closeAll(everyone());
    await signaling?.close();
  });
  const PRIVACY = 'the server relayed only ciphertext, before and after the move';
  steps(everyone, [PRIVACY, NO_ERRORS]);

  it('1. a small room starts on the WebRTC mesh and collects items there', async () => {
    const panel = (facilitator as Peer).page;
    code = await startSession(panel, { template: 'Reflective dialogue', title: TITLE });
    await nextPhase(panel, WHAT);
    link = await inviteLink(panel);
    await joinFromLink((ann as WebPeer).page, link, ANN, TITLE);
    for (const peer of [facilitator, ann] as (Peer | WebPeer)[]) {
      await eventually(
        () => peer.connections(),
        { webrtc: 1, broadcast: 0 },
        CONNECT_MS,
        peer.name,
      );
      await eventually(
        () => connectionStatus(peer.page).textContent(),
        'Connected with 1 other',
        SYNC_MS,
      );
    }
    await addItem(panel, 'question', before[0] as string);
    await addItem((ann as WebPeer).page, 'insight', before[1] as string);
    await everyoneHas([facilitator, ann] as Peer[], 'question', [before[0] as string]);
    await everyoneHas([facilitator, ann] as Peer[], 'insight', [before[1] as string]);
  });

  it('2. the blocked participant tries WebRTC, falls back to the relay, and the room follows', async () => {
    const page = (blocked as WebPeer).page;
    // Its WebRTC never connects; WEBRTC_FALLBACK_MS (6 s) after it heard the others it joins
    // through the relay, and its beacon brings the room along.
    await joinFromLink(page, link, BLOCKED, TITLE, WEBRTC_FALLBACK_MS + CONNECT_MS);
    expect(await blockedAttempts(page)).toBeGreaterThan(0);
    await expectOnRelay(everyone(), 2);
    // The two who met on the mesh lose each other's presence when the mesh goes; on the relay
    // they announce it again with a new clock, so it is back at once (not at the renewal 15 s
    // on, which a presence with a clock already seen would wait for).
    for (const peer of everyone()) {
      await eventuallyContains(() => presence(peer.page).textContent(), '3 here', SYNC_MS);
    }
    expect(await presence((facilitator as Peer).page).textContent()).toContain(BLOCKED);
    // What was written on the mesh reached the newcomer through the relay.
    await everyoneHas(everyone(), 'question', [before[0] as string]);
    await everyoneHas(everyone(), 'insight', [before[1] as string]);
    // Control: the blocker blocks WebRTC in that browser, and only there.
    expect(await connectsToItself((ann as WebPeer).page, CONNECT_MS)).toBe(true);
    expect(await connectsToItself(page, 3_000)).toBe(false);
  });

  it('3. after the move, everyone adds items and every device shows all of them', async () => {
    const [fromFacilitator, fromAnn, fromBlocked] = after as [string, string, string];
    await addItem((blocked as WebPeer).page, 'insight', fromBlocked);
    await addItem((facilitator as Peer).page, 'question', fromFacilitator);
    await addItem((ann as WebPeer).page, 'insight', fromAnn);
    await everyoneHas(everyone(), 'question', [before[0] as string, fromFacilitator]);
    await everyoneHas(everyone(), 'insight', [before[1] as string, fromAnn, fromBlocked]);
    expect(await (blocked as WebPeer).connections()).toEqual({ webrtc: 0, broadcast: 0 });
  });

  it(PRIVACY, () => {
    expectNoPlaintext(
      signaling as Signaling,
      secretsOf(code, TITLE, ANN, BLOCKED, ...before, ...after),
    );
  });

  it(NO_ERRORS, () => expect(uncaught(everyone())).toEqual([]));
});

describe.each(LANGUAGES)(
  'axe on the relay screens, in the $lang browser language',
  ({ lang, browser, m }) => {
    let signaling: Signaling | undefined;
    let facilitator: Peer | undefined;
    let phone: WebPeer | undefined;
    const title = lang === 'en' ? 'Large group evening' : 'Avond met een grote groep';

    beforeAll(async () => {
      checkEnvironment();
      checkWebBuild();
      signaling = await startSignaling();
      facilitator = await launchPeer('Facilitator', { locale: browser });
      phone = await launchWebPeer('Phone', { mobile: true, locale: browser });
    });
    afterAll(async () => {
      await closeAll([facilitator, phone]);
      await signaling?.close();
    });
    steps(() => [facilitator, phone]);

    it('the new-session screen with "Large group" ticked', async () => {
      const panel = (facilitator as Peer).page;
      await button(panel, m['home.newSession']).click();
      await panel.getByRole('radio', { name: TEMPLATE.name[lang], exact: true }).check();
      await textbox(panel, m['new.sessionTitle']).fill(title);
      const large = panel.getByRole('checkbox', { name: m['new.largeGroup'], exact: true });
      await large.check();
      await expectNoViolations(panel, `panel ${lang}: new session, large group`);
    });

    it('a session on the relay: the status line in the panel and on the phone', async () => {
      const panel = (facilitator as Peer).page;
      await button(panel, m['new.start']).click();
      await button(panel, m['session.nextPhase']).click({ timeout: 15_000 });
      await heading(panel, whatPhase(lang), 2).waitFor({ timeout: UI_MS });
      const status = panel.getByRole('status', { name: m['status.label'], exact: true });
      await eventually(() => status.textContent(), relayStatus(0, m), CONNECT_MS);
      await expectNoViolations(panel, `panel ${lang}: session on the relay, alone`);

      const page = (phone as WebPeer).page;
      const link = await panel
        .getByRole('status', { name: m['room.inviteLink'], exact: true })
        .textContent();
      await page.goto(link ?? '');
      await textbox(page, m['join.name']).fill('Phone');
      await button(page, m['join.submit']).click();
      await heading(page, title, 1).waitFor({ timeout: CONNECT_MS });
      for (const shown of [panel, page]) {
        const line = shown.getByRole('status', { name: m['status.label'], exact: true });
        await eventually(() => line.textContent(), relayStatus(1, m), CONNECT_MS);
      }
      await expectNoViolations(panel, `panel ${lang}: session on the relay`);
      await expectNoViolations(page, `phone ${lang}: session on the relay`);
    });
  },
);
