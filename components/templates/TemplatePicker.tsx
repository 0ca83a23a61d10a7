import type { Locale } from '../../lib/locale';
import type { Template } from '../../lib/templates';
import { useApp, useT } from '../app-context';
import { CopyTool, OwnTemplateTools, pickerRoute } from './OwnTemplateTools';
import { TemplateImport } from './TemplateImport';
import { TemplateOption } from './TemplateOption';
import './own-templates.css';
import '../../lib/i18n/workshop-messages';

/**
 * The list of templates to start a session from, as radio buttons: the new-session screen and
 * "Continue in a new session" both choose with it. Kring's own templates come first, each
 * with "Make a copy"; then "My templates", the ones on this device, which can be edited,
 * exported and deleted, and the ways to add one: from scratch or from a file.
 */
export function TemplatePicker(props: {
  /** Built-in and own templates alike; own ones (app.ownTemplates) show in "My templates". */
  readonly templates: readonly Template[];
  readonly selectedId: string | null;
  readonly locale: Locale;
  readonly onSelect: (id: string) => void;
}) {
  const app = useApp();
  const t = useT();
  const ownIds = new Set(app.ownTemplates.value.map((template) => template.id));
  const builtIn = props.templates.filter((template) => !ownIds.has(template.id));
  const own = props.templates.filter((template) => ownIds.has(template.id));
  const option = (template: Template, tools: preact.ComponentChildren) => (
    <TemplateOption
      key={template.id}
      template={template}
      locale={props.locale}
      selected={props.selectedId === template.id}
      onSelect={() => props.onSelect(template.id)}
      tools={tools}
    />
  );
  return (
    <fieldset class="templates">
      <legend>{t('new.templates')}</legend>
      {builtIn.map((template) => option(template, <CopyTool template={template} {...props} />))}
      <section class="own-templates" aria-labelledby="my-templates">
        <h3 id="my-templates">{t('tpl.mine')}</h3>
        {own.length === 0 ? (
          <p class="empty">{t('tpl.noneYet')}</p>
        ) : (
          own.map((template) =>
            option(template, <OwnTemplateTools template={template} {...props} />),
          )
        )}
        <TemplateImport
          onNew={() => app.go({ name: 'template', back: pickerRoute(app, props) })}
          onImported={props.onSelect}
        />
      </section>
    </fieldset>
  );
}
