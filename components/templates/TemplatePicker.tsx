import type { Locale } from '../../lib/locale';
import type { Template } from '../../lib/templates';
import { useT } from '../app-context';
import { TemplateOption } from './TemplateOption';

/**
 * The list of templates to start a session from, as radio buttons: the new-session screen and
 * "Continue in a new session" both choose with it.
 */
export function TemplatePicker(props: {
  readonly templates: readonly Template[];
  readonly selectedId: string | null;
  readonly locale: Locale;
  readonly onSelect: (id: string) => void;
}) {
  const t = useT();
  return (
    <fieldset class="templates">
      <legend>{t('new.templates')}</legend>
      {props.templates.map((template) => (
        <TemplateOption
          key={template.id}
          template={template}
          locale={props.locale}
          selected={props.selectedId === template.id}
          onSelect={() => props.onSelect(template.id)}
        />
      ))}
    </fieldset>
  );
}
