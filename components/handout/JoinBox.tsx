import type { Translate } from '../../lib/i18n/translate';
import { QrCode } from '../QrCode';
import '../../lib/i18n/workshop-messages';

/**
 * Where the handout says how to get in: the room code in big letters, the invite link and its
 * QR code for a running session; otherwise a line to write the code on by hand, and where to
 * find it.
 */
export function JoinBox(props: { t: Translate; code?: string; link?: string }) {
  const { t, code, link } = props;
  return (
    <section class="join-box" aria-label={t('handout.join')}>
      <div class="join-text">
        <p class="join-label">{t('handout.code')}</p>
        {code ? (
          <p class="join-code">{code}</p>
        ) : (
          <>
            <p class="join-code join-blank">____-____-__</p>
            <p class="join-hint">{t('handout.blankHint')}</p>
          </>
        )}
        {link && (
          <>
            <p class="join-label">{t('handout.link')}</p>
            <p class="join-link">
              {/* The page may wrap anywhere; `#ABCD-EFGH-JK` stays on one line to read. */}
              {link.slice(0, link.indexOf('#'))}
              <span class="nowrap">{link.slice(link.indexOf('#'))}</span>
            </p>
          </>
        )}
      </div>
      {link && <QrCode text={link} label={t('handout.qr')} size={132} />}
    </section>
  );
}
