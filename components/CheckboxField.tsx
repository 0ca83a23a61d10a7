import type { ComponentChildren } from 'preact';

/**
 * A checkbox with its label and, when given, a hint tied to it by aria-describedby: the new
 * session's "Large group", and the template editor's CheckField (which adds its problems).
 */
export function CheckboxField({
  id,
  label,
  hint,
  checked,
  onChange,
  describedBy = hint ? `${id}-hint` : undefined,
  invalid,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The ids that describe it; the hint's by default. */
  describedBy?: string;
  invalid?: boolean;
  /** Shown under the hint (the editor's problem text). */
  children?: ComponentChildren;
}) {
  return (
    <div class="field">
      <label class="check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        {label}
      </label>
      {hint && (
        <span id={`${id}-hint`} class="hint">
          {hint}
        </span>
      )}
      {children}
    </div>
  );
}
