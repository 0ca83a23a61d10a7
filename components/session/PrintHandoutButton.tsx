import type { Locale } from '../../lib/locale';
import type { RoomCode } from '../../lib/room/code';
import { inviteLink } from '../../lib/room/invite';
import { useApp, useT } from '../app-context';

/**
 * The facilitator's "Print handout" in a running session: the handout in the session's
 * language with this room's code, invite link and QR code filled in, to print before people
 * arrive.
 */
export function PrintHandoutButton(props: {
  readonly templateId: string;
  readonly locale: Locale;
  readonly code: RoomCode;
}) {
  const app = useApp();
  const t = useT();
  const page = app.invitePage.value;
  const link = page === undefined ? undefined : inviteLink(page, props.code);
  return (
    <div class="row print-handout-row">
      <button
        type="button"
        class="secondary"
        onClick={() =>
          app.printHandout({
            template: { id: props.templateId },
            locale: props.locale,
            code: props.code,
            link,
          })
        }
      >
        {t('guides.print')}
      </button>
    </div>
  );
}
