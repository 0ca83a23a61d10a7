import type { PhaseView, SessionModel } from '../../lib/app/session-model';
import type { PhaseTimer as Timer } from '../../lib/session';
import { useT } from '../app-context';
import { formatClock, useRemaining } from './use-remaining';

/**
 * The phase's countdown, the same for everyone; the facilitator starts, pauses and resets it.
 * "Time is up" is said in words, not only by colour, and announced once.
 */
export function PhaseTimer({
  session,
  view,
  timer,
}: {
  session: SessionModel;
  view: PhaseView;
  timer: Timer | null;
}) {
  const t = useT();
  const ours = timer && timer.phaseId === view.phase.id ? timer : null;
  const remaining = useRemaining(ours);
  const facilitator = session.role === 'facilitator';
  if (!ours && (!facilitator || view.phase.minutes <= 0 || !view.isCurrent)) return null;
  const paused = ours?.startedAt === null;
  const up = remaining === 0;
  return (
    <div class={up ? 'timer timer-up' : 'timer'}>
      {ours && remaining !== null && (
        <p class="timer-text">
          <span class="visually-hidden">{t('timer.label')}: </span>
          {/* The ticking clock is not live (it would chatter); only "time is up" is announced. */}
          <span class="timer-clock">{formatClock(remaining)}</span>{' '}
          <span role="status">{up ? t('timer.up') : paused ? t('timer.paused') : ''}</span>
        </p>
      )}
      {facilitator && (
        <div class="row timer-controls">
          {(!ours || paused) && !up && (
            <button type="button" class="small" onClick={() => session.startTimer()}>
              {ours ? t('timer.resume') : t('timer.start', { count: view.phase.minutes })}
            </button>
          )}
          {ours && !paused && !up && (
            <button type="button" class="small" onClick={() => session.pauseTimer()}>
              {t('timer.pause')}
            </button>
          )}
          {ours && (
            <button type="button" class="small" onClick={() => session.clearTimer()}>
              {t('timer.reset')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
