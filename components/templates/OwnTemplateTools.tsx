import { useState } from 'preact/hooks';
import type { Locale } from '../../lib/locale';
import type { Template } from '../../lib/templates';
import { useApp, useT } from '../app-context';
import '../../lib/i18n/workshop-messages';
import { focusOnMount } from '../focus-on-mount';

interface ToolProps {
  readonly template: Template;
  readonly selectedId: string | null;
  readonly locale: Locale;
}

/**
 * The buttons keep their short stable names ("Export template"); which template they act on is
 * their description, the template's name (aria-describedby), as on Home's session rows.
 */
const nameId = (template: Template) => `template-${template.id}-name`;

/** A built-in template: start a template of one's own from it. */
export function CopyTool(props: ToolProps) {
  const app = useApp();
  const t = useT();
  return (
    <button
      type="button"
      class="link"
      aria-describedby={nameId(props.template)}
      onClick={() =>
        app.go({ name: 'template', copyOf: props.template.id, back: pickerRoute(app, props) })
      }
    >
      {t('tpl.copy')}
    </button>
  );
}

/** An own template: edit, copy, export as a file, delete (after asking). */
export function OwnTemplateTools(props: ToolProps) {
  const app = useApp();
  const t = useT();
  const { template } = props;
  const [confirming, setConfirming] = useState(false);
  const name = template.name[app.locale.value];
  if (confirming) {
    const questionId = `delete-${template.id}`;
    return (
      <div class="confirm" role="alertdialog" aria-labelledby={questionId}>
        <p id={questionId}>{t('tpl.deleteConfirm', { name })}</p>
        <div class="row">
          <button
            type="button"
            class="danger"
            onClick={() => void app.deleteOwnTemplate(template.id)}
          >
            {t('tpl.delete')}
          </button>
          <button
            type="button"
            class="secondary"
            ref={focusOnMount}
            onClick={() => setConfirming(false)}
          >
            {t('tpl.deleteNo')}
          </button>
        </div>
      </div>
    );
  }
  const tool = (label: string, onClick: () => void, danger = false) => (
    <button
      type="button"
      class={danger ? 'link danger-link' : 'link'}
      aria-describedby={nameId(template)}
      onClick={onClick}
    >
      {label}
    </button>
  );
  return (
    <>
      {tool(t('tpl.edit'), () =>
        app.go({ name: 'template', id: template.id, back: pickerRoute(app, props) }),
      )}
      <CopyTool {...props} />
      {tool(t('tpl.export'), () => app.exportTemplate(template))}
      {tool(t('tpl.delete'), () => setConfirming(true), true)}
    </>
  );
}

/** Where the editor goes back to: this picker, with the same template and language chosen. */
export function pickerRoute(
  app: ReturnType<typeof useApp>,
  picker: { readonly selectedId: string | null; readonly locale: Locale },
) {
  const from = app.route.peek();
  if (from.name !== 'new') return from;
  return { ...from, templateId: picker.selectedId ?? undefined, locale: picker.locale };
}
