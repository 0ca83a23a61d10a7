import { loadLanguage } from '../lib/i18n/translate';
import { LOCALES } from '../lib/locale';

// A page fetches its interface language before showing texts (lib/i18n/translate.ts); the
// tests have every language from the start, so that any test can call translator('nl') at
// once. tests/unit/interface-language.test.ts and the e2e pages cover the waiting itself.
await Promise.all(LOCALES.map(loadLanguage));
