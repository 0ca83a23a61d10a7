import { THEME_POLICIES, type ThemePolicy } from '../../lib/session';
import { useT } from '../app-context';

/**
 * Facilitator, in the phase editor: whether insights can be grouped into themes in this phase,
 * and by whom. "Facilitator only" keeps the group talking while the facilitator sorts.
 */
export function ThemePolicyField({
  value,
  onChange,
}: {
  value: ThemePolicy;
  onChange: (policy: ThemePolicy) => void;
}) {
  const t = useT();
  return (
    <fieldset class="theme-policy">
      <legend>{t('phase.themes')}</legend>
      {THEME_POLICIES.map((policy) => (
        <label key={policy} class="check">
          <input
            type="radio"
            name="phase-themes"
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
