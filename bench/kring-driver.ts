import type { Page } from 'playwright-core';

/**
 * Drives Kring's side panel for the benchmarks with plain Playwright calls (the e2e helpers
 * assert with vitest; a benchmark only waits). Names are the stable English accessible names.
 */
const WAIT_MS = 30_000;

/** Starts a Reflective dialogue, moves to "What happened?" and adds one question to edit. */
export async function startBenchSession(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'New session', exact: true }).click();
  await page.getByRole('radio', { name: 'Reflective dialogue', exact: true }).check();
  await page.getByRole('textbox', { name: 'Session title (optional)' }).fill('Bench');
  await page.getByRole('button', { name: 'Start session', exact: true }).click();
  const code =
    (await page
      .getByRole('status', { name: 'Room code', exact: true })
      .textContent({ timeout: WAIT_MS })) ?? '';
  await page.getByRole('button', { name: 'Next phase', exact: true }).click();
  await page.getByRole('textbox', { name: 'New question', exact: true }).fill('Bench question');
  await page.getByRole('button', { name: 'Add question', exact: true }).click();
  await questionEditor(page).waitFor({ timeout: WAIT_MS });
  return code;
}

/** Joins with the code; resolves when the session's question is on screen. */
export async function joinBenchSession(page: Page, code: string): Promise<number> {
  await page.getByRole('button', { name: 'Join session', exact: true }).click();
  await page.getByRole('textbox', { name: 'Room code', exact: true }).fill(code);
  const start = Date.now();
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page
    .getByRole('heading', { level: 1, name: 'Bench', exact: true })
    .waitFor({ timeout: WAIT_MS });
  const visible = Date.now() - start;
  await questionEditor(page).waitFor({ timeout: WAIT_MS });
  return visible;
}

export function questionEditor(page: Page) {
  return page.getByRole('textbox', { name: 'Question', exact: true }).first();
}
