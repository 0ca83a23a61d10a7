import type { PhaseView } from '../../lib/app/session-model';
import { useT } from '../app-context';
import { LockIcon } from '../session/PrivateWriting';
import './room-private.css';

/**
 * Writing alone first, on the projector: that the group writes privately now, and how many
 * drafts exist so far (a count from awareness). Never a draft's text: the room view has none,
 * since drafts never leave the writers' devices before the reveal.
 */
export function RoomPrivate({
  view,
  drafts,
  ended,
}: {
  view: PhaseView;
  drafts: number;
  ended: boolean;
}) {
  const t = useT();
  const { phase } = view;
  if (!phase.privateWriting || phase.revealedAt !== null || ended) return null;
  return (
    <div class="room-private">
      <p class="room-private-note">
        <LockIcon />
        <span>{t('roomView.private')}</span>
      </p>
      <p class="room-private-count">
        {drafts === 0 ? t('private.noDrafts') : t('private.draftCount', { count: drafts })}
      </p>
    </div>
  );
}
