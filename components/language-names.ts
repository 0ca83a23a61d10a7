import type { Locale } from '../lib/locale';

/** Each language in its own name, as language pickers do (new session, settings). */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', nl: 'Nederlands' };
