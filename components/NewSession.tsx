import { useEffect, useState } from 'preact/hooks';
import { LOCALES, type Locale } from '../lib/locale';
import { builtInTemplates, templateMinutes } from '../lib/templates';
import { useApp, useT } from './app-context';
import { Field } from './Field';
import { LANGUAGE_NAMES } from './language-names';
import { LazyQrCode, LazyVotingForm } from './lazy-parts';

export function NewSession() {
  const app = useApp();
  const t = useT();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [sessionLocale, setSessionLocale] = useState<Locale>(app.locale.value);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const busy = app.busy.value === 'starting';
  // The session screen shows its starter the QR code and the voting controls: fetch them now,
  // so they are there with it (a failure here is retried when they are shown).
  useEffect(() => {
    for (const part of [LazyQrCode, LazyVotingForm]) void part.preload().catch(() => {});
  }, []);

  const start = async (event: Event) => {
    event.preventDefault();
    const template = builtInTemplates.find((candidate) => candidate.id === templateId);
    if (!template) {
      setProblem(t('new.chooseTemplate'));
      return;
    }
    setProblem(null);
    await app.startSession({ template, title, locale: sessionLocale, passphrase });
  };

  return (
    <main class="screen">
      <h2>{t('new.title')}</h2>
      <form onSubmit={start} noValidate>
        <fieldset class="templates">
          <legend>{t('new.templates')}</legend>
          {builtInTemplates.map((template) => {
            const id = `template-${template.id}`;
            const minutes = templateMinutes(template);
            return (
              <label
                key={template.id}
                class={templateId === template.id ? 'template selected' : 'template'}
              >
                <input
                  type="radio"
                  name="template"
                  value={template.id}
                  checked={templateId === template.id}
                  onChange={() => setTemplateId(template.id)}
                  aria-labelledby={`${id}-name`}
                  aria-describedby={`${id}-about`}
                />
                <span class="template-text">
                  <span id={`${id}-name`} class="template-name">
                    {template.name[sessionLocale]}
                  </span>
                  <span id={`${id}-about`} class="template-about">
                    <span class="template-purpose">{template.purpose[sessionLocale]}</span>
                    <span class="template-meta">
                      {t('new.minutes', { count: minutes })} ·{' '}
                      {t('new.phases', { count: template.phases.length })}
                    </span>
                    <span class="template-phases">
                      {template.phases.map((phase) => phase.title[sessionLocale]).join(' → ')}
                    </span>
                  </span>
                </span>
              </label>
            );
          })}
        </fieldset>
        <Field id="field-new-sessionTitle" label={t('new.sessionTitle')}>
          <input
            id="field-new-sessionTitle"
            type="text"
            value={title}
            maxLength={200}
            placeholder={t('new.sessionTitleHint')}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </Field>
        <Field id="field-new-language" label={t('new.language')}>
          <select
            id="field-new-language"
            value={sessionLocale}
            onChange={(e) => setSessionLocale(e.currentTarget.value as Locale)}
          >
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {LANGUAGE_NAMES[locale]}
              </option>
            ))}
          </select>
        </Field>
        <details class="more">
          <summary>{t('new.passphrase')}</summary>
          <Field
            id="field-join-passphrase"
            label={t('join.passphrase')}
            hint={t('new.passphraseHint')}
          >
            <input
              id="field-join-passphrase"
              type="text"
              value={passphrase}
              autoComplete="off"
              aria-describedby="field-join-passphrase-hint"
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </Field>
        </details>
        {problem && (
          <p class="error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" class="primary big" disabled={busy} aria-busy={busy}>
          {busy ? t('new.starting') : t('new.start')}
        </button>
      </form>
    </main>
  );
}
