import { useComputed } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { SessionModel } from '../../lib/app/session-model';
import { describeSessionError } from '../../lib/i18n/errors';
import type { ItemSnapshot, SessionError } from '../../lib/session';
import { useT } from '../app-context';
import { votingSignal } from './voting-view';

/** More dots than this on one item are drawn as one dot and a number. */
const DOTS_DRAWN = 5;

/**
 * One item's part in dot voting: this device's dots on it with buttons to add and take back
 * one while voting is open, and, once totals are shown, its place and total. Every value is
 * read through a computed of its own, so a keystroke elsewhere (a new snapshot) or a vote on
 * another item does not redraw this row unless what it shows changed.
 */
export function VoteControl({
  session,
  item,
  preview,
}: {
  session: SessionModel;
  item: ItemSnapshot;
  /** The item's text, shortened, for the buttons' accessible names. */
  preview: string;
}) {
  const t = useT();
  const mode = useComputed(() => {
    const voting = votingSignal(session).value;
    if (!voting?.kinds.includes(item.kind)) return 'none';
    if (voting.status === 'closed') return 'closed';
    return voting.showVotes ? 'open-shown' : 'open';
  }).value;
  const canVote = useComputed(() => session.capabilities.value.has('vote')).value;
  const mine = useComputed(() => session.myVotes.value?.byItem.get(item.id) ?? 0).value;
  const left = useComputed(() => session.myVotes.value?.left ?? 0).value;
  const rank = useComputed(() => votingSignal(session).value?.ranks.get(item.id) ?? 0).value;
  const [problem, setProblem] = useState<SessionError | null>(null);
  // A refusal is about the dots and the vote as they were: once they change, it is stale.
  useEffect(() => setProblem(null), [mine, left, mode]);

  if (mode === 'none') return null;
  const canChange = mode !== 'closed' && canVote;
  const shown = mode !== 'open';
  if (!canChange && mine === 0 && !shown) return null;

  /** Shown beside the button pressed, not also at the top of a long list. */
  const run = (result: { ok: true } | { ok: false; error: SessionError }) => {
    setProblem(result.ok ? null : result.error);
    if (!result.ok) session.dismissError();
  };

  return (
    <div class="vote">
      <div class="vote-row">
        {canChange && (
          <button
            type="button"
            class="vote-button"
            aria-label={t('voting.removeNamed', { text: preview })}
            title={t('voting.remove')}
            disabled={mine === 0}
            onClick={() => run(session.removeVote(item.id))}
          >
            <span aria-hidden="true">−</span>
          </button>
        )}
        {(canChange || mine > 0) && <MyDots count={mine} />}
        {canChange && (
          <button
            type="button"
            class="vote-button vote-add"
            aria-label={t('voting.addNamed', { text: preview })}
            title={t('voting.add')}
            onClick={() => run(session.addVote(item.id))}
          >
            <span aria-hidden="true">+</span>
          </button>
        )}
        {shown && (
          <span class="vote-result">
            {rank > 0 && <span class="vote-rank">{t('voting.rank', { rank })}</span>}
            <span class="vote-total">{t('voting.total', { count: item.votes })}</span>
          </span>
        )}
      </div>
      {problem && (
        <p class="error" role="alert">
          {describeSessionError(t, problem)}
        </p>
      )}
    </div>
  );
}

/** This device's dots on the item: drawn for the eye, said in words for a screen reader. */
function MyDots({ count }: { count: number }) {
  const t = useT();
  const drawn = count > DOTS_DRAWN ? 1 : count;
  return (
    <span class="vote-mine">
      <span aria-hidden="true" class="vote-dots">
        {drawn === 0 && <span class="vote-dot vote-dot-empty" />}
        {Array.from({ length: drawn }, (_, i) => (
          <span key={i} class="vote-dot" />
        ))}
        {count > DOTS_DRAWN && <span class="vote-dot-count">{count}</span>}
      </span>
      <span class="visually-hidden">{t('voting.yours', { count })}</span>
    </span>
  );
}
