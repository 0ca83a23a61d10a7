import { useState } from 'preact/hooks';
import { formatRoomCode, type RoomCode } from '../../lib/room/code';
import { inviteLink } from '../../lib/room/invite';
import { useApp, useT } from '../app-context';
import { LazyQrCode } from '../lazy-parts';
import { memo } from '../memo';

/**
 * The room code, large and readable aloud, with the invite link (`<page>#CODE`, the code only
 * in the fragment), its QR code, copy and share. Open by default for the facilitator, who
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
  // Read here, not passed in: the card re-renders when Settings change the page, and only then.
  const page = app.invitePage.value;
  const link = page === undefined ? undefined : inviteLink(page, code);
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
            <LazyQrCode text={link ?? formatted} label={t('room.qr')} />
            <p class="hint">{t('room.invite')}</p>
          </div>
          {link && (
            <div class="invite-link">
              <span id="invite-link-label" class="small-heading">
                {t('room.inviteLink')}
              </span>
              <output class="invite-link-text" aria-labelledby="invite-link-label">
                {/* The page may wrap anywhere; `#ABCD-EFGH-JK` stays on one line to read. */}
                {link.slice(0, link.indexOf('#'))}
                <span class="nowrap">{link.slice(link.indexOf('#'))}</span>
              </output>
            </div>
          )}
          {hasPassphrase && <p class="hint">{t('room.passphraseSet')}</p>}
          {hasPassphrase && link && <p class="hint">{t('room.passphraseNotInLink')}</p>}
          <div class="row">
            {link && (
              <button type="button" class="secondary" onClick={() => app.copy(link, 'link')}>
                {t('room.copyLink')}
              </button>
            )}
            {link && app.canShare && (
              <button type="button" class="secondary" onClick={() => app.shareInvite(link, code)}>
                {t('room.share')}
              </button>
            )}
            <button type="button" class="secondary" onClick={() => app.copy(formatted, 'code')}>
              {t('room.copyCode')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** Its props change only when another session opens; the QR code need not be redrawn per edit. */
export const RoomCodeCard = memo(RoomCodeCardView);
