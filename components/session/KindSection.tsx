import { useRef, useState } from 'preact/hooks';
import type { SessionModel } from '../../lib/app/session-model';
import { ITEMS_SHOWN_AT_ONCE } from '../../lib/limits';
import type { ItemKind, ItemSnapshot } from '../../lib/session';
import { useT } from '../app-context';
import { AddItemForm } from './AddItemForm';
import { DraftList } from './DraftList';
import { ItemRow } from './ItemRow';
import { ThemeGroups } from './ThemeGroups';
import { isRanked, votingSignal } from './voting-view';

/**
 * The questions (or insights, or actions) of the phase on screen, and a box to add one. A long
 * list shows its newest ITEMS_SHOWN_AT_ONCE items — next to the box, where new ones appear —
 * and a button for the earlier ones, so a session of thousands of items stays light.
 */
export function KindSection({
  session,
  kind,
  items,
  readOnly,
}: {
  session: SessionModel;
  kind: ItemKind;
  items: readonly ItemSnapshot[];
  readOnly: boolean;
}) {
  const t = useT();
  const [shown, setShown] = useState(ITEMS_SHOWN_AT_ONCE);
  const list = useRef<HTMLUListElement>(null);
  const headingId = `heading-${kind}`;
  const hidden = Math.max(0, items.length - shown);
  // Ranked by votes, the top is what matters: show the first items, not the newest.
  const ranked = isRanked(votingSignal(session).value, kind);
  const visible = hidden === 0 ? items : ranked ? items.slice(0, shown) : items.slice(hidden);
  // Insights of a phase with themes are shown by theme (ThemeGroups).
  const themeGroups = kind === 'insight' ? (session.phaseView.value?.themeGroups ?? null) : null;
  const showEarlier = () => {
    setShown(shown + ITEMS_SHOWN_AT_ONCE);
    // The button may go away: keep the keyboard in the list rather than lose it to the page.
    if (hidden <= ITEMS_SHOWN_AT_ONCE) list.current?.focus();
  };
  return (
    <section class={`kind kind-${kind}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`kind.${kind}.plural`)} <span class="count">({items.length})</span>
      </h3>
      {themeGroups ? (
        <ThemeGroups session={session} groups={themeGroups} readOnly={readOnly} />
      ) : items.length === 0 ? (
        <p class="empty">{t(`kind.${kind}.none`)}</p>
      ) : (
        <>
          {hidden > 0 && !ranked && (
            <button type="button" class="link show-earlier" onClick={showEarlier}>
              {t('items.showEarlier', { count: hidden })}
            </button>
          )}
          <ul class="items" ref={list} tabIndex={-1} aria-labelledby={headingId}>
            {visible.map((item) => (
              <ItemRow key={item.id} session={session} item={item} readOnly={readOnly} />
            ))}
          </ul>
          {hidden > 0 && ranked && (
            <button type="button" class="link show-earlier" onClick={showEarlier}>
              {t('voting.showLower', { count: hidden })}
            </button>
          )}
        </>
      )}
      <DraftList session={session} kind={kind} />
      {!readOnly && <AddItemForm session={session} kind={kind} />}
    </section>
  );
}
