import { ITEM_KINDS, type ItemKind } from '../../lib/session/types';
import { useT } from '../app-context';

/**
 * Checkboxes for kinds of contribution: what a phase collects (the live phase editor, the
 * template editor) or what can be voted on. The result keeps `options`' order.
 */
export function KindsChoice({
  legend,
  value,
  onChange,
  options = ITEM_KINDS,
  id,
  describedBy,
}: {
  legend: string;
  value: readonly ItemKind[];
  onChange: (kinds: readonly ItemKind[]) => void;
  options?: readonly ItemKind[];
  id?: string;
  describedBy?: string;
}) {
  const t = useT();
  const toggle = (kind: ItemKind, on: boolean) =>
    onChange(options.filter((k) => (k === kind ? on : value.includes(k))));
  return (
    <fieldset class="kinds-choice" id={id} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {options.map((kind) => (
        <label key={kind} class="check">
          <input
            type="checkbox"
            checked={value.includes(kind)}
            onChange={(e) => toggle(kind, e.currentTarget.checked)}
          />
          {t(`kind.${kind}.plural`)}
        </label>
      ))}
    </fieldset>
  );
}
