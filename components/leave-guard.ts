/**
 * A screen with unsaved work can hold the app bar's buttons (back, settings): they then ask
 * it before they navigate, and it asks the person. One screen at a time holds it; the template
 * editor does while it has changes.
 */
export type LeaveGuard = (proceed: () => void) => void;

let current: LeaveGuard | null = null;

/** Holds navigation with `guard` until the returned function releases it. */
export function holdLeaving(guard: LeaveGuard): () => void {
  current = guard;
  return () => {
    if (current === guard) current = null;
  };
}

/** Runs `proceed` now, or once the screen holding navigation lets it go. */
export function leaveThen(proceed: () => void): void {
  if (current) current(proceed);
  else proceed();
}
