import { useEffect, useState } from 'preact/hooks';
import { MAX_LEARNING_QUESTION_LENGTH, MAX_TITLE_LENGTH } from '../lib/limits';
import { LOCALES, type Locale } from '../lib/locale';
import { useApp, useT } from './app-context';
import { CheckboxField } from './CheckboxField';
import { Field } from './Field';
import { LANGUAGE_NAMES } from './language-names';
import { LazyQrCode, LazyVotingForm } from './lazy-parts';

/**
 * The fields both ways of starting a session share, "New session" and "Continue in a new
 * session": title, language, the learning question, the passphrase and Start. One form state
 * holds them; each screen adds its own parts (the template picker, what to carry over).
 */
export interface StartForm {
  readonly title: string;
  readonly setTitle: (value: string) => void;
  readonly locale: Locale;
  readonly setLocale: (value: Locale) => void;
  readonly learningQuestion: string;
  readonly setLearningQuestion: (value: string) => void;
  readonly passphrase: string;
  readonly setPassphrase: (value: string) => void;
  /** "Large group" (issue 10): everyone connects through the server's encrypted relay. */
  readonly largeGroup: boolean;
  readonly setLargeGroup: (value: boolean) => void;
}

export function useStartForm(defaults: {
  readonly title?: string;
  readonly locale: Locale;
  readonly learningQuestion?: string;
  readonly largeGroup?: boolean;
}): StartForm {
  const [title, setTitle] = useState(defaults.title ?? '');
  const [locale, setLocale] = useState<Locale>(defaults.locale);
  const [learningQuestion, setLearningQuestion] = useState(defaults.learningQuestion ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [largeGroup, setLargeGroup] = useState(defaults.largeGroup ?? false);
  return {
    title,
    setTitle,
    locale,
    setLocale,
    learningQuestion,
    setLearningQuestion,
    passphrase,
    setPassphrase,
    largeGroup,
    setLargeGroup,
  };
}

/**
 * The session screen shows its starter the QR code and the voting controls: fetch them while
 * the form is filled in, so they are there with it (a failure here is retried when shown).
 */
export function usePreloadSessionParts(): void {
  useEffect(() => {
    for (const part of [LazyQrCode, LazyVotingForm]) void part.preload().catch(() => {});
  }, []);
}

/**
 * Title, language, when the session has one the shared learning question, and whether the
 * group is large.
 */
export function SessionFields({
  form,
  askLearningQuestion,
}: {
  form: StartForm;
  /** The chosen template revolves around one, or the earlier session had one. */
  askLearningQuestion: boolean;
}) {
  const t = useT();
  return (
    <>
      <Field id="field-new-sessionTitle" label={t('new.sessionTitle')}>
        <input
          id="field-new-sessionTitle"
          type="text"
          value={form.title}
          maxLength={MAX_TITLE_LENGTH}
          placeholder={t('new.sessionTitleHint')}
          onInput={(e) => form.setTitle(e.currentTarget.value)}
        />
      </Field>
      <Field id="field-new-language" label={t('new.language')}>
        <select
          id="field-new-language"
          value={form.locale}
          onChange={(e) => form.setLocale(e.currentTarget.value as Locale)}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale}>
              {LANGUAGE_NAMES[locale]}
            </option>
          ))}
        </select>
      </Field>
      {askLearningQuestion && (
        <Field
          id="field-new-learningQuestion"
          label={t('learning.field')}
          hint={t('learning.fieldHint')}
        >
          <textarea
            id="field-new-learningQuestion"
            rows={2}
            value={form.learningQuestion}
            maxLength={MAX_LEARNING_QUESTION_LENGTH}
            aria-describedby="field-new-learningQuestion-hint"
            onInput={(e) => form.setLearningQuestion(e.currentTarget.value)}
          />
        </Field>
      )}
      <CheckboxField
        id="field-new-largeGroup"
        label={t('new.largeGroup')}
        hint={t('new.largeGroupHint')}
        checked={form.largeGroup}
        onChange={form.setLargeGroup}
      />
    </>
  );
}

/** The extra passphrase (folded), a problem if there is one, and the Start button. */
export function StartFooter({ form, problem }: { form: StartForm; problem: string | null }) {
  const app = useApp();
  const t = useT();
  const busy = app.busy.value === 'starting';
  return (
    <>
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
            value={form.passphrase}
            autoComplete="off"
            aria-describedby="field-join-passphrase-hint"
            onInput={(e) => form.setPassphrase(e.currentTarget.value)}
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
    </>
  );
}
