import { useLayoutEffect, useState } from 'preact/hooks';
import type { ItemTextModel } from '../../lib/app/item-text';
import type { SessionModel } from '../../lib/app/session-model';
import { MAX_THEME_NAME_LENGTH } from '../../lib/limits';
import type { ThemeSnapshot } from '../../lib/session';
import { useT } from '../app-context';
import { focusOnMount } from '../focus-on-mount';
import { themeLabel } from './theme-label';
import { useLiveText } from './use-live-text';

export interface ThemeHeaderProps {
  readonly session: SessionModel;
  readonly theme: ThemeSnapshot;
  /** Its place among the phase's themes (names an unnamed theme). */
  readonly index: number;
  readonly count: number;
  /** The theme's vote total where results are shown; null otherwise. */
  readonly votes: number | null;
  readonly canEdit: boolean;
  /** Focus the name field once it is there (a theme just made here). */
  readonly focusName: boolean;
  readonly onFocused: () => void;
  /** After the theme was deleted here: the group with the focus is gone. */
  readonly onDeleted: () => void;
}

/**
 * A theme's name, live-editable where the person may edit themes (renames by two people merge,
 * as in an item's text), how many insights it holds, and deleting it after a confirmation that
 * says its insights stay.
 */
export function ThemeHeader(props: ThemeHeaderProps) {
  const { session, theme, index, count, votes, canEdit } = props;
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const name = canEdit ? session.themeName(theme.id) : null;
  const label = themeLabel(t, theme, index);
  const facts = (
    <span class="theme-facts">
      {t('theme.count', { count })}
      {votes !== null && ` · ${t('theme.votes', { count: votes })}`}
    </span>
  );

  if (!name) {
    return (
      <div class="theme-head">
        <h4 class="theme-title">{label}</h4>
        {facts}
      </div>
    );
  }
  return (
    <div class="theme-head">
      <div class="theme-name-row">
        <ThemeNameField
          model={name}
          themeId={theme.id}
          focus={props.focusName}
          onFocused={props.onFocused}
        />
        <button
          type="button"
          class="icon-button theme-delete"
          aria-label={t('theme.delete')}
          title={t('theme.delete')}
          aria-expanded={confirming}
          onClick={() => setConfirming(!confirming)}
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" width="18" height="18">
            <path
              d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5"
              stroke="currentColor"
              stroke-width="1.5"
              fill="none"
              stroke-linecap="round"
              stroke-linejoin="round"
            />
          </svg>
        </button>
      </div>
      {facts}
      {confirming && (
        <div class="confirm" role="alertdialog" aria-labelledby={`theme-confirm-${theme.id}`}>
          <p id={`theme-confirm-${theme.id}`}>{t('theme.deleteConfirm', { name: label })}</p>
          <div class="row">
            <button
              type="button"
              class="danger"
              onClick={() => {
                setConfirming(false);
                if (session.deleteTheme(theme.id).ok) props.onDeleted();
              }}
            >
              {t('theme.deleteYes')}
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
      )}
    </div>
  );
}

function ThemeNameField({
  model,
  themeId,
  focus,
  onFocused,
}: {
  model: ItemTextModel;
  themeId: string;
  focus: boolean;
  onFocused: () => void;
}) {
  const t = useT();
  const { ref, onInput, problem } = useLiveText<HTMLInputElement>(model);
  useLayoutEffect(() => {
    if (!focus) return;
    ref.current?.focus();
    onFocused();
  }, [focus, onFocused, ref]);
  const errorId = `theme-error-${themeId}`;
  return (
    <div class="theme-name-field">
      <input
        ref={ref}
        type="text"
        class="theme-name"
        aria-label={t('theme.name')}
        placeholder={t('theme.namePlaceholder')}
        maxLength={MAX_THEME_NAME_LENGTH}
        spellcheck
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        onInput={onInput}
      />
      {problem && (
        <p id={errorId} class="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
