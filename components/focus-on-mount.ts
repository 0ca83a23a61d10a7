/**
 * A ref that focuses its element when it appears: the safe choice of a confirmation, a field
 * that opens for editing. The `autofocus` attribute does not do this: browsers honour it once
 * per page, for what is there when the page loads, not for elements added later (and Preact,
 * unlike React, does not call focus() for it). A module-level function, so Preact calls it on
 * mount and unmount only, not on every render.
 */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}
