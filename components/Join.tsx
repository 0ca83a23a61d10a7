import { useEffect, useRef, useState } from 'preact/hooks';
import { describeRoomCodeError } from '../lib/i18n/errors';
import { MAX_DISPLAY_NAME_LENGTH, MAX_PASSPHRASE_LENGTH } from '../lib/limits';
import type { RoomCodeError } from '../lib/room/code';
import { readRoomCode } from '../lib/room/invite';
import { useApp, useT } from './app-context';
import { Field } from './Field';

/** What Join says about a code right away: only for one that came from an invite link. */
function linkProblem(code: string, fromLink: boolean): RoomCodeError | null {
  if (!fromLink) return null;
  const read = readRoomCode(code);
  return read.ok ? null : read.error;
}

/**
 * The participant's front door. Opened from an invite link (`app.openInvite`), the code is
 * filled in and checked at once with the same reading and message as a typed code; the name
 * is optional, so one tap on Join is enough.
 */
export function Join({ initialCode = '' }: { initialCode?: string }) {
  const app = useApp();
  const t = useT();
  const route = app.route.value;
  const fromLink = route.name === 'join' && route.fromLink === true;
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState(app.settings.value.displayName);
  const [passphrase, setPassphrase] = useState('');
  // The error, not its sentence: a language switch re-translates it.
  const [problem, setProblem] = useState<RoomCodeError | null>(() =>
    linkProblem(initialCode, fromLink),
  );
  const busy = app.busy.value === 'joining';

  // Another link opened while Join is on screen (`hashchange`) is a new route: take its code.
  const shownRoute = useRef(route);
  useEffect(() => {
    if (route === shownRoute.current || route.name !== 'join') return;
    shownRoute.current = route;
    setCode(route.code ?? '');
    setProblem(linkProblem(route.code ?? '', route.fromLink === true));
  }, [route]);

  // Derive the room's keys while the person types a name (the slow part of joining).
  useEffect(() => app.prepareJoin(code), [app, code]);

  const join = async (event: Event) => {
    event.preventDefault();
    const result = await app.joinSession({ code, name, passphrase });
    setProblem(result.ok ? null : result.error);
  };

  return (
    <main class="screen">
      <h2>{t('join.title')}</h2>
      <form onSubmit={join} noValidate>
        <Field id="join-code" label={t('join.code')} hint={t('join.codeHint')}>
          <input
            id="join-code"
            type="text"
            class="code-input"
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'code-error join-code-hint' : 'join-code-hint'}
            onInput={(e) => {
              setCode(e.currentTarget.value);
              setProblem(null);
            }}
          />
        </Field>
        {problem && (
          <p id="code-error" class="error" role="alert">
            {describeRoomCodeError(t, problem)}
          </p>
        )}
        <Field id="field-join-name" label={t('join.name')} hint={t('join.nameHint')}>
          <input
            id="field-join-name"
            type="text"
            value={name}
            maxLength={MAX_DISPLAY_NAME_LENGTH}
            autoComplete="nickname"
            aria-describedby="field-join-name-hint"
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </Field>
        <details class="more">
          <summary>{t('join.passphrase')}</summary>
          <Field
            id="field-join-passphrase"
            label={t('join.passphrase')}
            hint={t('join.passphraseHint')}
          >
            <input
              id="field-join-passphrase"
              type="text"
              value={passphrase}
              maxLength={MAX_PASSPHRASE_LENGTH}
              autoComplete="off"
              aria-describedby="field-join-passphrase-hint"
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </Field>
        </details>
        <button type="submit" class="primary big" disabled={busy} aria-busy={busy}>
          {busy ? t('join.joining') : t('join.submit')}
        </button>
      </form>
    </main>
  );
}
