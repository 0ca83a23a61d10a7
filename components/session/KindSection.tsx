import type { SessionModel } from '../../lib/app/session-model';
import type { ItemKind, ItemSnapshot } from '../../lib/session';
import { useT } from '../app-context';
import { AddItemForm } from './AddItemForm';
import { ItemRow } from './ItemRow';

/** The questions (or insights, or actions) of the phase on screen, and a box to add one. */
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
  const headingId = `heading-${kind}`;
  return (
    <section class={`kind kind-${kind}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`kind.${kind}.plural`)} <span class="count">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p class="empty">{t(`kind.${kind}.none`)}</p>
      ) : (
        <ul class="items">
          {items.map((item) => (
            <ItemRow key={item.id} session={session} item={item} readOnly={readOnly} />
          ))}
        </ul>
      )}
      {!readOnly && <AddItemForm session={session} kind={kind} />}
    </section>
  );
}
