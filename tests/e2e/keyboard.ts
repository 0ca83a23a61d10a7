import type { Locator, Page } from 'playwright-core';

/**
 * Moving through a page with the keyboard only, as someone who cannot use a pointer does:
 * Tab until `target` has the focus. Fails when it is not reached within `maxPresses`, which
 * is what a control that is not in the tab order, or a focus trap, would cause.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  const passed: string[] = [];
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await target
      .evaluate((element) => element === element.ownerDocument.activeElement, undefined, {
        timeout: 1_000,
      })
      .catch(() => false);
    if (focused) return;
    passed.push(await page.evaluate(focusedElement));
  }
  throw new Error(
    `Tab never reached ${String(target)} in ${maxPresses} presses; focus went: ${passed.join(' → ')}`,
  );
}

/** The focused element as a person would name it, for the failure message (runs in the page). */
function focusedElement(): string {
  const element = document.activeElement;
  if (!element || element === document.body) return '(page)';
  const label = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30);
  return `${element.tagName.toLowerCase()}${label ? ` "${label}"` : ''}`;
}
