import type { Locale } from '../../lib/locale';
import { type Template, templateMinutes } from '../../lib/templates';
import { useT } from '../app-context';

/** One template in the picker: its name, purpose, time and phases, chosen by a radio button. */
export function TemplateOption(props: {
  readonly template: Template;
  readonly locale: Locale;
  readonly selected: boolean;
  readonly onSelect: () => void;
}) {
  const t = useT();
  const { template, locale } = props;
  const id = `template-${template.id}`;
  const minutes = templateMinutes(template);
  return (
    <label class={props.selected ? 'template selected' : 'template'}>
      <input
        type="radio"
        name="template"
        value={template.id}
        checked={props.selected}
        onChange={props.onSelect}
        aria-labelledby={`${id}-name`}
        aria-describedby={`${id}-about`}
      />
      <span class="template-text">
        <span id={`${id}-name`} class="template-name">
          {template.name[locale]}
        </span>
        <span id={`${id}-about`} class="template-about">
          <span class="template-purpose">{template.purpose[locale]}</span>
          <span class="template-meta">
            {t('new.minutes', { count: minutes })} ·{' '}
            {t('new.phases', { count: template.phases.length })}
          </span>
          <span class="template-phases">
            {template.phases.map((phase) => phase.title[locale]).join(' → ')}
          </span>
        </span>
      </span>
    </label>
  );
}
