import { useEffect, useState } from 'preact/hooks';
import type { SessionModel } from '../../lib/app/session-model';
import type { PresentationSurface } from '../../lib/platform/present';
import type { RoomCode } from '../../lib/room/code';
import { useApp, useT } from '../app-context';
import { RoomBoard } from './RoomBoard';
import { RoomJoin } from './RoomJoin';
import { RoomPrivate } from './RoomPrivate';
import { RoomTimer } from './RoomTimer';
import { RoomVotingState } from './RoomVotes';
import './room-view.css';
import './room-series.css';

export interface RoomViewProps {
  readonly session: SessionModel;
  readonly code: RoomCode;
  /** The participants' page the QR code leads to; undefined when there is none to show. */
  readonly invitePage: string | undefined;
  /** The window the view is shown in (lib/platform/present.ts). */
  readonly surface: PresentationSurface;
}

/**
 * What the facilitator projects (issue 7, item 4): the group's current phase (never a phase
 * someone looks back at), its prompt and timer, how many are here, the contributions arriving
 * live, and the room code with its QR code until the facilitator hides them. Never the
 * facilitator's notes. Nothing here changes the session: the view only shows it.
 */
export function RoomView({ session, code, invitePage, surface }: RoomViewProps) {
  const app = useApp();
  const t = useT();
  const [codeShown, setCodeShown] = useState(true);
  const fullscreen = useFullscreen(surface);
  const snapshot = session.snapshot.value;
  const view = session.groupPhaseView.value;
  const presence = session.presence.value;
  const locale = app.locale.value;
  const sessionTitle = snapshot?.title ?? '';
  useEffect(() => {
    surface.label(locale, t('roomView.pageTitle', { title: sessionTitle }));
  }, [surface, locale, t, sessionTitle]);

  return (
    <div class={codeShown ? 'room-view room-view-code' : 'room-view'} lang={locale}>
      <main class="room-main">
        {snapshot && view ? (
          <>
            <header class="room-head">
              <div class="room-status">
                <p class="room-position">
                  {t('session.phaseOf', { current: view.index + 1, total: view.total })}
                </p>
                <p class="room-presence">{t('presence.count', { count: presence.count })}</p>
                <RoomTimer timer={snapshot.timer} phaseId={view.phase.id} ticks={surface.ticks} />
              </div>
              {snapshot.learningQuestion && (
                <p class="room-learning-question">
                  <span class="room-learning-label">{t('learning.heading')}</span>{' '}
                  {snapshot.learningQuestion}
                </p>
              )}
              <h1 class="room-title">{view.phase.title}</h1>
              {view.phase.prompt && <p class="room-prompt">{view.phase.prompt}</p>}
              <RoomPrivate
                view={view}
                drafts={presence.drafts}
                ended={snapshot.status === 'ended'}
              />
              <RoomVotingState view={view} />
              {snapshot.status === 'ended' && <p class="room-ended">{t('roomView.ended')}</p>}
            </header>
            <RoomBoard view={view} />
          </>
        ) : (
          <p class="room-waiting">{t('session.waiting')}</p>
        )}
      </main>
      {codeShown && <RoomJoin code={code} invitePage={invitePage} />}
      <div class="room-tools">
        <button
          type="button"
          class="room-tool"
          aria-expanded={codeShown}
          onClick={() => setCodeShown(!codeShown)}
        >
          {codeShown ? t('roomView.hideCode') : t('roomView.showCode')}
        </button>
        {surface.canFullscreen && (
          <button type="button" class="room-tool" onClick={() => surface.toggleFullscreen()}>
            {fullscreen ? t('roomView.exitFullscreen') : t('roomView.fullscreen')}
          </button>
        )}
        <button type="button" class="room-tool" onClick={() => surface.close()}>
          {t('roomView.close')}
        </button>
      </div>
    </div>
  );
}

function useFullscreen(surface: PresentationSurface): boolean {
  const [fullscreen, setFullscreen] = useState(() => surface.isFullscreen());
  useEffect(
    () => surface.onFullscreenChange(() => setFullscreen(surface.isFullscreen())),
    [surface],
  );
  return fullscreen;
}
