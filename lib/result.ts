/**
 * A typed outcome for operations that can be refused. Kring's core never throws for bad input:
 * callers get `{ ok: false, error }` and show a translated message (DESIGN.md, "Bad input").
 */
export type Result<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
