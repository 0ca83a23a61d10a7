/** The languages Kring speaks. The first is the fallback for any other browser language. */
export const LOCALES = ['en', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A text in every language Kring speaks. */
export type LocalizedText = Readonly<Record<Locale, string>>;
