import { useEffect, useState } from 'preact/hooks';
import { LOCALES, type Locale } from '../lib/locale';
import { builtInTemplates } from '../lib/templates';
import { useApp, useT } from './app-context';
import { Field } from './Field';
import { LANGUAGE_NAMES } from './language-names';
import { LazyQrCode, LazyVotingForm } from './lazy-parts';
import { TemplatePicker } from './templates/TemplatePicker';

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
        <TemplatePicker
          templates={builtInTemplates}
          selectedId={templateId}
          locale={sessionLocale}
          onSelect={setTemplateId}
        />
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
