import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { SYNC_MS, UI_MS } from './harness';

/**
 * What a person does in Kring's side panel, found by role and English accessible name only
 * (DESIGN.md, "User interface contract": those names are stable API).
 */

export type Kind = 'question' | 'insight' | 'action';
export type TemplateName = 'Social lab' | 'Reflective dialogue' | 'Lessons-learned harvest';

const EDITOR_NAME: Record<Kind, string> = {
  question: 'Question',
  insight: 'Insight',
  action: 'Action',
};
const NEW_NAME: Record<Kind, string> = {
  question: 'New question',
  insight: 'New insight',
  action: 'New action',
};

/** How a room code is shown: `ABCD-EFGH-JK` in Crockford's alphabet. */
export const ROOM_CODE_FORMAT =
  /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/;

/**
 * A `<summary>` has no ARIA role (Playwright gives it none), so it is found by its visible
 * text, which is its accessible name; the label of the same text inside the closed `<details>`
 * is hidden.
 */
function summary(page: Page, name: string): Locator {
  return page.getByText(name, { exact: true }).filter({ visible: true });
}

export function roomCode(page: Page): Locator {
  return page.getByRole('status', { name: 'Room code', exact: true });
}

export function connectionStatus(page: Page): Locator {
  return page.getByRole('status', { name: 'Connection', exact: true });
}

export function presence(page: Page): Locator {
  return page.getByRole('status', { name: 'Participants', exact: true });
}

export function phaseHeading(page: Page, title: string): Locator {
  return page.getByRole('heading', { level: 2, name: title, exact: true });
}

export function sessionHeading(page: Page, title: string): Locator {
  return page.getByRole('heading', { level: 1, name: title, exact: true });
}

/** From the home screen: starts a session and returns its room code as shown. */
export async function startSession(
  page: Page,
  options: { template: TemplateName; title?: string; passphrase?: string; largeGroup?: boolean },
): Promise<string> {
  await page.getByRole('button', { name: 'New session', exact: true }).click();
  await page.getByRole('radio', { name: options.template, exact: true }).check();
  if (options.title !== undefined) {
    await page.getByRole('textbox', { name: 'Session title (optional)' }).fill(options.title);
  }
  if (options.largeGroup) {
    await page.getByRole('checkbox', { name: 'Large group', exact: true }).check();
  }
  if (options.passphrase !== undefined) {
    await summary(page, 'Extra passphrase (optional)').click();
    await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(options.passphrase);
  }
  await page.getByRole('button', { name: 'Start session', exact: true }).click();
  // Deriving the room's keys takes a PBKDF2 of 600,000 iterations: about a second.
  const code = (await roomCode(page).textContent({ timeout: 15_000 })) ?? '';
  expect(code).toMatch(ROOM_CODE_FORMAT);
  return code;
}

/** From the home screen: fills in the join form and submits it. */
export async function joinSession(
  page: Page,
  options: { code: string; name: string; passphrase?: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Join session', exact: true }).click();
  await page.getByRole('textbox', { name: 'Room code', exact: true }).fill(options.code);
  await page.getByRole('textbox', { name: 'Your name', exact: true }).fill(options.name);
  if (options.passphrase !== undefined) {
    await summary(page, 'Passphrase').click();
    await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(options.passphrase);
  }
  await page.getByRole('button', { name: 'Join', exact: true }).click();
}

/** Adds an item in the phase on screen and waits until its editor shows it. */
export async function addItem(page: Page, kind: Kind, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: NEW_NAME[kind], exact: true });
  await box.fill(text);
  // Enter, as people type it, rather than a click on the Add button: when everyone adds at
  // once, others' items arriving above push the button down between Playwright's check of
  // where it is and its click, and the click lands beside it (seen once in CI: the text
  // stayed in the box). The button itself is clicked in facilitation-steps.ts and
  // large-session.test.ts, tabbed to in web-page.test.ts, and in the component tests.
  await box.press('Enter');
  await expect.poll(() => itemTexts(page, kind), { timeout: UI_MS }).toContain(text);
  await expect(
    page.getByRole('textbox', { name: NEW_NAME[kind], exact: true }).inputValue(),
  ).resolves.toBe('');
}

/** The texts in the editors of one kind in the phase on screen, in screen order. */
export function itemTexts(page: Page, kind: Kind): Promise<string[]> {
  return page
    .getByRole('textbox', { name: EDITOR_NAME[kind], exact: true })
    .evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));
}

/** Sorted, so peers can be compared whatever order they list items in. */
export async function sortedItemTexts(page: Page, kind: Kind): Promise<string[]> {
  return (await itemTexts(page, kind)).sort();
}

/** The editor of the item of `kind` whose text is now exactly `text`. */
export async function editorOf(page: Page, kind: Kind, text: string): Promise<Locator> {
  const texts = await itemTexts(page, kind);
  const index = texts.indexOf(text);
  if (index < 0)
    throw new Error(`No ${kind} "${text}" on screen; there are: ${JSON.stringify(texts)}`);
  return page.getByRole('textbox', { name: EDITOR_NAME[kind], exact: true }).nth(index);
}

/**
 * Puts the caret at the start or the end of an editor, then types key by key, as a person does;
 * each key is its own edit of the shared text.
 */
export async function typeAt(
  editor: Locator,
  where: 'start' | 'end',
  text: string,
  delayMs = 40,
): Promise<void> {
  await editor.click();
  await editor.press(where === 'start' ? 'Control+Home' : 'Control+End');
  await editor.pressSequentially(text, { delay: delayMs });
}

/** Waits until the phase on screen is `title`. */
export async function waitForPhase(page: Page, title: string, timeout = SYNC_MS): Promise<void> {
  await phaseHeading(page, title).waitFor({ state: 'visible', timeout });
}

export async function nextPhase(page: Page, expectedTitle: string): Promise<void> {
  await page.getByRole('button', { name: 'Next phase', exact: true }).click();
  await waitForPhase(page, expectedTitle, UI_MS);
}

export async function previousPhase(page: Page, expectedTitle: string): Promise<void> {
  await page.getByRole('button', { name: 'Previous phase', exact: true }).click();
  await waitForPhase(page, expectedTitle, UI_MS);
}

export interface Harvest {
  readonly fileName: string;
  readonly content: Buffer;
}

/** Clicks "Export Markdown" and reads the file the browser downloaded. */
export async function exportMarkdown(page: Page, timeout = UI_MS): Promise<Harvest> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout }),
    page.getByRole('button', { name: 'Export Markdown', exact: true }).click(),
  ]);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), content: await readFile(path) };
}

/** The polite live region with the toast text, once it says `text`. */
export async function waitForToast(page: Page, text: string): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: text })
    .waitFor({ state: 'visible', timeout: UI_MS });
}
