import { useContext, useRef } from 'preact/hooks';
import type { PhaseView } from '../../lib/app/session-model';
import { formatDate } from '../../lib/i18n/translate';
import type { ItemKind, ItemSnapshot } from '../../lib/session';
import { useApp, useT } from '../app-context';
import { isRanked, votingOf } from '../session/voting-view';
import { RoomThemes } from './RoomThemes';
import { RoomVoteResult, RoomVoting } from './RoomVotes';
import { useFitCount } from './use-fit';

/** At most this many items per kind go into the page; the screen shows fewer (use-fit.ts). */
const MAX_RENDERED = 60;

/** The contributions of the phase, one column per kind: newest first, or most votes first. */
export function RoomBoard({ view }: { view: PhaseView }) {
  const kinds = view.phase.kinds;
  if (kinds.length === 0) return null;
  const voting = votingOf(view);
  return (
    <RoomVoting.Provider value={voting}>
      <div class={`room-board room-board-${kinds.length}`}>
        {kinds.map((kind) =>
          kind === 'insight' && view.themeGroups && view.themes.length > 0 ? (
            <RoomThemes
              key={kind}
              groups={view.themeGroups}
              total={view.itemsByKind.get(kind)?.length ?? 0}
              Item={RoomItem}
            />
          ) : (
            <RoomKind key={kind} kind={kind} items={view.itemsByKind.get(kind) ?? []} />
          ),
        )}
      </div>
    </RoomVoting.Provider>
  );
}

function RoomKind({ kind, items }: { kind: ItemKind; items: readonly ItemSnapshot[] }) {
  const t = useT();
  const listRef = useRef<HTMLUListElement>(null);
  // Ranked by votes (phase-view.ts), the top comes first; otherwise the newest.
  const ranked = isRanked(useContext(RoomVoting), kind);
  const newestFirst = ranked ? items.slice(0, MAX_RENDERED) : items.slice(-MAX_RENDERED).reverse();
  const key = newestFirst.map(
    (item) =>
      `${item.id}:${item.text}:${item.owner}:${item.due}:${item.done}:${ranked ? item.votes : ''}`,
  );
  const fit = useFitCount(listRef, newestFirst.length, key.join('\n'));
  const hidden = items.length - fit;
  const headingId = `room-heading-${kind}`;
  return (
    <section class={`room-kind room-kind-${kind}`} aria-labelledby={headingId}>
      <h2 id={headingId} class="room-kind-heading">
        {t(`kind.${kind}.plural`)} <span class="room-kind-count">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p class="room-empty">{t(`kind.${kind}.none`)}</p>
      ) : (
        <ul ref={listRef} class="room-items">
          {newestFirst.slice(0, fit).map((item) => (
            <RoomItem key={item.id} item={item} />
          ))}
        </ul>
      )}
      {/* Always in the layout, so its line does not come and go and change what fits. */}
      <p class="room-more" aria-hidden={hidden > 0 ? undefined : 'true'}>
        {hidden > 0 ? t('roomView.more', { count: hidden }) : '\u00a0'}
      </p>
    </section>
  );
}

function RoomItem({ item }: { item: ItemSnapshot }) {
  const app = useApp();
  const t = useT();
  return (
    <li class={item.done ? 'room-item room-item-done' : 'room-item'}>
      {/* Ticked off, still readable: the word says it, not only the line through the text. */}
      {item.done && (
        <p class="room-item-state">
          {t(item.kind === 'question' ? 'done.question' : 'done.action')}
        </p>
      )}
      <p class="room-item-text">{item.text}</p>
      {item.kind === 'action' && (item.owner || item.due) && (
        <p class="room-item-details">
          {item.owner && (
            <span>
              {t('item.owner')}: {item.owner}
            </span>
          )}
          {item.owner && item.due && ' · '}
          {item.due && (
            <span>
              {t('item.due')}: {formatDate(app.locale.value, item.due)}
            </span>
          )}
        </p>
      )}
      <RoomVoteResult item={item} />
    </li>
  );
}
