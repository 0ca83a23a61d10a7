import { useRef, useState } from 'preact/hooks';
import type { SessionModel } from '../../lib/app/session-model';
import { ITEMS_SHOWN_AT_ONCE } from '../../lib/limits';
import type { ItemKind, ItemSnapshot } from '../../lib/session';
import { useT } from '../app-context';
import { AddItemForm } from './AddItemForm';
import { ItemRow } from './ItemRow';

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
  const visible = hidden > 0 ? items.slice(hidden) : items;
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
      {items.length === 0 ? (
        <p class="empty">{t(`kind.${kind}.none`)}</p>
      ) : (
        <>
          {hidden > 0 && (
            <button type="button" class="link show-earlier" onClick={showEarlier}>
              {t('items.showEarlier', { count: hidden })}
            </button>
          )}
          <ul class="items" ref={list} tabIndex={-1} aria-labelledby={headingId}>
            {visible.map((item) => (
              <ItemRow key={item.id} session={session} item={item} readOnly={readOnly} />
            ))}
          </ul>
        </>
      )}
      {!readOnly && <AddItemForm session={session} kind={kind} />}
    </section>
  );
}
