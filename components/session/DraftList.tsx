import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SessionModel } from '../../lib/app/session-model';
import { describeSessionError } from '../../lib/i18n/errors';
import { formatDate } from '../../lib/i18n/translate';
import type { DraftSnapshot, ItemKind } from '../../lib/session';
import { useApp, useT } from '../app-context';
import { LockIcon } from './PrivateWriting';

const PREVIEW_LENGTH = 40;

/**
 * This device's drafts of one kind in the phase on screen (writing alone first). They live in
 * the device state only: nobody else can see them until the writer shares one (Share now) or
 * the facilitator reveals the phase.
 */
export function DraftList({ session, kind }: { session: SessionModel; kind: ItemKind }) {
  const t = useT();
  const drafts = session.drafts.value.filter((draft) => draft.kind === kind);
  if (drafts.length === 0) return null;
  const canShare = session.capabilities.value.has('add-item');
  const headingId = `drafts-${kind}`;
  return (
    <div class="drafts">
      <h4 id={headingId} class="drafts-heading">
        {t('draft.yours')} <span class="count">({drafts.length})</span>
      </h4>
      <ul class="items" aria-labelledby={headingId}>
        {drafts.map((draft) => (
          <DraftRow key={draft.id} session={session} draft={draft} canShare={canShare} />
        ))}
      </ul>
    </div>
  );
}

function DraftRow({
  session,
  draft,
  canShare,
}: {
  session: SessionModel;
  draft: DraftSnapshot;
  canShare: boolean;
}) {
  const app = useApp();
  const t = useT();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Uncontrolled: the device keeps the text trimmed, and writing that back while the person
  // types would swallow the space they just typed. Only a change from elsewhere (another tab
  // of this session) replaces what is in the box.
  useLayoutEffect(() => {
    const area = ref.current;
    if (area && area.value.trim() !== draft.text) area.value = draft.text;
  }, [draft.text]);

  const onInput = (event: Event) => {
    const area = event.currentTarget as HTMLTextAreaElement;
    const result = session.editDraft(draft.id, area.value);
    if (result.ok) {
      setProblem(null);
      return;
    }
    setProblem(describeSessionError(t, result.error));
    // An emptied box may be someone starting over: leave it empty (the kept text stays until
    // they write again or leave the box). Anything else refused goes back, as for items.
    if (result.error.code === 'text-empty') return;
    const caret = Math.min(area.selectionStart, draft.text.length);
    area.value = draft.text;
    area.setSelectionRange(caret, caret);
  };
  const onBlur = () => {
    const area = ref.current;
    if (!area || !problem) return;
    area.value = draft.text;
    setProblem(null);
  };

  /** After the row goes, the keyboard goes on in the box for a new one, not to the page top. */
  const thenFocusNewBox = () => {
    const section = ref.current?.closest('.kind');
    queueMicrotask(() =>
      section?.querySelector<HTMLTextAreaElement>('.add-item textarea')?.focus(),
    );
  };

  const preview =
    draft.text.length > PREVIEW_LENGTH ? `${draft.text.slice(0, PREVIEW_LENGTH)}…` : draft.text;
  const ids = { error: `draft-error-${draft.id}`, only: `draft-only-${draft.id}` };
  return (
    <li class="item draft">
      <div class="item-main">
        <textarea
          ref={ref}
          class="item-text"
          aria-label={t(`draft.${draft.kind}`)}
          rows={1}
          spellcheck
          readOnly={!canShare}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${ids.only} ${ids.error}` : ids.only}
          onInput={onInput}
          onBlur={onBlur}
        />
        <button
          type="button"
          class="icon-button"
          aria-label={t('draft.deleteNamed', { text: preview })}
          title={t('item.delete')}
          onClick={() => {
            if (session.deleteDraft(draft.id).ok) thenFocusNewBox();
          }}
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
            <path
              d="M4 4l8 8M12 4l-8 8"
              stroke="currentColor"
              stroke-width="1.8"
              stroke-linecap="round"
            />
          </svg>
        </button>
      </div>
      {draft.kind === 'action' && (draft.owner || draft.due) && (
        <p class="draft-details">
          {draft.owner && `${t('item.owner')}: ${draft.owner}`}
          {draft.owner && draft.due && ' · '}
          {draft.due && `${t('item.due')}: ${formatDate(app.locale.value, draft.due)}`}
        </p>
      )}
      {problem && (
        <p id={ids.error} class="error" role="alert">
          {problem}
        </p>
      )}
      <div class="draft-foot">
        <span id={ids.only} class="draft-badge">
          <LockIcon />
          {t('draft.onlyYou')}
        </span>
        {canShare && (
          <button
            type="button"
            class="small secondary"
            onClick={() => {
              if (session.shareDraft(draft.id).ok) thenFocusNewBox();
            }}
          >
            {t('draft.shareNow')}
          </button>
        )}
      </div>
    </li>
  );
}
