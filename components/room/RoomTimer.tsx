import type { PhaseTimer } from '../../lib/session';
import { useT } from '../app-context';
import { formatClock, type TickSource, useRemaining } from '../session/use-remaining';

/** The shared phase timer, large and without controls (the facilitator steers from the panel). */
export function RoomTimer({
  timer,
  phaseId,
  ticks,
}: {
  timer: PhaseTimer | null;
  phaseId: string;
  ticks: TickSource;
}) {
  const t = useT();
  const ours = timer && timer.phaseId === phaseId ? timer : null;
  const remaining = useRemaining(ours, ticks);
  if (!ours || remaining === null) return null;
  const up = remaining === 0;
  const paused = ours.startedAt === null;
  return (
    <p class={up ? 'room-timer room-timer-up' : 'room-timer'}>
      <span class="visually-hidden">{t('timer.label')}: </span>
      <span class="room-clock">{formatClock(remaining)}</span>
      {(up || paused) && (
        <span class="room-timer-state">{up ? t('timer.up') : t('timer.paused')}</span>
      )}
    </p>
  );
}
