import { useState } from 'preact/hooks';
import type { SessionEntry } from '../lib/app/sessions-store';
import { formatDate } from '../lib/i18n/translate';
import { formatRoomCode } from '../lib/room/code';
import { useApp, useT } from './app-context';
import { focusOnMount } from './focus-on-mount';

export function Home() {
  const app = useApp();
  const t = useT();
  // The side panel is the facilitator's: starting comes first. The web page is the
  // participants': joining does, and starting stays one tap further down.
  const joinFirst = app.frontDoor === 'join';
  const start = (
    <HomeAction
      key="new"
      label={t('home.newSession')}
      hint={t('home.newSessionHint')}
      hintId="new-hint"
      primary={!joinFirst}
      onClick={() => app.go({ name: 'new' })}
    />
  );
  const join = (
    <HomeAction
      key="join"
      label={t('home.joinSession')}
      hint={t('home.joinSessionHint')}
      hintId="join-hint"
      primary={joinFirst}
      onClick={() => app.go({ name: 'join' })}
    />
  );
  return (
    <main class="screen home">
      <div class="home-actions">{joinFirst ? [join, start] : [start, join]}</div>
      <MySessions />
      <p class="privacy">{t('home.privacy')}</p>
    </main>
  );
}

function HomeAction(props: {
  label: string;
  hint: string;
  hintId: string;
  primary: boolean;
  onClick: () => void;
}) {
  return (
    <>
      <button
        type="button"
        class={props.primary ? 'primary big' : 'secondary big'}
        onClick={props.onClick}
        aria-describedby={props.hintId}
      >
        {props.label}
      </button>
      <p id={props.hintId} class="hint">
        {props.hint}
      </p>
    </>
  );
}

function MySessions() {
  const app = useApp();
  const t = useT();
  const entries = app.sessions.value;
  return (
    <section aria-labelledby="my-sessions">
      <h2 id="my-sessions">{t('home.mySessions')}</h2>
      {entries.length === 0 ? (
        <p class="empty">{t('home.noSessions')}</p>
      ) : (
        <ul class="session-list">
          {entries.map((entry) => (
            <SessionRow key={entry.roomName} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SessionRow({ entry }: { entry: SessionEntry }) {
  const app = useApp();
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const title = entry.title || formatRoomCode(entry.code);
  const exportHarvest = async () => {
    const harvest = await app.storedHarvest(entry.roomName);
    if (harvest) app.download(harvest.fileName, harvest.markdown);
  };
  return (
    <li class="session-row">
      {/* Named "Open <title>", so it shows only the title: a name must contain the words a
          control shows (WCAG 2.5.3, for people who steer by voice). The line under it is its
          description. */}
      <button
        type="button"
        class="session-open"
        onClick={() => app.openSession(entry.roomName)}
        aria-label={t('sessions.open', { title })}
        aria-describedby={`session-meta-${entry.roomName}`}
      >
        <span id={`session-title-${entry.roomName}`} class="session-title">
          {title}
        </span>
      </button>
      <p id={`session-meta-${entry.roomName}`} class="session-meta">
        {t(`sessions.role.${entry.role}`)} · {formatRoomCode(entry.code)} ·{' '}
        {t('sessions.lastOpened', { date: formatDate(app.locale.value, entry.lastOpenedAt) })}
      </p>
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-labelledby={`confirm-${entry.roomName}`}>
          <p id={`confirm-${entry.roomName}`}>{t('sessions.deleteConfirm', { title })}</p>
          <div class="row">
            <button type="button" class="danger" onClick={() => app.deleteSession(entry.roomName)}>
              {t('sessions.deleteYes')}
            </button>
            <button
              type="button"
              class="secondary"
              ref={focusOnMount}
              onClick={() => setConfirming(false)}
            >
              {t('sessions.deleteNo')}
            </button>
          </div>
        </div>
      ) : (
        <div class="row session-tools">
          {/* "Export Markdown of <title>": the name holds the words on the button (WCAG 2.5.3). */}
          <button
            type="button"
            class="small"
            onClick={exportHarvest}
            aria-label={t('sessions.export', { title })}
          >
            {t('export.markdown')}
          </button>
          {/* The stable name on the button, the session it continues as its description. */}
          {entry.role === 'facilitator' && (
            <button
              type="button"
              class="small"
              onClick={() => app.continueFrom(entry.roomName)}
              aria-describedby={`session-title-${entry.roomName}`}
            >
              {t('continue.action')}
            </button>
          )}
          <button
            type="button"
            class="small danger-text"
            onClick={() => setConfirming(true)}
            aria-label={t('sessions.delete', { title })}
          >
            {t('sessions.deleteYes')}
          </button>
        </div>
      )}
    </li>
  );
}
