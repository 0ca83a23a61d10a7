import { useState } from 'preact/hooks';
import {
  derivedParticipantPage,
  type SettingsInput,
  type SettingsProblem,
  settingsToInput,
} from '../lib/app/settings';
import type { Translate } from '../lib/i18n/translate';
import { LOCALES, type Locale } from '../lib/locale';
import { useApp, useT } from './app-context';
import { DeviceSection } from './DeviceSection';
import { Field } from './Field';
import { LANGUAGE_NAMES } from './language-names';

function problemText(t: Translate, problem: SettingsProblem): string {
  switch (problem.code) {
    case 'url':
      return t('error.settings.url', { line: problem.line, value: problem.value });
    case 'ice':
    case 'turnCredentials':
      return t(`error.settings.${problem.code}`, { line: problem.line, value: problem.value });
    case 'noSignaling':
      return t('error.settings.noSignaling');
    case 'name':
      return t('error.settings.name', { limit: problem.limit });
    case 'pageUrl':
    case 'pageHttp':
      return t(`error.settings.${problem.code}`, { value: problem.value });
  }
}

/** Device settings. Invalid entries are marked and nothing is saved until all are right. */
export function Settings() {
  const app = useApp();
  const t = useT();
  const [input, setInput] = useState<SettingsInput>(() => settingsToInput(app.settings.value));
  const [problems, setProblems] = useState<readonly SettingsProblem[]>([]);
  const change = (patch: Partial<SettingsInput>) => setInput({ ...input, ...patch });
  const problemsOf = (field: SettingsProblem['field']) => problems.filter((p) => p.field === field);

  const save = async (event: Event) => {
    event.preventDefault();
    const result = await app.saveSettings(input);
    setProblems(result.ok ? [] : result.error);
  };

  const fieldErrors = (field: SettingsProblem['field']) => {
    const list = problemsOf(field);
    if (list.length === 0) return null;
    return (
      <ul id={`${field}-errors`} class="error">
        {list.map((problem) => (
          <li key={problemText(t, problem)}>{problemText(t, problem)}</li>
        ))}
      </ul>
    );
  };
  const invalid = (field: SettingsProblem['field']) => problemsOf(field).length > 0;
  const describedBy = (field: SettingsProblem['field'], hint?: string) =>
    [hint, invalid(field) ? `${field}-errors` : undefined].filter(Boolean).join(' ') || undefined;
  // What an empty "Participant page" stands for, following the servers as they are typed.
  const derivedPage = derivedParticipantPage(input.signalingText);
  const pageHint = [
    t('settings.pageHint'),
    derivedPage && t('settings.pageDefault', { address: derivedPage }),
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <main class="screen">
      <h2>{t('settings.title')}</h2>
      <form onSubmit={save} noValidate>
        <Field id="field-settings-language" label={t('settings.language')}>
          <select
            id="field-settings-language"
            value={input.locale}
            onChange={(e) => change({ locale: e.currentTarget.value as Locale | 'auto' })}
          >
            <option value="auto">{t('settings.language.auto')}</option>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {LANGUAGE_NAMES[locale]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="field-settings-displayName"
          label={t('settings.displayName')}
          hint={t('join.nameHint')}
        >
          <input
            id="field-settings-displayName"
            type="text"
            value={input.displayName}
            aria-invalid={invalid('displayName')}
            aria-describedby={describedBy('displayName', 'field-settings-displayName-hint')}
            onInput={(e) => change({ displayName: e.currentTarget.value })}
          />
        </Field>
        {fieldErrors('displayName')}
        <Field
          id="field-settings-signaling"
          label={t('settings.signaling')}
          hint={t('settings.signalingHint')}
        >
          <textarea
            id="field-settings-signaling"
            rows={2}
            value={input.signalingText}
            spellcheck={false}
            aria-invalid={invalid('signaling')}
            aria-describedby={describedBy('signaling', 'field-settings-signaling-hint')}
            onInput={(e) => change({ signalingText: e.currentTarget.value })}
          />
        </Field>
        {fieldErrors('signaling')}
        <Field id="field-settings-page" label={t('settings.page')} hint={pageHint}>
          <input
            id="field-settings-page"
            type="url"
            inputMode="url"
            value={input.pageText}
            placeholder={derivedPage}
            autoComplete="off"
            spellcheck={false}
            aria-invalid={invalid('page')}
            aria-describedby={describedBy('page', 'field-settings-page-hint')}
            onInput={(e) => change({ pageText: e.currentTarget.value })}
          />
        </Field>
        {fieldErrors('page')}
        <Field id="field-settings-ice" label={t('settings.ice')} hint={t('settings.iceHint')}>
          <textarea
            id="field-settings-ice"
            rows={3}
            value={input.iceText}
            spellcheck={false}
            aria-invalid={invalid('ice')}
            aria-describedby={describedBy('ice', 'field-settings-ice-hint')}
            onInput={(e) => change({ iceText: e.currentTarget.value })}
          />
        </Field>
        {fieldErrors('ice')}
        {problems.length > 0 && (
          <p class="error" role="alert">
            {t('settings.notSaved')}
          </p>
        )}
        <button type="submit" class="primary">
          {t('settings.save')}
        </button>
      </form>
      <DeviceSection
        onDeleted={() => {
          // The saved settings are gone: the form shows what is in force now, the defaults.
          setInput(settingsToInput(app.settings.value));
          setProblems([]);
        }}
      />
    </main>
  );
}
