import type { Translate } from '../../lib/i18n/translate';
import type { TransportStatus } from '../../lib/room/transport';
import { useT } from '../app-context';

function statusText(t: Translate, status: TransportStatus): string {
  switch (status.kind) {
    case 'connected':
      if (status.receiving) return t('status.receiving');
      // Through the relay, say so: a person behind a strict firewall knows why it works, and
      // that the server still reads nothing (issue 10). Direct reads as it always did.
      if (status.path === 'relay') {
        return status.peers === 0
          ? t('status.relayAlone')
          : t('status.relayConnected', { count: status.peers });
      }
      return status.peers === 0
        ? t('status.alone')
        : t('status.connected', { count: status.peers });
    default:
      return t(`status.${status.kind}`);
  }
}

/** Always visible in a session: a shape and a word, never colour alone (WCAG 1.4.1). */
export function ConnectionStatus({
  status,
  onRetry,
}: {
  status: TransportStatus;
  onRetry: () => void;
}) {
  const t = useT();
  const trouble =
    status.kind === 'offline' ||
    status.kind === 'signaling-unreachable' ||
    status.kind === 'wrong-passphrase';
  const receiving = status.kind === 'connected' ? status.receiving : null;
  const unreachable = status.kind === 'connected' ? (status.unreachablePeers ?? 0) : 0;
  return (
    <div class={`connection connection-${status.kind}`}>
      <p role="status" aria-label={t('status.label')} class="connection-text">
        <span class="connection-dot" aria-hidden="true" />
        {statusText(t, status)}
      </p>
      {trouble && (
        <button type="button" class="small" onClick={onRetry}>
          {t('status.retry')}
        </button>
      )}
      {receiving && (
        // Outside the live region: a screen reader hears "Receiving the session…" once, and
        // can read the bar's value when it wants, instead of every percent.
        <div class="connection-progress">
          <progress
            max={receiving.total}
            value={receiving.received}
            aria-label={t('status.receivingProgress')}
          />
          <span aria-hidden="true">
            {Math.floor((100 * receiving.received) / receiving.total)}%
          </span>
        </div>
      )}
      {unreachable > 0 && (
        <p class="connection-warning" role="alert">
          {t('status.unreachablePeers', { count: unreachable })}
        </p>
      )}
    </div>
  );
}
