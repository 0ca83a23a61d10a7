import type { Locale } from '../locale';
import { en, type Messages } from './messages-en';
import { nl } from './messages-nl';
import { workshop } from './workshop-messages';

/**
 * Every text of each language, the start's and the workshop's: for tests that read labels.
 * Not for the app: importing both languages' modules here would put them in the importing
 * page's chunks, where loadLanguage() (translate.ts) fetches only the one shown.
 */
export const allMessages: Readonly<Record<Locale, Messages>> = {
  en: { ...en, ...workshop.en },
  nl: { ...nl, ...workshop.nl },
};
