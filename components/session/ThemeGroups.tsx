import type { ComponentChildren } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import type { ThemeGroup } from '../../lib/app/phase-view';
import type { SessionModel } from '../../lib/app/session-model';
import { ITEMS_SHOWN_AT_ONCE } from '../../lib/limits';
import type { ItemSnapshot, ThemeSnapshot } from '../../lib/session';
import { useT } from '../app-context';
import { ItemRow } from './ItemRow';
import { ThemeHeader } from './ThemeHeader';
import { carriesInsight, droppedInsight } from './theme-drag';
import { themeLabel } from './theme-label';
import { isRanked, votingSignal } from './voting-view';

/**
 * The insights of a phase with themes: each theme with its insights, then those in no theme
 * (next to the box where new ones are written). Who may handle themes gets "New theme", the
 * name fields, a Theme control per insight and drop zones; everyone else sees the groups.
 */
export function ThemeGroups({
  session,
  groups,
  readOnly,
}: {
  session: SessionModel;
  groups: readonly ThemeGroup[];
  readOnly: boolean;
}) {
  const t = useT();
  const allowed = session.capabilities.value;
  const canEdit = !readOnly && allowed.has('edit-themes');
  const canMove = !readOnly && allowed.has('move-to-theme');
  const showVotes = session.phaseView.value?.showVotes ?? false;
  const themes = useStableThemes(groups);
  const [focusTheme, setFocusTheme] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const loose = groups.find((group) => group.theme === null);
  const total = groups.reduce((sum, group) => sum + group.items.length, 0);

  const addTheme = () => {
    const result = session.addTheme();
    // The new theme's id (typed loosely by the view-model's error branch).
    if (result.ok && typeof result.value === 'string') setFocusTheme(result.value);
  };
  const rowThemes = canMove && themes.length > 0 ? themes : undefined;

  return (
    <div class="theme-groups">
      {themes.map((theme, index) => {
        const group = groups.find((g) => g.theme?.id === theme.id);
        return (
          <DropZone
            key={theme.id}
            session={session}
            themeId={theme.id}
            label={t('theme.group', { name: themeLabel(t, theme, index) })}
            enabled={canMove}
          >
            <ThemeHeader
              session={session}
              theme={theme}
              index={index}
              count={group?.items.length ?? 0}
              votes={showVotes ? (group?.votes ?? 0) : null}
              canEdit={canEdit}
              focusName={focusTheme === theme.id}
              onFocused={() => setFocusTheme(null)}
              onDeleted={() => newButton.current?.focus()}
            />
            <GroupItems
              session={session}
              items={group?.items ?? []}
              readOnly={readOnly}
              themes={rowThemes}
              empty={t(canMove ? 'theme.emptyMove' : 'theme.empty')}
            />
          </DropZone>
        );
      })}
      {canEdit && (
        <div class="theme-tools">
          {themes.length === 0 && <p class="hint">{t('theme.hint')}</p>}
          <button type="button" class="secondary new-theme" ref={newButton} onClick={addTheme}>
            {t('theme.new')}
          </button>
        </div>
      )}
      {themes.length === 0 ? (
        // No theme yet: the insights look as in any phase, with nothing to drop them on.
        <GroupItems
          session={session}
          items={loose?.items ?? []}
          readOnly={readOnly}
          themes={undefined}
          empty={t('kind.insight.none')}
        />
      ) : (
        <DropZone session={session} themeId="" label={t('theme.loose')} enabled={canMove}>
          <div class="theme-head">
            <h4 class="theme-title">{t('theme.loose')}</h4>
            <span class="theme-facts">{t('theme.count', { count: loose?.items.length ?? 0 })}</span>
          </div>
          <GroupItems
            session={session}
            items={loose?.items ?? []}
            readOnly={readOnly}
            themes={rowThemes}
            empty={total === 0 ? t('kind.insight.none') : t('theme.allGrouped')}
          />
        </DropZone>
      )}
    </div>
  );
}

/**
 * The phase's themes as one array that stays the same object while no theme is added, removed
 * or renamed: every keystroke makes a new snapshot, and the rows redraw only when this changes.
 */
function useStableThemes(groups: readonly ThemeGroup[]): readonly ThemeSnapshot[] {
  const themes = groups.flatMap((group) => (group.theme ? [group.theme] : []));
  const key = themes.map((theme) => `${theme.id}\u0000${theme.name}`).join('\u0001');
  // Keyed by what the themes show, not by the array, which is new with every snapshot.
  return useMemo(() => themes, [key]);
}

/** A group that insights can be dropped on (when the person may move them). */
function DropZone({
  session,
  themeId,
  label,
  enabled,
  children,
}: {
  session: SessionModel;
  /** '' for "not in a theme". */
  themeId: string;
  label: string;
  enabled: boolean;
  children: ComponentChildren;
}) {
  const [over, setOver] = useState(false);
  const accepts = (event: DragEvent) => enabled && carriesInsight(event);
  return (
    // A group of insights, not of form fields: no fieldset, whose legend cannot be a name field.
    // The drag handlers add a mouse way; the Theme control is the keyboard way (ThemeControl).
    // biome-ignore lint/a11y/useSemanticElements: see above
    <div
      role="group"
      aria-label={label}
      class={`theme-group${themeId === '' ? ' theme-group-loose' : ''}${over ? ' drop-over' : ''}`}
      onDragOver={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
        if (!over) setOver(true);
      }}
      onDragLeave={(event) => {
        const into = event.relatedTarget;
        if (into instanceof Node && event.currentTarget.contains(into)) return;
        setOver(false);
      }}
      onDrop={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        setOver(false);
        const itemId = droppedInsight(event);
        if (itemId) session.setItemTheme(itemId, themeId);
      }}
    >
      {children}
    </div>
  );
}

/**
 * One group's insights; a long group shows its newest ones (or, ranked by votes, its top ones)
 * and a button for the rest.
 */
function GroupItems({
  session,
  items,
  readOnly,
  themes,
  empty,
}: {
  session: SessionModel;
  items: readonly ItemSnapshot[];
  readOnly: boolean;
  themes: readonly ThemeSnapshot[] | undefined;
  empty: string;
}) {
  const t = useT();
  const [shown, setShown] = useState(ITEMS_SHOWN_AT_ONCE);
  const ranked = isRanked(votingSignal(session).value, 'insight');
  if (items.length === 0) return <p class="empty">{empty}</p>;
  const hidden = Math.max(0, items.length - shown);
  const visible = hidden === 0 ? items : ranked ? items.slice(0, shown) : items.slice(hidden);
  const more = (label: string) => (
    <button
      type="button"
      class="link show-earlier"
      onClick={() => setShown(shown + ITEMS_SHOWN_AT_ONCE)}
    >
      {label}
    </button>
  );
  return (
    <>
      {hidden > 0 && !ranked && more(t('items.showEarlier', { count: hidden }))}
      <ul class="items">
        {visible.map((item) => (
          <ItemRow
            key={item.id}
            session={session}
            item={item}
            readOnly={readOnly}
            themes={themes}
          />
        ))}
      </ul>
      {hidden > 0 && ranked && more(t('voting.showLower', { count: hidden }))}
    </>
  );
}
