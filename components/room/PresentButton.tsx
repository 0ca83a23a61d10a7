import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SessionModel } from '../../lib/app/session-model';
import type { PresentationSurface } from '../../lib/platform/present';
import type { RoomCode } from '../../lib/room/code';
import { AppContext, useApp, useT } from '../app-context';
import { LazyRoomView } from '../lazy-parts';
import { usePresent } from './present-context';
// The room view's code is fetched when someone presents, but its styles stay in this page's
// stylesheet: the room window gets a copy of this page's stylesheets the moment it opens
// (lib/platform/present.ts), before the view's code may have arrived.
import './room-private.css';
import './room-series.css';
import './room-view.css';
import './room-votes.css';

/**
 * "Present": opens the room view for the projector in a window of its own, or brings it
 * forward. The view is rendered from here into that window (lib/platform/present.ts), so it
 * shows this session's signals live; leaving the session puts the window back to its
 * "open the session in Kring" text.
 */
export function PresentButton({ session, code }: { session: SessionModel; code: RoomCode }) {
  const app = useApp();
  const t = useT();
  const present = usePresent();
  const [surface, setSurface] = useState<PresentationSurface | null>(null);
  const [blocked, setBlocked] = useState(false);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const invitePage = app.invitePage.value;

  useEffect(() => {
    if (!surface) return;
    render(
      <AppContext.Provider value={app}>
        <LazyRoomView session={session} code={code} invitePage={invitePage} surface={surface} />
      </AppContext.Provider>,
      surface.root,
    );
  }, [surface, app, session, code, invitePage]);

  useEffect(() => {
    if (!surface) return;
    const stop = surface.onGone(() => setSurface(null));
    return () => {
      stop();
      render(null, surface.root);
      surface.release();
    };
  }, [surface]);

  async function onPresent() {
    setBlocked(false);
    // Fetched while the window opens (the pop-up must open now, in the click's activation).
    void LazyRoomView.preload().catch(() => {});
    const next = await present().catch(() => null);
    if (!mounted.current) {
      next?.release();
      return;
    }
    if (next) setSurface(next);
    else setBlocked(true);
  }

  return (
    <div class="present">
      <button type="button" class="secondary present-button" onClick={onPresent}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
          <path
            d="M3 4h18v12H3zM12 16v4M8 20h8"
            stroke="currentColor"
            stroke-width="2"
            fill="none"
            stroke-linejoin="round"
            stroke-linecap="round"
          />
        </svg>
        {t('present.button')}
      </button>
      <p class="hint">{surface ? t('present.active') : t('present.hint')}</p>
      {blocked && (
        <p class="error" role="alert">
          {t('present.blocked')}
        </p>
      )}
    </div>
  );
}
