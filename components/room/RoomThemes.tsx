import type { ComponentType } from 'preact';
import { useContext, useRef } from 'preact/hooks';
import type { ThemeGroup } from '../../lib/app/phase-view';
import type { ItemSnapshot } from '../../lib/session';
import { useT } from '../app-context';
import { themeLabel } from '../session/theme-label';
import { isRanked } from '../session/voting-view';
import { RoomVoting } from './RoomVotes';
import { useFitCount } from './use-fit';

/** At most this many lines (theme names and insights) go into the page; the screen shows fewer. */
const MAX_RENDERED = 80;

type Line =
  | { readonly kind: 'theme'; readonly key: string; readonly label: string; readonly count: number }
  | { readonly kind: 'item'; readonly key: string; readonly item: ItemSnapshot };

/**
 * The insights of a phase with themes, for the projector: each theme's name with its insights
 * (newest first, or most votes first once results are shown), then those in no theme. One list of theme lines and insights, so the room
 * view can show what fits and count the insights that do not, as for the other kinds.
 */
export function RoomThemes({
  groups,
  total,
  Item,
}: {
  groups: readonly ThemeGroup[];
  /** All insights of the phase. */
  total: number;
  /** How one insight is shown (RoomBoard's, so themed insights look like the others). */
  Item: ComponentType<{ item: ItemSnapshot }>;
}) {
  const t = useT();
  const listRef = useRef<HTMLUListElement>(null);
  const ranked = isRanked(useContext(RoomVoting), 'insight');
  const lines = linesOf(groups, ranked, (group, index) =>
    group.theme ? themeLabel(t, group.theme, index) : t('theme.loose'),
  ).slice(0, MAX_RENDERED);
  const fitKey = lines
    .map((line) =>
      line.kind === 'theme'
        ? `${line.label}:${line.count}`
        : `${line.item.text}:${ranked ? line.item.votes : ''}`,
    )
    .join('\n');
  const fit = useFitCount(listRef, lines.length, fitKey);
  const shownItems = lines.slice(0, fit).filter((line) => line.kind === 'item').length;
  const hidden = total - shownItems;
  return (
    <section class="room-kind room-kind-insight" aria-labelledby="room-heading-insight">
      <h2 id="room-heading-insight" class="room-kind-heading">
        {t('kind.insight.plural')} <span class="room-kind-count">({total})</span>
      </h2>
      <ul ref={listRef} class="room-items">
        {lines.slice(0, fit).map((line) =>
          line.kind === 'theme' ? (
            <li key={line.key} class="room-theme">
              <h3 class="room-theme-name">
                {line.label} <span class="room-kind-count">({line.count})</span>
              </h3>
            </li>
          ) : (
            <Item key={line.key} item={line.item} />
          ),
        )}
      </ul>
      <p class="room-more" aria-hidden={hidden > 0 ? undefined : 'true'}>
        {hidden > 0 ? t('roomView.more', { count: hidden }) : '\u00a0'}
      </p>
    </section>
  );
}

/**
 * Each theme's line, then its insights: newest first, or as ranked (phase-view.ts sorts them
 * by votes). "Not in a theme" only when it holds any.
 */
function linesOf(
  groups: readonly ThemeGroup[],
  ranked: boolean,
  label: (group: ThemeGroup, index: number) => string,
): Line[] {
  const lines: Line[] = [];
  groups.forEach((group, index) => {
    if (!group.theme && group.items.length === 0) return;
    lines.push({
      kind: 'theme',
      key: `theme:${group.theme?.id ?? ''}`,
      label: label(group, index),
      count: group.items.length,
    });
    const items = ranked ? group.items : [...group.items].reverse();
    for (const item of items) lines.push({ kind: 'item', key: item.id, item });
  });
  return lines;
}
