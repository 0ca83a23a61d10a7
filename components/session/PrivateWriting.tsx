import { useEffect, useState } from 'preact/hooks';
import type { PhaseView, SessionModel } from '../../lib/app/session-model';
import { useT } from '../app-context';
import './drafts.css';

/**
 * Writing alone first (issue 11): while the phase on screen is private and not yet revealed,
 * everyone is told that what they write stays on their device and how many drafts exist (a
 * count from awareness, never text); the facilitator gets Reveal next to that count.
 */
export function PrivateWriting({ session, view }: { session: SessionModel; view: PhaseView }) {
  const t = useT();
  const { phase } = view;
  const allowed = session.capabilities.value;
  // An ended session takes no drafts: the note would promise what cannot happen.
  if (!phase.privateWriting || phase.revealedAt !== null || !allowed.has('add-item')) return null;
  const count = session.presence.value.drafts;
  const canReveal = allowed.has('reveal');
  return (
    <section class="private-writing" aria-labelledby="private-writing-note">
      <p id="private-writing-note" class="private-note">
        <LockIcon />
        <span>{t(canReveal ? 'private.noteFacilitator' : 'private.note')}</span>
      </p>
      <div class="private-tools">
        <p class="draft-count">
          {count === 0 ? t('private.noDrafts') : t('private.draftCount', { count })}
        </p>
        {canReveal && (
          <button
            type="button"
            class="primary"
            aria-describedby="reveal-hint"
            onClick={() => session.reveal()}
          >
            {t('private.reveal')}
          </button>
        )}
      </div>
      {canReveal && (
        <p id="reveal-hint" class="hint">
          {t('private.revealHint')}
        </p>
      )}
    </section>
  );
}

/** How long "Your drafts are now shared" stays on screen, in milliseconds. */
const SHARED_NOTICE_MS = 10_000;

/**
 * Tells the writer, politely, that the facilitator's reveal took their drafts to the group:
 * at once, or when they come back to a session revealed while they were away. The region is
 * always in the page, so screen readers hear the words when they appear.
 */
export function SharedDraftsNotice({ session }: { session: SessionModel }) {
  const t = useT();
  const shared = session.sharedDrafts.value;
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const shown = shared !== null && shared.at !== dismissedAt;
  useEffect(() => {
    if (!shared) return;
    const timer = setTimeout(() => setDismissedAt(shared.at), SHARED_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [shared]);
  return (
    <div role="status" aria-live="polite" class="notice">
      {shown && (
        <span key={shared.at} class="shared-drafts">
          {t('private.shared', { count: shared.count })}{' '}
          <button type="button" class="link" onClick={() => setDismissedAt(shared.at)}>
            ×<span class="visually-hidden"> {t('common.close')}</span>
          </button>
        </span>
      )}
    </div>
  );
}

/**
 * The facilitator's "Write alone first" setting in the phase editor. Once revealed, the phase
 * stays revealed: the hint says so rather than suggesting a second private round.
 */
export function PrivateWritingField({
  checked,
  revealed,
  onChange,
  id = 'phase-private',
}: {
  checked: boolean;
  revealed: boolean;
  onChange: (checked: boolean) => void;
  /** The checkbox's id (its hint: `${id}-hint`): the template editor shows one per phase. */
  id?: string;
}) {
  const t = useT();
  return (
    <div class="check-field">
      <label class="check">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
        {t('phase.privateWriting')}
      </label>
      <span id={`${id}-hint`} class="hint">
        {checked && revealed ? t('phase.revealed') : t('phase.privateWritingHint')}
      </span>
    </div>
  );
}

export function LockIcon() {
  return (
    <svg aria-hidden="true" class="lock-icon" viewBox="0 0 16 16" width="14" height="14">
      <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" stroke-width="1.6" />
    </svg>
  );
}
