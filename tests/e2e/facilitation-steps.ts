import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { UI_MS } from './harness';
import { editorOf } from './kring';

/**
 * What a person does with issue 11's facilitation moves (writing alone first, dot voting,
 * themes), found by role and English accessible name (stable API) as in kring.ts.
 */

/** The texts of this device's private drafts of insights, in screen order. */
export function draftTexts(page: Page): Promise<string[]> {
  return page
    .getByRole('textbox', { name: 'Draft insight', exact: true })
    .evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));
}

/** Writes an insight in a private-writing phase and waits until it is kept as a draft here. */
export async function writeDraft(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'New insight', exact: true }).fill(text);
  await page.getByRole('button', { name: 'Add insight', exact: true }).click();
  await expect.poll(() => draftTexts(page), { timeout: UI_MS }).toContain(text);
}

/**
 * Everything the page holds that a person or a screen reader could get at: its markup (text,
 * labels, titles, hidden regions alike) and the values of its fields, which are not in the
 * markup. A draft that reached this page in any form would be in here.
 */
export function everythingOnPage(page: Page): Promise<string> {
  return page.evaluate(() => {
    const fields = [...document.querySelectorAll('textarea, input')].map(
      (field) => (field as HTMLTextAreaElement | HTMLInputElement).value,
    );
    return [document.documentElement.outerHTML, ...fields].join('\n');
  });
}

/** The "Votes left" status, as it reads ("Votes left: 2 of 3"). */
export function votesLeft(page: Page): Locator {
  return page.getByRole('status', { name: 'Votes left', exact: true });
}

/** Presses "Add a vote" on the insight whose text is `text` (shorter than the name's preview). */
export function addVote(page: Page, text: string): Promise<void> {
  return page.getByRole('button', { name: `Add a vote: ${text}`, exact: true }).click();
}

/** The row (list item) of the insight whose text is exactly `text`. */
export async function rowOf(page: Page, text: string): Promise<Locator> {
  return (await editorOf(page, 'insight', text)).locator('xpath=ancestor::li[1]');
}

/**
 * The insights in screen order with their place and total as the row shows them:
 * "text | No. 1 | 3 votes" ("-" for what a row does not show). Read from the row's own
 * pieces of text, since the row's whole text runs them together ("No. 13 votes").
 */
export function rankedInsights(page: Page): Promise<string[]> {
  return page.getByRole('textbox', { name: 'Insight', exact: true }).evaluateAll((areas) =>
    areas.map((area) => {
      const pieces = [...(area.closest('li')?.querySelectorAll('span') ?? [])].map(
        (span) => span.textContent?.trim() ?? '',
      );
      const rank = pieces.find((piece) => /^No\. \d+$/.test(piece)) ?? '-';
      const total = pieces.find((piece) => /^\d+ votes?$/.test(piece)) ?? '-';
      return `${(area as HTMLTextAreaElement).value} | ${rank} | ${total}`;
    }),
  );
}

/** The insights shown in the group (a theme, or "Not in a theme") named `group`. */
export function insightsIn(page: Page, group: string): Promise<string[]> {
  return page
    .getByRole('group', { name: group, exact: true })
    .getByRole('textbox', { name: 'Insight', exact: true })
    .evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));
}
