import { formatDate } from '../../lib/i18n/translate';
import type { ContinuesFrom } from '../../lib/session';
import { useApp, useT } from '../app-context';

/** The facilitator's way from this session to the next one of the series (issue 8). */
export function ContinueButton({ roomName }: { roomName: string }) {
  const app = useApp();
  const t = useT();
  return (
    <div class="row continue-row">
      <button type="button" class="secondary" onClick={() => app.continueFrom(roomName)}>
        {t('continue.action')}
      </button>
    </div>
  );
}

/** In a continued session's review phase: where the carried questions and actions came from. */
export function CarriedFrom({ source }: { source: ContinuesFrom }) {
  const app = useApp();
  const t = useT();
  return (
    <p class="carried-from" role="note">
      {t('continue.from', {
        title: source.title,
        date: formatDate(app.locale.value, source.createdAt),
      })}
    </p>
  );
}
