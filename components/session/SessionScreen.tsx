import { useEffect, useState } from 'preact/hooks';
import type { ArrivalsNotice, SessionModel } from '../../lib/app/session-model';
import type { SessionEntry } from '../../lib/app/sessions-store';
import { describeSessionError } from '../../lib/i18n/errors';
import type { Translate } from '../../lib/i18n/translate';
import { useApp, useT } from '../app-context';
import { focusOnMount } from '../focus-on-mount';
import { PresentButton } from '../room/PresentButton';
import { ConnectionStatus } from './ConnectionStatus';
import { CarriedFrom, ContinueButton } from './Continuation';
import { ExportBar } from './ExportBar';
import { KindSection } from './KindSection';
import { LearningQuestion } from './LearningQuestion';
import { PhasePanel } from './PhasePanel';
import { PresenceLine } from './PresenceLine';
import { PrintHandoutButton } from './PrintHandoutButton';
import { PrivateWriting, SharedDraftsNotice } from './PrivateWriting';
import { RoomCodeCard } from './RoomCodeCard';
import { VotesLeft } from './VotesLeft';
import { VotingBar } from './VotingBar';

/** After this many milliseconds without finding the session, suggest checking the code. */
const WAITING_HINT_MS = 15_000;

export function SessionScreen({ entry, session }: { entry: SessionEntry; session: SessionModel }) {
  const t = useT();
  const state = session.state.value;
  const status = session.status.value;
  return (
    <main class="screen session">
      <ConnectionStatus status={status} onRetry={() => session.retry()} />
      {state.kind === 'waiting' && <Waiting />}
      {state.kind === 'unreadable' && (
        <p class="error" role="alert">
          {describeSessionError(t, state.error)}
        </p>
      )}
      {state.kind === 'ready' && <ReadySession entry={entry} session={session} />}
      <LeaveButton />
    </main>
  );
}

function Waiting() {
  const t = useT();
  const [long, setLong] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLong(true), WAITING_HINT_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div class="waiting" role="status">
      <span class="spinner" aria-hidden="true" />
      <p>{t('session.waiting')}</p>
      {long && <p class="hint">{t('session.waitingLong')}</p>}
    </div>
  );
}

function ReadySession({ entry, session }: { entry: SessionEntry; session: SessionModel }) {
  const t = useT();
  const snapshot = session.snapshot.value;
  const view = session.phaseView.value;
  if (!snapshot || !view) return null;
  const ended = snapshot.status === 'ended';
  const facilitator = session.role === 'facilitator';
  // Ended, or claimed by a newer Kring: shown and exportable, not writable.
  const readOnly = !session.capabilities.value.has('add-item');
  return (
    <>
      <header class="session-head">
        <h1 class="session-title">{snapshot.title}</h1>
        {snapshot.template.name !== snapshot.title && (
          <p class="session-template">{snapshot.template.name}</p>
        )}
        <PresenceLine presence={session.presence.value} />
      </header>
      <LearningQuestion session={session} question={snapshot.learningQuestion} />
      <RoomCodeCard code={entry.code} open={facilitator} hasPassphrase={entry.passphrase !== ''} />
      {facilitator && <PresentButton session={session} code={entry.code} />}
      {facilitator && (
        <PrintHandoutButton
          templateId={snapshot.template.id}
          locale={snapshot.locale}
          code={entry.code}
        />
      )}
      {ended && (
        <p class="banner" role="status">
          {t('session.ended')}
        </p>
      )}
      {snapshot.readOnly && (
        <p class="banner" role="status">
          {t('session.readOnlyNewer', {
            found: snapshot.readOnly.found,
            supported: snapshot.readOnly.supported,
          })}
        </p>
      )}
      <Announcer session={session} />
      <PhasePanel session={session} view={view} snapshot={snapshot} />
      <PrivateWriting session={session} view={view} />
      <VotingBar session={session} view={view} />
      {/* Right above the carried items, in the phase they were put in (carry-over.ts). */}
      {snapshot.continuesFrom && view.phase.review && (
        <CarriedFrom source={snapshot.continuesFrom} />
      )}
      {view.phase.kinds.length === 0 && <p class="empty">{t('session.noKinds')}</p>}
      {view.phase.kinds.map((kind) => (
        <KindSection
          key={kind}
          session={session}
          kind={kind}
          items={view.itemsByKind.get(kind) ?? []}
          readOnly={readOnly}
        />
      ))}
      <VotesLeft session={session} />
      <ExportBar session={session} />
      {facilitator && <ContinueButton roomName={entry.roomName} />}
      {facilitator && <EndSession session={session} ended={ended} />}
    </>
  );
}

/**
 * Phase changes and deletions, told politely; a deletion can be undone from here. Others' new
 * contributions are told in a region of their own (so they never replace an Undo), collected
 * over a few seconds by the view-model; sighted people see the items appear, so it is not shown.
 */
function Announcer({ session }: { session: SessionModel }) {
  const t = useT();
  const notice = session.notice.value;
  const error = session.lastError.value;
  const arrivals = session.arrivals.value;
  return (
    <div class="announcer">
      <SharedDraftsNotice session={session} />
      <div role="status" aria-live="polite" class="visually-hidden">
        {/* A new element each time, so the same words twice are still announced twice. */}
        {arrivals && <span key={arrivals.at}>{arrivalsText(t, arrivals)}</span>}
      </div>
      <div role="status" aria-live="polite" class="notice">
        {notice?.kind === 'phase-changed' && (
          <span>{t('session.phaseChanged', { title: notice.title })}</span>
        )}
        {notice?.kind === 'item-deleted' && (
          <span>
            {t('item.deleted')}
            <button type="button" class="link" onClick={() => session.undoDelete()}>
              {t('item.undo')}
            </button>
          </span>
        )}
      </div>
      {error && (
        <p class="error" role="alert">
          {describeSessionError(t, error)}{' '}
          <button type="button" class="link" onClick={() => session.dismissError()}>
            {t('common.close')}
          </button>
        </p>
      )}
    </div>
  );
}

/** "2 new questions. New insight." */
function arrivalsText(t: Translate, arrivals: ArrivalsNotice): string {
  return arrivals.counts
    .map(({ kind, count }) => t(`arrivals.${kind}`, { count }))
    .join('. ')
    .concat('.');
}

function EndSession({ session, ended }: { session: SessionModel; ended: boolean }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  if (ended) {
    return (
      <button type="button" class="secondary" onClick={() => session.reopenSession()}>
        {t('session.reopen')}
      </button>
    );
  }
  if (!confirming) {
    return (
      <button type="button" class="danger-text" onClick={() => setConfirming(true)}>
        {t('session.end')}
      </button>
    );
  }
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="end-confirm">
      <p id="end-confirm">{t('session.endConfirm')}</p>
      <div class="row">
        <button
          type="button"
          class="danger"
          onClick={() => {
            session.endSession();
            setConfirming(false);
          }}
        >
          {t('session.endYes')}
        </button>
        <button
          type="button"
          class="secondary"
          ref={focusOnMount}
          onClick={() => setConfirming(false)}
        >
          {t('session.cancel')}
        </button>
      </div>
    </div>
  );
}

function LeaveButton() {
  const app = useApp();
  const t = useT();
  return (
    <button type="button" class="link leave" onClick={() => app.leave()}>
      {t('session.leave')}
    </button>
  );
}
