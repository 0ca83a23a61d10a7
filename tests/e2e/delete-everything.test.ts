import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allMessages } from '../../lib/i18n/all-messages';
import { button, expectNoViolations, heading, textbox } from './a11y-helpers';
import {
  CONNECT_MS,
  checkEnvironment,
  checkWebBuild,
  closeAll,
  launchPeer,
  launchWebPeer,
  type Peer,
  type Signaling,
  startSignaling,
  steps,
  UI_MS,
  WEB_URL,
  type WebPeer,
} from './harness';
import { addItem, itemTexts, nextPhase, sessionHeading, startSession } from './kring';

const { en, nl } = allMessages;

/**
 * "Delete everything on this device" (issue 8) in the built extension and on the web page: a
 * facilitator with a session, a draft and saved settings, and a participant on a phone who
 * joined it, each delete everything; afterwards neither browser holds a Kring database or key,
 * and the participant's copy was not touched by the facilitator's deletion.
 * `KRING_E2E_SHOTS=<folder>` also saves screenshots of the screens on the way.
 */
const TITLE = 'Leeroogst buurthuis';
const DRAFT = 'Only I have seen this draft';
const SHARED = 'The evening started late because the key was missing';
const OTHER_KEY = 'someone-else.preference';

/** The end of the page as it is on screen, without the toast over it. */
async function shot(page: Page, name: string): Promise<void> {
  const folder = process.env.KRING_E2E_SHOTS;
  if (!folder) return;
  await mkdir(folder, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.screenshot({
    path: join(folder, `${name}.png`),
    style: '.toast-region { visibility: hidden; }',
  });
}

/** The names of the IndexedDB databases the page's origin holds that are Kring's. */
function kringDatabases(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases())
      .map((database) => database.name ?? '')
      .filter((name) => name.startsWith('kring:')),
  );
}

/** The extension's storage.local keys that are Kring's. */
function extensionKeys(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const values = await (
      globalThis as unknown as {
        chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
      }
    ).chrome.storage.local.get(null);
    return Object.keys(values).filter((key) => key.startsWith('kring.'));
  });
}

function localStorageKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage));
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

