import type { Page } from 'playwright-core';
import type { TemplateName } from '../tests/e2e/kring';

/**
 * Drives Kring's side panel and web page for the benchmarks with plain Playwright calls (the
 * e2e helpers assert with vitest; a benchmark only waits). Names are the stable English
 * accessible names.
 */
const WAIT_MS = 30_000;
export const BENCH_TITLE = 'Bench';

/** From the home screen: starts a session from `template` and returns its room code. */
export async function startSessionWith(
  page: Page,
  template: TemplateName,
  title: string,
): Promise<string> {
  await page.getByRole('button', { name: 'New session', exact: true }).click();
  await page.getByRole('radio', { name: template, exact: true }).check();
  await page.getByRole('textbox', { name: 'Session title (optional)' }).fill(title);
  await page.getByRole('button', { name: 'Start session', exact: true }).click();
  return (
    (await page
      .getByRole('status', { name: 'Room code', exact: true })
      .textContent({ timeout: WAIT_MS })) ?? ''
  );
}

/** Starts a Reflective dialogue, moves to "What happened?" and adds one question to edit. */
export async function startBenchSession(page: Page): Promise<string> {
  const code = await startSessionWith(page, 'Reflective dialogue', BENCH_TITLE);
  await page.getByRole('button', { name: 'Next phase', exact: true }).click();
  await page.getByRole('textbox', { name: 'New question', exact: true }).fill('Bench question');
  await page.getByRole('button', { name: 'Add question', exact: true }).click();
  await questionEditor(page).waitFor({ timeout: WAIT_MS });
  return code;
}

/** From the panel's home screen: opens Join and types the code (not submitted yet). */
export async function fillJoin(page: Page, code: string): Promise<void> {
  await page.getByRole('button', { name: 'Join session', exact: true }).click();
  await page.getByRole('textbox', { name: 'Room code', exact: true }).fill(code);
}

export function joinButton(page: Page) {
  return page.getByRole('button', { name: 'Join', exact: true });
}

/** Joins with the code; resolves when the session's question is on screen. */
export async function joinBenchSession(page: Page, code: string): Promise<number> {
  await fillJoin(page, code);
  const start = Date.now();
  await joinButton(page).click();
  await page
    .getByRole('heading', { level: 1, name: BENCH_TITLE, exact: true })
    .waitFor({ timeout: WAIT_MS });
  const visible = Date.now() - start;
  await questionEditor(page).waitFor({ timeout: WAIT_MS });
  return visible;
}

export function questionEditor(page: Page) {
  return page.getByRole('textbox', { name: 'Question', exact: true }).first();
}

/**
 * On the web page: opens the invite link, taps Join once the link has filled in the code, and
 * waits for the session (the Bench session's question) on screen.
 */
export async function joinFromLink(page: Page, link: string): Promise<void> {
  await page.goto(link);
  const code = decodeURIComponent(new URL(link).hash.slice(1));
  const box = page.getByRole('textbox', { name: 'Room code', exact: true });
  await page.waitForFunction(
    ([element, expected]) => (element as HTMLInputElement).value === expected,
    [await box.elementHandle({ timeout: WAIT_MS }), code] as const,
    { timeout: WAIT_MS },
  );
  await joinButton(page).click();
  await page
    .getByRole('heading', { level: 1, name: BENCH_TITLE, exact: true })
    .waitFor({ timeout: WAIT_MS });
  await questionEditor(page).waitFor({ timeout: WAIT_MS });
}
