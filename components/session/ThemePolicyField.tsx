import { THEME_POLICIES, type ThemePolicy } from '../../lib/session';
import { useT } from '../app-context';

/**
 * Facilitator, in the phase editor: whether insights can be grouped into themes in this phase,
 * and by whom. "Facilitator only" keeps the group talking while the facilitator sorts.
 */
export function ThemePolicyField({
  value,
  onChange,
  name = 'phase-themes',
  id,
}: {
  value: ThemePolicy;
  onChange: (policy: ThemePolicy) => void;
  /** The radio group's name: the template editor shows one group per phase. */
  name?: string;
  id?: string;
}) {
  const t = useT();
  return (
    <fieldset class="theme-policy" id={id}>
      <legend>{t('phase.themes')}</legend>
      {THEME_POLICIES.map((policy) => (
        <label key={policy} class="check">
          <input
            type="radio"
            name={name}
            value={policy}
            checked={value === policy}
            onChange={() => onChange(policy)}
          />
          {t(`phase.themes.${policy}`)}
        </label>
      ))}
    </fieldset>
  );
}