describe('delete everything on this device', () => {
  let signaling: Signaling | undefined;
  let facilitator: Peer | undefined;
  let phone: WebPeer | undefined;
  const all = () => [facilitator, phone].filter((peer) => peer !== undefined);
  let code = '';

  beforeAll(async () => {
    checkEnvironment();
    checkWebBuild();
    signaling = await startSignaling();
    // A Dutch browser: the panel's result, said after the settings are gone, is in Dutch.
    facilitator = await launchPeer('Facilitator', { locale: 'nl-NL' });
    phone = await launchWebPeer('Participant', { mobile: true });
  });
  afterAll(async () => {
    await closeAll([facilitator, phone]);
    await signaling?.close();
  });
  const NO_ERRORS = 'logs no uncaught page errors';
  steps(all, [NO_ERRORS]);

  it('1. the facilitator writes a draft alone, then shares an insight', async () => {
    const page = (facilitator as Peer).page;
    // English chosen in Settings, over the browser's Dutch.
    await button(page, nl['nav.settings']).click();
    await page.getByRole('combobox', { name: nl['settings.language'] }).selectOption('en');
    await button(page, nl['settings.save']).click();
    await heading(page, en['settings.title']).waitFor({ timeout: UI_MS });
    await button(page, en['nav.back']).click();
    code = await startSession(page, { template: 'Lessons-learned harvest', title: TITLE });
    // The first phase is written alone first: the insight stays a draft on this device.
    await textbox(page, en['kind.insight.new']).fill(DRAFT);
    await textbox(page, en['kind.insight.new']).press('Enter');
    await textbox(page, en['draft.insight']).waitFor({ timeout: UI_MS });
    await nextPhase(page, 'What actually happened?');
    await addItem(page, 'insight', SHARED);
  });

  it('2. a participant joins on the web page and gets the insight', async () => {
    const page = (phone as WebPeer).page;
    await page.goto(`${WEB_URL}#${code}`);
    await textbox(page, en['join.name']).fill('Bartholomeus');
    await button(page, en['join.submit']).click();
    await sessionHeading(page, TITLE).waitFor({ timeout: CONNECT_MS });
    await expect.poll(() => itemTexts(page, 'insight'), { timeout: CONNECT_MS }).toEqual([SHARED]);
    // A key of another app on the same origin, which Kring must leave alone.
    await page.evaluate((key) => localStorage.setItem(key, 'dark'), OTHER_KEY);
    expect(await kringDatabases(page)).not.toEqual([]);
  });

  it('3. Settings: the section, and the confirmation passes axe in English and Dutch', async () => {
    const page = (facilitator as Peer).page;
    await button(page, en['session.leave']).click();
    await button(page, en['nav.settings']).click();
    await textbox(page, en['settings.displayName']).fill('Noor');
    await button(page, en['settings.save']).click();
    await page.getByRole('status').filter({ hasText: en['settings.saved'] }).waitFor();
    const section = region(page, en['device.title']);
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'settings-section-en');

    await button(page, en['device.deleteEverything']).click();
    const keep = button(page, en['device.confirmNo']);
    await expect.poll(() => keep.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectNoViolations(page, 'Settings, Delete everything confirmation (en)');
    await shot(page, 'settings-confirm-en');
    await keep.click();
    await expect
      .poll(() =>
        button(page, en['device.deleteEverything']).evaluate((el) => el === document.activeElement),
      )
      .toBe(true);

    // The browser's language again: Dutch. The settings stay saved.
    await page.getByRole('combobox', { name: en['settings.language'] }).selectOption('auto');
    await button(page, en['settings.save']).click();
    await heading(page, nl['settings.title']).waitFor({ timeout: UI_MS });
    await shot(page, 'settings-section-nl');
    await button(page, nl['device.deleteEverything']).click();
    await page
      .getByRole('alertdialog', { name: nl['device.confirmTitle'] })
      .waitFor({ timeout: UI_MS });
    await expectNoViolations(page, 'Settings, Delete everything confirmation (nl)');
    await shot(page, 'settings-confirm-nl');
  });

  it('4. Delete everything leaves the extension without a Kring database or key', async () => {
    const page = (facilitator as Peer).page;
    expect(await kringDatabases(page)).not.toEqual([]);
    expect(await extensionKeys(page)).toContain('kring.settings');

    await button(page, nl['device.confirmYes']).click();
    const status = region(page, nl['device.title']).getByRole('status');
    await expect
      .poll(() => status.textContent(), { timeout: UI_MS })
      .toBe('Gewist: 1 sessie en je instellingen. Kring bewaart niets meer op dit apparaat.');
    await shot(page, 'settings-result-nl');
    expect(await kringDatabases(page)).toEqual([]);
    expect(await extensionKeys(page)).toEqual([]);

    await button(page, nl['nav.back']).click();
    await page.getByText(nl['home.noSessions']).waitFor({ timeout: UI_MS });
    // Others' copies are theirs: the participant still has the session.
    expect(await itemTexts((phone as WebPeer).page, 'insight')).toEqual([SHARED]);
  });

  it('5. on the web page too: no Kring data left, the other key kept', async () => {
    const page = (phone as WebPeer).page;
    expect(await localStorageKeys(page)).toEqual(
      expect.arrayContaining(['kring.sessions', 'kring.settings', OTHER_KEY]),
    );
    await button(page, en['session.leave']).click();
    await button(page, en['nav.settings']).click();
    await button(page, en['device.deleteEverything']).click();
    await button(page, en['device.confirmYes']).click();
    await expect
      .poll(() => region(page, en['device.title']).getByRole('status').textContent(), {
        timeout: UI_MS,
      })
      .toBe('Removed 1 session and your settings. Kring keeps nothing on this device any more.');
    // As narrow as the side panel, for the picture.
    await page.setViewportSize({ width: 360, height: 780 });
    await shot(page, 'settings-result-en');
    expect(await kringDatabases(page)).toEqual([]);
    expect(await localStorageKeys(page)).toEqual([OTHER_KEY]);
  });

  it(NO_ERRORS, () => {
    const uncaught = all().flatMap((peer) =>
      peer.errors.filter((line) => line.includes(' pageerror: ')),
    );
    expect(uncaught).toEqual([]);
  });
});
