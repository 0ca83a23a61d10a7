import type { ComponentChildren } from 'preact';
import type { Locale } from '../../lib/locale';
import { type Template, templateMinutes } from '../../lib/templates';
import { useApp, useT } from '../app-context';
import '../../lib/i18n/workshop-messages';

/**
 * One template in the picker: its name, purpose, time and phases, chosen by a radio button,
 * with its facilitator guide and printable handout beside it. The buttons sit outside the
 * <label> so pressing one never chooses the template; they keep their short stable names and
 * point at the template's name through aria-describedby.
 */
export function TemplateOption(props: {
  readonly template: Template;
  readonly locale: Locale;
  readonly selected: boolean;
  readonly onSelect: () => void;
  /** More buttons for this template (an own template's edit, copy, export, delete). */
  readonly tools?: ComponentChildren;
}) {
  const app = useApp();
  const t = useT();
  const { template, locale } = props;
  const id = `template-${template.id}`;
  const minutes = templateMinutes(template);
  const openGuide = (event: Event) => {
    // Back from the guide lands on this picker with the same template chosen (the one chosen
    // now; none yet: this one) and the same language. The choice is the picker's own state,
    // so it is read from the radio group this button belongs to.
    const group = (event.currentTarget as HTMLElement).closest('fieldset');
    const checked = group?.querySelector<HTMLInputElement>('input[name="template"]:checked');
    const from = app.route.peek();
    const back =
      from.name === 'new' ? { ...from, templateId: checked?.value ?? template.id, locale } : from;
    app.go({ name: 'guide', templateId: template.id, locale, back });
  };
  return (
    <div class={props.selected ? 'template-option selected' : 'template-option'}>
      <label class="template">
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
      <div class="template-tools">
        <button type="button" class="link" aria-describedby={`${id}-name`} onClick={openGuide}>
          {t('guides.open')}
        </button>
        <button
          type="button"
          class="link"
          aria-describedby={`${id}-name`}
          onClick={() => void app.printHandout({ template, locale })}
        >
          {t('guides.print')}
        </button>
        {props.tools}
      </div>
    </div>
  );
}
