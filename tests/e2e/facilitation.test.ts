import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addVote,
  draftTexts,
  everythingOnPage,
  insightsIn,
  rankedInsights,
  rowOf,
  votesLeft,
  writeDraft,
} from './facilitation-steps';
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
  WEB_URL,
  type WebPeer,
} from './harness';
import {
  addItem,
  exportMarkdown,
  type Harvest,
  joinSession,
  nextPhase,
  presence,
  previousPhase,
  sessionHeading,
  sortedItemTexts,
  startSession,
  waitForPhase,
  waitForToast,
} from './kring';

/**
 * Issue 11's facilitation moves for real: the facilitator in the extension, two participants
 * on the web page, each in a Chromium of its own, synced over WebRTC on loopback. A Social
 * lab: its ideas phase is for writing alone first and has dot voting; in "Sense the system"
 * anyone may make themes.
 */

const TEMPLATE = JSON.parse(readFileSync('templates/social-lab.json', 'utf8')) as {
  phases: { id: string; title: { en: string } }[];
};
const title = (id: string): string => {
  const found = TEMPLATE.phases.find((phase) => phase.id === id);
  if (!found) throw new Error(`No phase ${id} in the Social lab template`);
  return found.title.en;
};
const PHASES = TEMPLATE.phases.map((phase) => phase.title.en);
const SYSTEM = title('system');
const IDEAS = title('ideas');

const sorted = (texts: readonly string[]) => [...texts].sort();

