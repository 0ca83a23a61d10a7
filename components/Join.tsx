import { useState } from 'preact/hooks';
import { describeRoomCodeError } from '../lib/i18n/errors';
import { MAX_DISPLAY_NAME_LENGTH, MAX_PASSPHRASE_LENGTH } from '../lib/limits';
import { useApp, useT } from './app-context';

export function Join({ initialCode = '' }: { initialCode?: string }) {
  const app = useApp();
  const t = useT();
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState(app.settings.value.displayName);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const busy = app.busy.value === 'joining';

  const join = async (event: Event) => {
    event.preventDefault();
    const result = await app.joinSession({ code, name, passphrase });
    setProblem(result.ok ? null : describeRoomCodeError(t, result.error));
  };

  return (
    <main class="screen">
      <h2>{t('join.title')}</h2>
      <form onSubmit={join} noValidate>
        <label class="field">
          <span>{t('join.code')}</span>
          <input
            type="text"
            class="code-input"
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'code-error code-hint' : 'code-hint'}
            onInput={(e) => {
              setCode(e.currentTarget.value);
              setProblem(null);
            }}
          />
          <span id="code-hint" class="hint">
            {t('join.codeHint')}
          </span>
        </label>
        {problem && (
          <p id="code-error" class="error" role="alert">
            {problem}
          </p>
        )}
        <label class="field">
          <span>{t('join.name')}</span>
          <input
            type="text"
            value={name}
            maxLength={MAX_DISPLAY_NAME_LENGTH}
            autoComplete="nickname"
            aria-describedby="name-hint"
            onInput={(e) => setName(e.currentTarget.value)}
          />
          <span id="name-hint" class="hint">
            {t('join.nameHint')}
          </span>
        </label>
        <details class="more">
          <summary>{t('join.passphrase')}</summary>
          <label class="field">
            <span>{t('join.passphrase')}</span>
            <input
              type="text"
              value={passphrase}
              maxLength={MAX_PASSPHRASE_LENGTH}
              autoComplete="off"
              aria-describedby="join-passphrase-hint"
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
            <span id="join-passphrase-hint" class="hint">
              {t('join.passphraseHint')}
            </span>
          </label>
        </details>
        <button type="submit" class="primary big" disabled={busy} aria-busy={busy}>
          {busy ? t('join.joining') : t('join.submit')}
        </button>
      </form>
    </main>
  );
}
