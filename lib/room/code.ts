import { customAlphabet } from 'nanoid';
import { err, ok, type Result } from '../result';

/**
 * Room codes: short enough to type and to read aloud, grouped `ABCD-EFGH-JK` (DESIGN.md,
 * "Trust"). The code itself never reaches the signaling server; room name and key are derived
 * from it elsewhere with a slow KDF.
 *
 * Alphabet: Crockford's Base32 (https://www.crockford.com/base32.html) — digits and capitals
 * without I, L, O and U. Why this one and not "everything confusable removed":
 * - 10 characters must carry at least 50 bits, so the alphabet needs at least 2^5 = 32 symbols;
 *   of the 36 digits and letters at most 4 can go. Dropping 0, O, 1, I and L (five) would leave
 *   31 symbols = 49.5 bits, too few.
 * - So each confusable group keeps exactly one member and the others are read as it:
 *   O → 0, I and L → 1, U → V. Someone who sees `0` and types `O` still gets the right code.
 *   Digits are kept over letters because they sound the same to Dutch and English speakers
 *   (the letter I is "ie" in Dutch, which an English ear hears as E).
 * - U goes rather than V because Crockford drops it (fewer accidental words), and U/V is the
 *   one more pair we could afford; 32 symbols also lets nanoid draw without bias or rejection.
 * - Left in on purpose, because removing them would cost entropy: 2/Z, 5/S, 8/B. Both members
 *   are valid, so no mapping can repair a mix-up; show codes in a font that tells them apart.
 */
export const ROOM_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters in a canonical code (without the display dashes). */
export const ROOM_CODE_LENGTH = 10;
/** Characters per display group: `ABCD-EFGH-JK`. */
export const ROOM_CODE_GROUP_SIZE = 4;
/** Bits of entropy of a generated code: 10 × log2(32) = 50. */
export const ROOM_CODE_ENTROPY_BITS = ROOM_CODE_LENGTH * Math.log2(ROOM_CODE_ALPHABET.length);

/** Characters that are not in the alphabet but are read as one that is (after upper-casing). */
const LOOK_ALIKES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1', U: 'V' };

/**
 * What people put between groups or around a code: whitespace (any Unicode space), hyphens and
 * dashes (‐ ‑ ‒ – — ― −, which phones and word processors substitute for `-`), `_` and `.`.
 */
const SEPARATOR = /[\s\-_.\u2010-\u2015\u2212]/u;

declare const roomCodeBrand: unique symbol;
/** A canonical room code: ROOM_CODE_LENGTH characters of ROOM_CODE_ALPHABET, no dashes. */
export type RoomCode = string & { readonly [roomCodeBrand]: true };

/** Why an input is not a room code; `code` is the key of a translated message. */
export type RoomCodeError =
  | { readonly code: 'empty' }
  | { readonly code: 'too-short'; readonly length: number; readonly expected: number }
  | { readonly code: 'too-long'; readonly length: number; readonly expected: number }
  /** `position` is 1-based and counts code characters only (separators are skipped). */
  | { readonly code: 'invalid-character'; readonly character: string; readonly position: number }
  /** A pasted link that carries no code (neither `?code=` nor a `#` fragment). */
  | { readonly code: 'link-without-code' };

const nextCode = customAlphabet(ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH);

/** A fresh random code from a cryptographic source (nanoid uses `crypto.getRandomValues`). */
export function generateRoomCode(): RoomCode {
  return nextCode() as RoomCode;
}

/** `ABCD-EFGH-JK`: the form to show, print and read aloud. */
export function formatRoomCode(code: RoomCode): string {
  const groups: string[] = [];
  for (let start = 0; start < code.length; start += ROOM_CODE_GROUP_SIZE) {
    groups.push(code.slice(start, start + ROOM_CODE_GROUP_SIZE));
  }
  return groups.join('-');
}

/**
 * Reads a code the way a person typed or pasted it: any case, separators anywhere, look-alikes
 * (O, I, L, U) read as the symbol they resemble, full-width characters (NFKC), or a whole join
 * link (`…/join#ABCD-EFGH-JK` or `…?code=ABCD-EFGH-JK`).
 */
export function parseRoomCode(input: string): Result<RoomCode, RoomCodeError> {
  const extracted = extractFromLink(input.normalize('NFKC').trim());
  if (!extracted.ok) return extracted;

  let canonical = '';
  let position = 0;
  for (const typed of extracted.value) {
    if (SEPARATOR.test(typed)) continue;
    position += 1;
    const upper = typed.toUpperCase();
    const symbol = LOOK_ALIKES[upper] ?? upper;
    if (symbol.length !== 1 || !ROOM_CODE_ALPHABET.includes(symbol)) {
      return err({ code: 'invalid-character', character: typed, position });
    }
    canonical += symbol;
  }

  if (canonical.length === 0) return err({ code: 'empty' });
  if (canonical.length < ROOM_CODE_LENGTH) {
    return err({ code: 'too-short', length: canonical.length, expected: ROOM_CODE_LENGTH });
  }
  if (canonical.length > ROOM_CODE_LENGTH) {
    return err({ code: 'too-long', length: canonical.length, expected: ROOM_CODE_LENGTH });
  }
  return ok(canonical as RoomCode);
}

/** `code=` as a query or fragment parameter; its value ends at `&` or `#`. */
const CODE_PARAMETER = /[?&#]code=([^&#]*)/i;
/** Characters a bare code never contains but a link always does. */
const LINK_MARK = /[/?#=]/;

/** Returns the code part of a join link, or the input unchanged when it is not a link. */
function extractFromLink(input: string): Result<string, RoomCodeError> {
  if (!LINK_MARK.test(input)) return ok(input);
  const parameter = CODE_PARAMETER.exec(input);
  if (parameter) return ok(decodeComponent(parameter[1] ?? ''));
  const hash = input.indexOf('#');
  if (hash >= 0) return ok(decodeComponent(input.slice(hash + 1)));
  return err({ code: 'link-without-code' });
}

/** `%2D` → `-`; a malformed escape is kept as typed and then reported as an invalid character. */
function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
