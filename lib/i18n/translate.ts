import type { Locale } from '../locale';
import type { CoreMessages, MessageKey, Messages, WorkshopMessages } from './messages-en';

/**
 * What this page has of each language: its core texts once loadLanguage() has fetched them,
 * and the workshop's once a screen that shows them has loaded workshop-messages.ts. Looked up
 * at every call, so a translator made before that still finds them.
 */
const catalogues: Record<Locale, Partial<Messages>> = { en: {}, nl: {} };

/**
 * Each language's core texts are a module of their own, fetched on demand: a page shows one
 * language, and both together were ~11 KB of what every page loaded at start (bench/bundle.ts,
 * which counts the larger one as loaded at start, since every page fetches one right away).
 */
const coreModules: Readonly<Record<Locale, () => Promise<CoreMessages>>> = {
  en: () => import('./messages-en').then((module) => module.en),
  nl: () => import('./messages-nl').then((module) => module.nl),
};
const loading: Partial<Record<Locale, Promise<void>>> = {};
const loaded = new Set<Locale>();

/**
 * Fetches a language's core texts and adds them to its translators. Call it (and wait) before
 * showing texts in that language: translator() itself stays synchronous. Idempotent; a failed
 * fetch (a page left open across an update) may be tried again.
 */
export function loadLanguage(locale: Locale): Promise<void> {
  loading[locale] ??= coreModules[locale]().then(
    (messages) => {
      Object.assign(catalogues[locale], messages);
      loaded.add(locale);
    },
    (error: unknown) => {
      delete loading[locale];
      throw error;
    },
  );
  return loading[locale];
}

/** Whether loadLanguage(locale) has finished, so its core texts translate at once. */
export function hasLanguage(locale: Locale): boolean {
  return loaded.has(locale);
}

/** Adds texts loaded on demand (workshop-messages.ts) to every language. */
export function addMessages(parts: Readonly<Record<Locale, WorkshopMessages>>): void {
  for (const locale of Object.keys(parts) as Locale[])
    Object.assign(catalogues[locale], parts[locale]);
}

export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** BCP 47 tags for Intl: Dutch as written in the Netherlands, English with day-month dates. */
export const INTL_LOCALE: Readonly<Record<Locale, string>> = { en: 'en-GB', nl: 'nl-NL' };

/**
 * A translate function for one language, whose core texts loadLanguage() has loaded (workshop
 * texts come with workshop-messages.ts, in every language). Numbers in parameters are formatted
 * for the language (2,000 / 2.000); a plural message picks its form from the `count` parameter.
 */
export function translator(locale: Locale): Translate {
  const messages = catalogues[locale];
  // Made when first needed: on a slow phone, building them up front was ~170 ms of the first
  // load (bench: phone first load → interactive), before any plural or number is shown.
  let plurals: Intl.PluralRules | undefined;
  let numbers: Intl.NumberFormat | undefined;
  return (key, params = {}) => {
    const message = messages[key];
    let template: string;
    // A workshop text on a screen that did not import workshop-messages.ts, or a language not
    // loaded yet: show the key, so the mistake is plain in a test instead of an empty label.
    if (message === undefined) return key;
    if (typeof message === 'string') template = message;
    else {
      plurals ??= new Intl.PluralRules(INTL_LOCALE[locale]);
      template = plurals.select(Number(params.count ?? 0)) === 'one' ? message.one : message.other;
    }
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      if (typeof value !== 'number') return value;
      numbers ??= new Intl.NumberFormat(INTL_LOCALE[locale]);
      return numbers.format(value);
    });
  };
}

/** The interface language for a list of browser languages (navigator.languages). */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split('-')[0];
    if (language === 'nl') return 'nl';
    if (language === 'en') return 'en';
  }
  return 'en';
}

/** A long date in the language, e.g. "25 November 2026" / "25 november 2026". */
export function formatDate(locale: Locale, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long' }).format(date);
}
