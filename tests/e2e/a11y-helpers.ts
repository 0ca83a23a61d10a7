import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { allMessages } from '../../lib/i18n/all-messages';
import type { Messages } from '../../lib/i18n/messages-en';
import { describeViolations, runAxe } from './axe';
import { type Peer, UI_MS } from './harness';

const { en, nl } = allMessages;

/**
 * What the accessibility tests share (a11y.test.ts, a11y-facilitation.test.ts): the two
 * languages with their browser locales and catalogues, controls found by role and accessible
 * name in that language, and axe's verdict on a screen.
 */

export const LANGUAGES = [
  { lang: 'en', browser: 'en-GB', m: en },
  { lang: 'nl', browser: 'nl-NL', m: nl },
] as const satisfies readonly { lang: 'en' | 'nl'; browser: string; m: Messages }[];

/** Runs axe on the page as it is now; fails with every violation spelled out. */
export async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const { violations, incomplete } = await runAxe(page);
  const report = describeViolations(screen, violations);
  if (violations.length > 0) console.error(report);
  // Not violations, but worth a look by a person (KRING_E2E_AXE_INCOMPLETE=1 lists them).
  if (process.env.KRING_E2E_AXE_INCOMPLETE === '1' && incomplete.length > 0) {
    console.info(`${screen}: axe could not decide\n  ${incomplete.join('\n  ')}`);
  }
  expect(
    violations.map((violation) => violation.id),
    report,
  ).toEqual([]);
}

/** Milliseconds for the room view's first render after Present (lib/platform/present.ts
 * itself waits up to 10 s for the tab to load). */
export const ROOM_OPEN_MS = 15_000;

export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
export const textbox = (page: Page, name: string) =>
  page.getByRole('textbox', { name, exact: true });
export const heading = (page: Page, name: string, level?: number) =>
  page.getByRole('heading', { name, exact: true, level });

/**
 * Presses Present in the facilitator's panel and returns the room view's tab at a beamer's
 * 1280×720, once it shows the phase `phaseTitle` as its heading.
 */
export async function present(peer: Peer, m: Messages, phaseTitle: string): Promise<Page> {
  const [room] = await Promise.all([
    peer.context.waitForEvent('page', { timeout: UI_MS }),
    button(peer.page, m['present.button']).click(),
  ]);
  await room.setViewportSize({ width: 1280, height: 720 });
  // A new tab that loads, then the panel renders into it: slow on a busy machine.
  await heading(room, phaseTitle, 1).waitFor({ timeout: ROOM_OPEN_MS });
  return room;
}
