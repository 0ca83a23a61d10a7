import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONNECT_MS,
  checkEnvironment,
  closeAll,
  eventually,
  launchPeer,
  type Peer,
  type Signaling,
  startSignaling,
  steps,
  UI_MS,
} from './harness';
import {
  addItem,
  connectionStatus,
  exportMarkdown,
  type Harvest,
  itemTexts,
  nextPhase,
  previousPhase,
  sessionHeading,
  startSession,
  waitForToast,
} from './kring';

/**
 * The side panel in one browser (issue "side panel"): a facilitator starts a Social lab, adds
 * items in two phases, moves between them and exports the harvest as a file and to the
 * clipboard; a mistyped room code is explained.
 */
const TITLE = 'Neighbourhood lab Zuidwijk';
const SLUG = 'neighbourhood-lab-zuidwijk';
const REVIEW = 'Look back: what did we try?';
const CHALLENGE = 'Our shared challenge';
const PHASES = [
  REVIEW,
  CHALLENGE,
  'Sense the system',
  'Ideas with 1-2-4-All, then dot voting',
  'Design a small test',
];
const INSIGHTS = ['The repair cafe drew twenty people', 'Flyers reached nobody under thirty'];
const QUESTION = 'How can we make the square a place to meet';

describe('side panel', () => {
  let signaling: Signaling | undefined;
  let peer: Peer | undefined;
  let download: Harvest | undefined;

  beforeAll(async () => {
    checkEnvironment();
    signaling = await startSignaling();
    peer = await launchPeer('Facilitator');
  });
  afterAll(async () => {
    await closeAll([peer]);
    await signaling?.close();
  });
  steps(() => [peer]);

  it('explains a room code that is too short', async () => {
    const page = (peer as Peer).page;
    await page.getByRole('button', { name: 'Join session', exact: true }).click();
    await page.getByRole('textbox', { name: 'Room code', exact: true }).fill('K7QM-PX4');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ state: 'visible', timeout: UI_MS });
    expect(await alert.textContent()).toContain('too short');
    expect(await alert.textContent()).toContain('7 of 10');
    await expect(
      page.getByRole('textbox', { name: 'Room code', exact: true }).getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await page
      .getByRole('button', { name: 'New session', exact: true })
      .waitFor({ timeout: UI_MS });
  });

  it('starts a Social lab with a room code and reaches the signaling server', async () => {
    const { page } = peer as Peer;
    await startSession(page, { template: 'Social lab', title: TITLE });
    await sessionHeading(page, TITLE).waitFor({ timeout: UI_MS });
    await page.getByRole('heading', { level: 2, name: REVIEW, exact: true }).waitFor();
    // Alone in the room, but the signaling server answers (through the recording proxy).
    await eventually(
      () => connectionStatus(page).textContent(),
      'Connected, waiting for others',
      CONNECT_MS,
    );
    expect((signaling as Signaling).accepted()).toBeGreaterThan(0);
  });

  it('adds items, moves on a phase and back', async () => {
    const { page } = peer as Peer;
    for (const text of INSIGHTS) await addItem(page, 'insight', text);
    // The first phase collects insights only.
    await expect(page.getByRole('textbox', { name: 'New question' }).count()).resolves.toBe(0);

    await nextPhase(page, CHALLENGE);
    expect(await itemTexts(page, 'insight')).toEqual([]);
    await addItem(page, 'question', QUESTION);

    await previousPhase(page, REVIEW);
    expect(await itemTexts(page, 'insight')).toEqual(INSIGHTS);
    expect(await itemTexts(page, 'question')).toEqual([]);
  });

  it('exports the harvest as <slug>-<date>.md', async () => {
    const { page } = peer as Peer;
    const before = new Date().toISOString().slice(0, 10);
    download = await exportMarkdown(page);
    const after = new Date().toISOString().slice(0, 10);
    // The date is the session's UTC day.
    expect([`${SLUG}-${before}.md`, `${SLUG}-${after}.md`]).toContain(download.fileName);
    await waitForToast(page, `Harvest saved as ${download.fileName}.`);

    const markdown = download.content.toString('utf8');
    expect(markdown.startsWith(`# ${TITLE}\n`)).toBe(true);
    expect(markdown).toContain('- Method: Social lab');
    PHASES.forEach((phase, index) => {
      expect(markdown).toContain(`\n## ${index + 1}. ${phase}\n`);
    });
    for (const text of INSIGHTS) expect(markdown).toContain(`\n- ${text}\n`);
    expect(markdown).toContain(`\n- ${QUESTION}\n`);
    // Each item under its own phase: the insights before phase 2, the question after it.
    const phase2 = markdown.indexOf(`## 2. ${CHALLENGE}`);
    const phase3 = markdown.indexOf('## 3. ');
    for (const text of INSIGHTS) expect(markdown.indexOf(text)).toBeLessThan(phase2);
    expect(markdown.indexOf(QUESTION)).toBeGreaterThan(phase2);
    expect(markdown.indexOf(QUESTION)).toBeLessThan(phase3);
  });

  it('copies the same harvest to the clipboard', async () => {
    const current = peer as Peer;
    await current.allowClipboardRead();
    // Something else on the clipboard first, so a copy that silently did nothing fails.
    await current.page.evaluate(() => navigator.clipboard.writeText('not the harvest'));
    await current.page.getByRole('button', { name: 'Copy Markdown', exact: true }).click();
    await waitForToast(current.page, 'Harvest copied as Markdown.');
    expect(await current.readClipboard()).toBe(download?.content.toString('utf8'));
  });

  it('logs no page errors', () => {
    expect((peer as Peer).errors).toEqual([]);
  });
});
