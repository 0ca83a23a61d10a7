import { useState } from 'preact/hooks';
import { useApp, useT } from './app-context';
import { SessionFields, StartFooter, usePreloadSessionParts, useStartForm } from './StartFields';
import { TemplatePicker } from './templates/TemplatePicker';

export function NewSession() {
  const app = useApp();
  const t = useT();
  // Back from a template's guide: that template and language are chosen again.
  const from = app.route.peek();
  const back = from.name === 'new' ? from : undefined;
  const [templateId, setTemplateId] = useState<string | null>(back?.templateId ?? null);
  const form = useStartForm({ locale: back?.locale ?? app.locale.value });
  const [problem, setProblem] = useState<string | null>(null);
  usePreloadSessionParts();
  // Built-in first, then this device's own templates (lib/app/own-templates.ts).
  const templates = app.allTemplates.value;
  const chosen = templates.find((candidate) => candidate.id === templateId);

  const start = async (event: Event) => {
    event.preventDefault();
    const template = chosen;
    if (!template) {
      setProblem(t('new.chooseTemplate'));
      return;
    }
    setProblem(null);
    await app.startSession({
      template,
      title: form.title,
      locale: form.locale,
      passphrase: form.passphrase,
      // Only a template that revolves around one gives the session a learning question.
      learningQuestion: template.learningQuestion ? form.learningQuestion : undefined,
      largeGroup: form.largeGroup,
    });
  };

  return (
    <main class="screen">
      <h2>{t('new.title')}</h2>
      <form onSubmit={start} noValidate>
        <TemplatePicker
          templates={templates}
          selectedId={templateId}
          locale={form.locale}
          onSelect={setTemplateId}
        />
        <SessionFields form={form} askLearningQuestion={chosen?.learningQuestion === true} />
        <StartFooter form={form} problem={problem} />
      </form>
    </main>
  );
}
