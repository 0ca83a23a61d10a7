import type { Translate } from '../../lib/i18n/translate';
import type { ThemeSnapshot } from '../../lib/session';

/**
 * What a theme is called on screen: its name, or, while it has none (a theme is often named
 * only once its insights are together), "Theme 2 (no name yet)" by its place, so two unnamed
 * themes can still be told apart in the Theme control.
 */
export function themeLabel(t: Translate, theme: ThemeSnapshot, index: number): string {
  const name = theme.name.trim();
  return name !== '' ? name : t('theme.unnamed', { number: index + 1 });
}
