import { enApp } from './messages-en/app';
import { enContinue } from './messages-en/continue';
import type { enDevice } from './messages-en/device';
import { enErrors } from './messages-en/errors';
import { enFacilitation } from './messages-en/facilitation';
import type { enGuides } from './messages-en/guides';
import { enKit } from './messages-en/kit';
import { enSession } from './messages-en/session';
import type { enTemplateEditor } from './messages-en/template-editor';
import type { enTemplateFiles } from './messages-en/template-files';

/**
 * English interface texts: the source catalogue. Dutch (messages-nl.ts) must have exactly the
 * same keys, which the type checker enforces. `{name}` marks a parameter; an object with `one`
 * and `other` is a plural chosen by Intl.PluralRules on the `count` parameter.
 * The English accessible names used by tests are stable API: change them only with the tests.
 * The texts live per area in messages-en/*.ts (Dutch: messages-nl/*.ts), each Dutch part typed
 * against its English part, so a key missing or extra in either language still fails to compile.
 *
 * `en` is what a page in English loads at start: loadLanguage() (translate.ts) fetches this
 * module, or messages-nl.ts for Dutch, so a page loads only the language it shows. Elsewhere,
 * import only its types, or both languages are back in every page's start (bench/bundle.ts).
 * The texts of the screens that only a facilitator preparing a session opens (guides,
 * handouts, the template editor and files, "Delete everything") are the *workshop* parts:
 * typed here, but loaded with those screens (workshop-messages.ts), in both languages, which
 * keeps ~5 KB per language out of the start.
 */
export const en = {
  ...enApp,
  ...enSession,
  ...enFacilitation,
  ...enErrors,
  ...enContinue,
  ...enKit,
} as const;

/** The parts loaded on demand, by workshop-messages.ts. */
export type WorkshopParts = typeof enGuides &
  typeof enTemplateEditor &
  typeof enTemplateFiles &
  typeof enDevice;

/** Keys more than one part defines: a later spread would silently replace the earlier text. */
type SharedKeys<Parts extends readonly object[], Seen = never> = Parts extends readonly [
  infer First,
  ...infer Rest extends readonly object[],
]
  ? (keyof First & Seen) | SharedKeys<Rest, Seen | keyof First>
  : never;
/** Accepts only `never`: fails to compile, naming the key, when two parts share one. */
type NoSharedKeys<Keys extends never> = Keys;
type _CheckedParts = NoSharedKeys<
  SharedKeys<
    [
      typeof enApp,
      typeof enSession,
      typeof enFacilitation,
      typeof enErrors,
      typeof enContinue,
      typeof enKit,
      typeof enGuides,
      typeof enTemplateEditor,
      typeof enTemplateFiles,
      typeof enDevice,
    ]
  >
>;

type Widen<T> = T extends string ? string : { readonly one: string; readonly other: string };
/** The keys of `T`, each a text or a plural: the shape of the whole catalogue and of each part. */
export type Catalogue<T> = { readonly [K in keyof T]: Widen<T[K]> };
/** Every text, the start's and the workshop's. */
export type Messages = Catalogue<typeof en & WorkshopParts>;
/** What every page has from the start. */
export type CoreMessages = Catalogue<typeof en>;
export type WorkshopMessages = Catalogue<WorkshopParts>;
export type MessageKey = keyof Messages;
