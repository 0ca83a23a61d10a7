import { useLayoutEffect, useRef } from 'preact/hooks';
import type { SessionModel } from '../../lib/app/session-model';
import type { ItemSnapshot, ThemeSnapshot } from '../../lib/session';
import { useT } from '../app-context';
import { startInsightDrag } from './theme-drag';
import { themeLabel } from './theme-label';

/**
 * The insight whose Theme control was just used, per session: moving an insight puts its row in
 * another group, so the row (and the control) is made anew there. The new control takes the
 * focus back, so a keyboard user stays on the insight they moved. Per session model, because
 * two people's screens (tests, a facilitator presenting) share one page.
 */
const refocus = new WeakMap<SessionModel, string>();

/**
 * Which theme an insight is in: a select (the keyboard- and screen-reader way, and the one that
 * works on phones), and a handle to drag the insight onto a theme with a mouse.
 */
export function ThemeControl({
  session,
  item,
  themes,
}: {
  session: SessionModel;
  item: ItemSnapshot;
  themes: readonly ThemeSnapshot[];
}) {
  const t = useT();
  const select = useRef<HTMLSelectElement>(null);
  const handle = useRef<HTMLSpanElement>(null);
  const current = themes.some((theme) => theme.id === item.themeId) ? item.themeId : '';

  useLayoutEffect(() => {
    if (refocus.get(session) !== item.id) return;
    refocus.delete(session);
    select.current?.focus();
  }, [session, item.id]);

  const move = (themeId: string) => {
    refocus.set(session, item.id);
    const result = session.setItemTheme(item.id, themeId);
    if (!result.ok || themeId === current) refocus.delete(session);
  };

  return (
    <div class="theme-control">
      <span
        ref={handle}
        class="theme-grip"
        draggable
        aria-hidden="true"
        title={t('theme.drag')}
        onDragStart={(event) =>
          startInsightDrag(event, item.id, handle.current?.closest('li') ?? null)
        }
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
          <path
            d="M5.5 3h.01M10.5 3h.01M5.5 8h.01M10.5 8h.01M5.5 13h.01M10.5 13h.01"
            stroke="currentColor"
            stroke-width="2.6"
            stroke-linecap="round"
          />
        </svg>
      </span>
      <label class="theme-choice">
        <span>{t('theme.control')}</span>
        <select ref={select} value={current} onChange={(event) => move(event.currentTarget.value)}>
          <option value="">{t('theme.none')}</option>
          {themes.map((theme, index) => (
            <option key={theme.id} value={theme.id}>
              {themeLabel(t, theme, index)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
