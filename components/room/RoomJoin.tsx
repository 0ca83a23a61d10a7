import { formatRoomCode, type RoomCode } from '../../lib/room/code';
import { inviteLink } from '../../lib/room/invite';
import { useT } from '../app-context';
import { LazyQrCode } from '../lazy-parts';
import { memo } from '../memo';

/** The room code and its QR code, large: how people get in. The QR code opens the invite link. */
function RoomJoinView({ code, invitePage }: { code: RoomCode; invitePage: string | undefined }) {
  const t = useT();
  const formatted = formatRoomCode(code);
  const link = invitePage ? inviteLink(invitePage, code) : undefined;
  return (
    <aside class="room-join" aria-labelledby="room-join-heading">
      <h2 id="room-join-heading" class="room-join-heading">
        {t('roomView.join')}
      </h2>
      <LazyQrCode text={link ?? formatted} label={t('room.qr', { code: formatted })} />
      {invitePage && (
        <p class="room-join-page">{t('roomView.joinAt', { page: shown(invitePage) })}</p>
      )}
      <p class="room-join-code">
        <span class="visually-hidden">{t('room.code')}: </span>
        {formatted}
      </p>
    </aside>
  );
}

/** A page address as people type it: no `https://`, no trailing slash. */
function shown(page: string): string {
  return page.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** Redrawn only when the code or page changes, not on every edit in the session. */
export const RoomJoin = memo(RoomJoinView);
