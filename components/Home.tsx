import { useState } from 'preact/hooks';
import type { SessionEntry } from '../lib/app/sessions-store';
import { formatDate } from '../lib/i18n/translate';
import { formatRoomCode } from '../lib/room/code';
import { useApp, useT } from './app-context';

export function Home() {
  const app = useApp();
  const t = useT();
  return (
    <main class="screen home">
      <div class="home-actions">
        <button
          type="button"
          class="primary big"
          onClick={() => app.go({ name: 'new' })}
          aria-describedby="new-hint"
        >
          {t('home.newSession')}
        </button>
        <p id="new-hint" class="hint">
          {t('home.newSessionHint')}
        </p>
        <button
          type="button"
          class="secondary big"
          onClick={() => app.go({ name: 'join' })}
          aria-describedby="join-hint"
        >
          {t('home.joinSession')}
        </button>
        <p id="join-hint" class="hint">
          {t('home.joinSessionHint')}
        </p>
      </div>
      <MySessions />
      <p class="privacy">{t('home.privacy')}</p>
    </main>
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
      <button
        type="button"
        class="session-open"
        onClick={() => app.openSession(entry.roomName)}
        aria-label={t('sessions.open', { title })}
      >
        <span class="session-title">{title}</span>
        <span class="session-meta">
          {t(`sessions.role.${entry.role}`)} · {formatRoomCode(entry.code)} ·{' '}
          {t('sessions.lastOpened', { date: formatDate(app.locale.value, entry.lastOpenedAt) })}
        </span>
      </button>
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-labelledby={`confirm-${entry.roomName}`}>
          <p id={`confirm-${entry.roomName}`}>{t('sessions.deleteConfirm', { title })}</p>
          <div class="row">
            <button type="button" class="danger" onClick={() => app.deleteSession(entry.roomName)}>
              {t('sessions.deleteYes')}
            </button>
            {/* biome-ignore lint/a11y/noAutofocus: the safe choice gets focus in a confirmation */}
            <button type="button" class="secondary" autoFocus onClick={() => setConfirming(false)}>
              {t('sessions.deleteNo')}
            </button>
          </div>
        </div>
      ) : (
        <div class="row session-tools">
          <button
            type="button"
            class="small"
            onClick={exportHarvest}
            aria-label={t('sessions.export', { title })}
          >
            {t('export.markdown')}
          </button>
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
