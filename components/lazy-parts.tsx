import { useT } from './app-context';
import { lazyComponent } from './lazy';

/**
 * The parts of the app that only some people need, or only later, each in a chunk of its own
 * (issue 7's goal: at most 90 KB of JavaScript before the first screen). What they are for:
 * - NewSession, with the built-in templates: only a facilitator starting a session.
 * - ContinueSession: only a facilitator continuing a session in a new one.
 * - Settings: now and then, never on the first screen.
 * - Guide: a template's facilitator guide (its text and markdown-it load only with it).
 * - TemplateEditor: only a facilitator making or changing a template of their own.
 * - VotingForm and PhaseEditor: only the facilitator, never a participant.
 * - RoomView: only when someone presses Present.
 * - QrCode, with the QR encoder: the facilitator's room card and the room view; folded for
 *   participants, who already have the code.
 * Nothing the first screen shows (home, join, a participant's session) waits for one of these.
 */

/** When a chunk could not be fetched: say so, and let the person try again. */
function LoadFailed({ retry }: { retry: () => void }) {
  const t = useT();
  return (
    <div class="load-failed">
      <p class="error" role="alert">
        {t('part.failed')}
      </p>
      <div class="row">
        <button type="button" class="secondary" onClick={retry}>
          {t('part.retry')}
        </button>
      </div>
    </div>
  );
}

/** The same for a part that is a whole screen, with a screen's margins. */
export function ScreenLoadFailed({ retry }: { retry: () => void }) {
  return (
    <main class="screen">
      <LoadFailed retry={retry} />
    </main>
  );
}

export const LazyNewSession = lazyComponent(
  () => import('./NewSession').then((m) => m.NewSession),
  { failed: ScreenLoadFailed },
);

/** "Continue in a new session": only a facilitator, once a session is done. */
export const LazyContinueSession = lazyComponent(
  () => import('./ContinueSession').then((m) => m.ContinueSession),
  { failed: ScreenLoadFailed },
);

export const LazyTemplateEditor = lazyComponent(
  () => import('./templates/TemplateEditor').then((m) => m.TemplateEditor),
  { failed: ScreenLoadFailed },
);

export const LazySettings = lazyComponent(() => import('./Settings').then((m) => m.Settings), {
  failed: ScreenLoadFailed,
});

export const LazyGuide = lazyComponent(
  () => import('./guides/GuideScreen').then((m) => m.GuideScreen),
  { failed: ScreenLoadFailed },
);

export const LazyVotingForm = lazyComponent(
  () => import('./session/VotingForm').then((m) => m.VotingForm),
  { failed: LoadFailed },
);

export const LazyPhaseEditor = lazyComponent(
  () => import('./session/PhaseEditor').then((m) => m.PhaseEditor),
  { failed: LoadFailed },
);

export const LazyRoomView = lazyComponent(() => import('./room/RoomView').then((m) => m.RoomView), {
  failed: LoadFailed,
});

/** Keeps the code's place while it loads, so nothing below it moves when it appears. */
function QrPlaceholder({ size = 168 }: { size?: number }) {
  return <svg class="qr" aria-hidden="true" width={size} height={size} />;
}

/** Without the QR code the room code is still there in text, so a failure shows the box. */
export const LazyQrCode = lazyComponent(() => import('./QrCode').then((m) => m.QrCode), {
  placeholder: QrPlaceholder,
  failed: () => <QrPlaceholder />,
});

/** Fetches every part now: for tests, which then find each part on screen at once. */
export function preloadLazyParts(): Promise<void> {
  return Promise.all(
    [
      LazyNewSession,
      LazyContinueSession,
      LazySettings,
      LazyGuide,
      LazyTemplateEditor,
      LazyVotingForm,
      LazyPhaseEditor,
      LazyRoomView,
      LazyQrCode,
    ].map((part) => part.preload()),
  ).then(() => undefined);
}
