import type { Presence } from '../../lib/app/presence';
import { useT } from '../app-context';
import { memo } from '../memo';

/** "3 here · Anna, Sam · 1 without a name": names only of those who gave one. */
function PresenceLineView({ presence }: { presence: Presence }) {
  const t = useT();
  const parts = [t('presence.count', { count: presence.count })];
  const people = [t('presence.you'), ...presence.names];
  if (presence.anonymous > 0) people.push(t('presence.anonymous', { count: presence.anonymous }));
  return (
    <p role="status" aria-label={t('presence.label')} class="presence">
      <span class="presence-count">{parts[0]}</span>
      <span class="presence-names"> · {people.join(', ')}</span>
    </p>
  );
}

export const PresenceLine = memo(PresenceLineView);
