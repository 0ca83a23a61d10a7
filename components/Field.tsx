import type { ComponentChildren } from 'preact';

/**
 * A form field: a label tied to its control by `for`, and an optional hint outside the label,
 * so the control's accessible name is just the label ("Room code"), and the hint is its
 * description (`aria-describedby` on the control, id `${id}-hint`).
 */
export function Field({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <span id={`${id}-hint`} class="hint">
          {hint}
        </span>
      )}
    </div>
  );
}
