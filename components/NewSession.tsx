import { useState } from 'preact/hooks';
import { LOCALES, type Locale } from '../lib/locale';
import { builtInTemplates, templateMinutes } from '../lib/templates';
import { useApp, useT } from './app-context';

export function NewSession() {
  const app = useApp();
  const t = useT();
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [sessionLocale, setSessionLocale] = useState<Locale>(app.locale.value);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const busy = app.busy.value === 'starting';

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
        <label class="field">
          <span>{t('new.sessionTitle')}</span>
          <input
            type="text"
            value={title}
            maxLength={200}
            placeholder={t('new.sessionTitleHint')}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('new.language')}</span>
          <select
            value={sessionLocale}
            onChange={(e) => setSessionLocale(e.currentTarget.value as Locale)}
          >
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {LANGUAGE_NAMES[locale]}
              </option>
            ))}
          </select>
        </label>
        <details class="more">
          <summary>{t('new.passphrase')}</summary>
          <label class="field">
            <span>{t('join.passphrase')}</span>
            <input
              type="text"
              value={passphrase}
              autoComplete="off"
              aria-describedby="passphrase-hint"
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
            <span id="passphrase-hint" class="hint">
              {t('new.passphraseHint')}
            </span>
          </label>
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

/** Each language in its own name, as language pickers do. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', nl: 'Nederlands' };