describe('write alone, reveal, vote and group across three peers', () => {
  const TITLE = 'Neighbourhood lab Rivierenwijk';
  const ANN = 'Marguerite';
  const BEN = 'Bartholomeus';
  // Each person's private idea: unique, and shorter than a vote button's preview (40).
  const IDEA = {
    facilitator: 'Open the library on Sunday mornings',
    ann: 'A repair cafe in the old fire station',
    ben: 'Swap shop for school uniforms',
  } as const;
  const IDEAS_WRITTEN = Object.values(IDEA);
  const THEME = 'Places to meet';
  const LOOSE = 'The bus stops running at seven';
  const THEMED = 'Nobody knows the caretaker by name';

  let signaling: Signaling | undefined;
  let facilitator: Peer | undefined;
  let ann: WebPeer | undefined;
  let ben: WebPeer | undefined;
  const all = () => [facilitator, ann, ben].filter((peer) => peer !== undefined);
  /** Each peer with the idea it wrote itself. */
  const writers = () =>
    [
      [facilitator as Peer, IDEA.facilitator],
      [ann as WebPeer, IDEA.ann],
      [ben as WebPeer, IDEA.ben],
    ] as const;

  beforeAll(async () => {
    checkEnvironment();
    checkWebBuild();
    signaling = await startSignaling();
    // One after the other: two cores.
    facilitator = await launchPeer('Facilitator');
    ann = await launchWebPeer(ANN, { mobile: true });
    ben = await launchWebPeer(BEN);
  });
  afterAll(async () => {
    await closeAll([facilitator, ann, ben]);
    await signaling?.close();
  });
  const NO_ERRORS = 'logs no uncaught page errors';
  steps(all, [NO_ERRORS]);

  it('1. the facilitator opens the ideas phase; two participants join on the web page', async () => {
    const panel = (facilitator as Peer).page;
    const code = await startSession(panel, { template: 'Social lab', title: TITLE });
    for (const next of PHASES.slice(1, PHASES.indexOf(IDEAS) + 1)) await nextPhase(panel, next);
    for (const peer of [ann, ben] as WebPeer[]) {
      const { page } = peer;
      await page.goto(WEB_URL);
      await joinSession(page, { code, name: peer.name });
      await sessionHeading(page, TITLE).waitFor({ timeout: CONNECT_MS });
      await waitForPhase(page, IDEAS);
    }
    // Connected before anyone writes: otherwise "nobody else sees a draft" would prove nothing.
    for (const peer of all()) {
      await eventually(
        () => peer.connections(),
        { webrtc: 2, broadcast: 0 },
        CONNECT_MS,
        peer.name,
      );
      await eventuallyContains(() => presence(peer.page).textContent(), '3 here', SYNC_MS);
    }
  });

  it('2. each writes an idea alone: no other screen and no export holds it', async () => {
    for (const [peer, idea] of writers()) {
      await writeDraft(peer.page, idea);
      expect(await draftTexts(peer.page), peer.name).toEqual([idea]);
    }
    // Everyone's count of drafts (awareness) comes over the same ordered channel as document
    // updates, after the draft was made: once a page shows 3, anything a writer had sent with
    // their draft would have arrived there too.
    for (const peer of all()) {
      await peer.page
        .getByText('3 drafts written so far', { exact: true })
        .waitFor({ timeout: SYNC_MS });
    }
    for (const [peer, own] of writers()) {
      const seen = await everythingOnPage(peer.page);
      // A control: the search finds what is there.
      expect(seen, `${peer.name}'s own draft`).toContain(own);
      for (const other of IDEAS_WRITTEN.filter((idea) => idea !== own)) {
        expect(seen, `${peer.name} sees "${other}"`).not.toContain(other);
      }
      expect(await sortedItemTexts(peer.page, 'insight'), peer.name).toEqual([]);
    }
    const harvest = (await exportMarkdown((facilitator as Peer).page)).content.toString('utf8');
    expect(harvest).toContain(`. ${IDEAS}\n`);
    for (const idea of IDEAS_WRITTEN) expect(harvest).not.toContain(idea);
  });

  it('3. Reveal shows all three ideas on every peer, and tells the writers', async () => {
    await (facilitator as Peer).page.getByRole('button', { name: 'Reveal', exact: true }).click();
    for (const peer of all()) {
      await eventually(
        () => sortedItemTexts(peer.page, 'insight'),
        sorted(IDEAS_WRITTEN),
        SYNC_MS,
        `${peer.name}'s insights`,
      );
      expect(await draftTexts(peer.page), peer.name).toEqual([]);
    }
    for (const peer of [ann, ben] as WebPeer[]) {
      await waitForToast(peer.page, 'Your draft is now shared with the group.');
    }
  });

  it('4. dot voting with 3 votes each: a fourth vote is refused and says why', async () => {
    const panel = (facilitator as Peer).page;
    await panel.getByRole('button', { name: 'Voting settings', exact: true }).click();
    await panel.getByRole('spinbutton', { name: 'Votes per person', exact: true }).fill('3');
    await panel.getByRole('button', { name: 'Start voting', exact: true }).click();
    for (const peer of [ann, ben] as WebPeer[]) {
      await eventually(
        () => votesLeft(peer.page).textContent(),
        'Votes left: 3 of 3',
        SYNC_MS,
        peer.name,
      );
    }

    const page = (ann as WebPeer).page;
    for (const idea of [IDEA.facilitator, IDEA.facilitator, IDEA.ben]) await addVote(page, idea);
    await eventually(() => votesLeft(page).textContent(), 'Votes left: 0 of 3', UI_MS);
    await addVote(page, IDEA.ann);
    const refusal = (await rowOf(page, IDEA.ann)).getByRole('alert');
    await refusal.waitFor({ timeout: UI_MS });
    expect(await refusal.textContent()).toBe(
      'You have used all 3 of your votes. Take one back from another contribution first.',
    );
    expect(await votesLeft(page).textContent()).toBe('Votes left: 0 of 3');

    // Stacked: all three of Ben's on one idea.
    const other = (ben as WebPeer).page;
    for (let vote = 0; vote < 3; vote++) await addVote(other, IDEA.ann);
    await eventually(() => votesLeft(other).textContent(), 'Votes left: 0 of 3', UI_MS);
  });

  it('5. Close voting: every peer shows the same ranking with counts', async () => {
    await (facilitator as Peer).page
      .getByRole('button', { name: 'Close voting', exact: true })
      .click();
    // Ann's refused fourth vote on her own idea is not in its total.
    const ranking = [
      `${IDEA.ann} | No. 1 | 3 votes`,
      `${IDEA.facilitator} | No. 2 | 2 votes`,
      `${IDEA.ben} | No. 3 | 1 vote`,
    ];
    for (const peer of all()) {
      await eventually(() => rankedInsights(peer.page), ranking, SYNC_MS, peer.name);
      await expect(votesLeft(peer.page).count()).resolves.toBe(0);
    }
  });

  it('6. an insight moved into a theme on one peer is in that theme on all', async () => {
    await previousPhase((facilitator as Peer).page, SYSTEM);
    for (const peer of [ann, ben] as WebPeer[]) await waitForPhase(peer.page, SYSTEM);
    await addItem((facilitator as Peer).page, 'insight', LOOSE);
    await addItem((ben as WebPeer).page, 'insight', THEMED);
    for (const peer of all()) {
      await eventually(
        () => sortedItemTexts(peer.page, 'insight'),
        sorted([LOOSE, THEMED]),
        SYNC_MS,
        peer.name,
      );
    }

    // A participant (themes are 'anyone' here) makes and names a theme, and moves Ben's
    // insight into it with the keyboard-accessible Theme control.
    const page = (ann as WebPeer).page;
    await page.getByRole('button', { name: 'New theme', exact: true }).click();
    const name = page.getByRole('textbox', { name: 'Theme name', exact: true });
    await expect.poll(() => name.evaluate((box) => box === document.activeElement)).toBe(true);
    await name.fill(THEME);
    const control = (await rowOf(page, THEMED)).getByRole('combobox', {
      name: 'Theme',
      exact: true,
    });
    await control.selectOption({ label: THEME });

    for (const peer of all()) {
      await eventually(
        () => insightsIn(peer.page, `Theme: ${THEME}`),
        [THEMED],
        SYNC_MS,
        `${peer.name}'s theme`,
      );
      expect(await insightsIn(peer.page, 'Not in a theme'), peer.name).toEqual([LOOSE]);
    }
  });

  it('7. two peers export byte-identical Markdown with the ranking and the theme', async () => {
    const harvests: Harvest[] = [];
    for (const peer of [facilitator, ann] as (Peer | WebPeer)[]) {
      harvests.push(await exportMarkdown(peer.page));
    }
    const [mine, theirs] = harvests as [Harvest, Harvest];
    expect(theirs.fileName).toBe(mine.fileName);
    expect(theirs.content.equals(mine.content)).toBe(true);

    const markdown = mine.content.toString('utf8');
    const ideas = markdown.indexOf(`. ${IDEAS}\n`);
    expect(ideas).toBeGreaterThan(0);
    // Ranked, most votes first, each with its count.
    const ranked = [
      `\n- ${IDEA.ann} — 3 votes\n`,
      `\n- ${IDEA.facilitator} — 2 votes\n`,
      `\n- ${IDEA.ben} — 1 vote\n`,
    ].map((line) => markdown.indexOf(line, ideas));
    expect(ranked.every((at) => at > ideas)).toBe(true);
    expect([...ranked].sort((a, b) => a - b)).toEqual(ranked);
    // The theme as a sub-section with its insight, the loose insight after it.
    const system = markdown.indexOf(`. ${SYSTEM}\n`);
    const theme = markdown.indexOf(`\n#### ${THEME}\n\n- ${THEMED}\n`, system);
    const loose = markdown.indexOf(`\n#### Not in a theme\n\n- ${LOOSE}\n`, system);
    expect(system).toBeGreaterThan(0);
    expect(theme).toBeGreaterThan(system);
    expect(loose).toBeGreaterThan(theme);
    expect(loose).toBeLessThan(ideas);
  });

  it('8. End session asks first, and the safe choice has the focus every time', async () => {
    // Browsers honour `autofocus` once per page only: a confirmation added later must focus
    // its safe choice itself (components/focus-on-mount.ts). So: twice.
    const page = (facilitator as Peer).page;
    for (const time of ['first', 'second']) {
      await page.getByRole('button', { name: 'End session', exact: true }).click();
      const cancel = page
        .getByRole('alertdialog')
        .getByRole('button', { name: 'Cancel', exact: true });
      await expect
        .poll(() => cancel.evaluate((el) => el === document.activeElement), { message: time })
        .toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
    }
    expect(await page.getByRole('button', { name: 'End session', exact: true }).count()).toBe(1);
  });

  it(NO_ERRORS, () => {
    const uncaught = all().flatMap((peer) =>
      peer.errors.filter((line) => line.includes(' pageerror: ')),
    );
    expect(uncaught).toEqual([]);
  });
});
