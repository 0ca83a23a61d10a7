import { enApp } from './messages-en/app';
import { enErrors } from './messages-en/errors';
import { enFacilitation } from './messages-en/facilitation';
import { enSession } from './messages-en/session';

/**
 * English interface texts: the source catalogue. Dutch (messages-nl.ts) must have exactly the
 * same keys, which the type checker enforces. `{name}` marks a parameter; an object with `one`
 * and `other` is a plural chosen by Intl.PluralRules on the `count` parameter.
 * The English accessible names used by tests are stable API: change them only with the tests.
 * The texts live per area in messages-en/*.ts (Dutch: messages-nl/*.ts), each Dutch part typed
 * against its English part, so a key missing or extra in either language still fails to compile.
 */
export const en = { ...enApp, ...enSession, ...enFacilitation, ...enErrors } as const;

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
  SharedKeys<[typeof enApp, typeof enSession, typeof enFacilitation, typeof enErrors]>
>;

type Widen<T> = T extends string ? string : { readonly one: string; readonly other: string };
/** The keys of `T`, each a text or a plural: the shape of the whole catalogue and of each part. */
export type Catalogue<T> = { readonly [K in keyof T]: Widen<T[K]> };
export type Messages = Catalogue<typeof en>;
export type MessageKey = keyof typeof en;
