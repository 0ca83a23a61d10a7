import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { hasLanguage, loadLanguage, pickLocale, translator } from '../i18n/translate';
import type { Locale } from '../locale';
import type { Settings } from './settings';

/**
 * The interface language: the one chosen in Settings, or the browser's. A page fetches only
 * that language's texts (translate.ts), so whoever changes the settings first waits for
 * `prepare`; until the texts are there, `textsReady` is false and the app shows no text at all
 * rather than its keys.
 */
export function interfaceLanguage(
  settings: ReadonlySignal<Settings>,
  browserLanguages: () => readonly string[],
) {
  const localeOf = (chosen: Settings): Locale =>
    chosen.locale === 'auto' ? pickLocale(browserLanguages()) : chosen.locale;
  /** Counts the languages loaded, so `textsReady` looks again when one arrives. */
  const arrived = signal(0);
  const locale = computed(() => localeOf(settings.value));
  return {
    locale,
    t: computed(() => translator(locale.value)),
    textsReady: computed(() => arrived.value >= 0 && hasLanguage(locale.value)),
    /** Loads the texts of the language `next` shows the interface in; call before setting it. */
    async prepare(next: Settings): Promise<void> {
      const wanted = localeOf(next);
      if (hasLanguage(wanted)) return;
      await loadLanguage(wanted);
      arrived.value += 1;
    },
  };
}
