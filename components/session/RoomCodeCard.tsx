import { useState } from 'preact/hooks';
import { formatRoomCode, type RoomCode } from '../../lib/room/code';
import { useApp, useT } from '../app-context';
import { memo } from '../memo';
import { QrCode } from '../QrCode';

/**
 * The room code, large and readable, with copy and QR. Open by default for the facilitator, who
 * shows it to the group; folded for participants, who already have it.
 */
function RoomCodeCardView({
  code,
  open,
  hasPassphrase,
}: {
  code: RoomCode;
  open: boolean;
  hasPassphrase: boolean;
}) {
  const app = useApp();
  const t = useT();
  const [shown, setShown] = useState(open);
  const formatted = formatRoomCode(code);
  return (
    <section class="room-card">
      <div class="room-card-top">
        <h2 class="small-heading">{t('room.code')}</h2>
        <button type="button" class="link" aria-expanded={shown} onClick={() => setShown(!shown)}>
          {shown ? t('room.hideCode') : t('room.showCode')}
        </button>
      </div>
      <output class={shown ? 'room-code' : 'room-code room-code-small'} aria-label={t('room.code')}>
        {formatted}
      </output>
      {shown && (
        <>
          <div class="room-card-body">
            <QrCode text={formatted} label={t('room.qr', { code: formatted })} />
            <p class="hint">{t('room.invite')}</p>
          </div>
          {hasPassphrase && <p class="hint">{t('room.passphraseSet')}</p>}
          <button type="button" class="secondary" onClick={() => app.copy(formatted, 'code')}>
            {t('room.copyCode')}
          </button>
        </>
      )}
    </section>
  );
}

/** Its props change only when another session opens; the QR code need not be redrawn per edit. */
export const RoomCodeCard = memo(RoomCodeCardView);
