import { err, type Result } from '../result';
import { formatRoomCode, parseRoomCode, type RoomCode, type RoomCodeError } from './code';

/**
 * The invite link: `<participant page>#ABCD-EFGH-JK` (issue 7, DESIGN.md "Where Kring runs").
 * The room code travels only in the URL fragment, which a browser never sends to a server
 * (RFC 3986 §3.5; Fetch drops it from requests), so the page's host and its access log never
 * learn it. The link never carries a passphrase or a query string.
 *
 * Pure: only the `URL` class, which Node and every browser have.
 */

/** Builds the link. Any query, fragment or credentials already on `pageUrl` are dropped. */
export function inviteLink(pageUrl: string, code: RoomCode): string {
  const url = new URL(pageUrl);
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = formatRoomCode(code);
  return url.href;
}

/**
 * The participant page that the signaling server's own host serves (`npm run signaling` serves
 * both): `wss://host/path` → `https://host/`, `ws://host:port` → `http://host:port/`.
 * Undefined for anything that is not a ws:// or wss:// address.
 */
export function participantPageUrl(signalingUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(signalingUrl.trim());
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'ws:' && url.protocol !== 'wss:') || url.hostname === '') return undefined;
  return `${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}/`;
}

/**
 * The code in a page's fragment (`location.hash`, with or without its `#`): undefined when the
 * fragment holds nothing (no link was opened), else the code or the same typed error a code
 * typed into the Join screen gets.
 */
export function parseInviteFragment(hash: string): Result<RoomCode, RoomCodeError> | undefined {
  const text = inviteFragmentText(hash);
  return unwrap(text) === '' ? undefined : readRoomCode(text);
}

/**
 * What a fragment holds once the mangling of chat apps and mail is undone: percent escapes
 * decoded (`%20`), `#/` and `#!/` of hash routers, a doubled `#`, trailing slashes, tracking
 * parameters appended after the fragment, `code=`. The Join screen shows this text when it is
 * not a valid code, so the person sees what the link held; `readRoomCode` of it gives the same
 * answer as `parseInviteFragment`.
 */
export function inviteFragmentText(hash: string): string {
  let text = decodeRepeatedly(clean(hash)).replace(/^[#/!]+/, '');
  const parameter = /(?:^|[?&])code=([^&#]*)/i.exec(text);
  text = parameter ? (parameter[1] ?? '') : (text.split(/[?&#]/)[0] ?? '');
  return clean(text.replace(/\/+$/, ''));
}

/**
 * A room code as a person typed or pasted it into the Join screen: a bare code (see
 * `parseRoomCode` for what it forgives), or a whole invite link, also a mangled one.
 *
 * Quotes, brackets and sentence punctuation around the input are dropped only when that makes
 * it a valid code: `K7QM-PX4R-9!` keeps its "`!` cannot be part of a room code" (a shifted 1),
 * where "too short" would mislead.
 */
export function readRoomCode(input: string): Result<RoomCode, RoomCodeError> {
  const text = clean(input);
  const strict = readStrictly(text);
  if (strict.ok) return strict;
  const unwrapped = unwrap(text);
  if (unwrapped === text) return strict;
  const forgiven = readStrictly(unwrapped);
  return forgiven.ok ? forgiven : strict;
}

function readStrictly(text: string): Result<RoomCode, RoomCodeError> {
  if (!LINK_MARK.test(text)) return parseRoomCode(decodeRepeatedly(text));
  const hash = text.indexOf('#');
  if (hash >= 0) {
    // The same reading as an opened link's fragment, so a pasted link and an opened one get
    // the same answer. The fragment text holds no `#`: this recursion is one level deep.
    const fragment = inviteFragmentText(text.slice(hash));
    if (fragment !== '') return readRoomCode(fragment);
  }
  const query = text.slice(0, hash >= 0 ? hash : undefined);
  const parameter = /[?&]code=([^&]*)/i.exec(query);
  if (parameter) return parseRoomCode(decodeRepeatedly(parameter[1] ?? ''));
  // The `#` lost on the way (retyped from a projector, or a tool that "cleaned" the link):
  // a last path segment in the grouped display form is a code that wanted to be a fragment.
  // Only the grouped form: an ordinary page name can spell ten code characters by chance.
  const segment = query.split('?')[0]?.replace(/\/+$/, '').split('/').pop() ?? '';
  if (GROUPED_CODE.test(segment)) return parseRoomCode(segment);
  return err(hash >= 0 ? { code: 'empty' } : { code: 'link-without-code' });
}

/** Characters a bare code never contains but a link always does (as `parseRoomCode` says). */
const LINK_MARK = /[/?#=]/;
/** `ABCD-EFGH-JK` in any case, as `formatRoomCode` writes it. */
const GROUPED_CODE = /^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{2}$/i;
/** Zero-width spaces and joiners, the word joiner, the byte-order mark, the soft hyphen. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/gu;
/**
 * What sticks to a link or code copied out of a sentence: quotes, brackets, `<…>` (mail and
 * chat autolinks), and the sentence's own punctuation after it. None of these is ever part of a
 * code, so dropping them at the ends cannot turn a wrong code into another valid one.
 */
const WRAPPING = /^[\s"'`(<[{«‹“‘„‚]+|[\s"'`)>\]}»›”’,;:!?.…]+$/gu;

/** Full-width and other compatibility forms folded (NFKC), invisible characters gone, trimmed. */
function clean(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').trim();
}

function unwrap(text: string): string {
  return text.replace(WRAPPING, '');
}

/** `%20` → space, also when a link was escaped twice (`%2520`); a malformed escape stays. */
function decodeRepeatedly(text: string): string {
  let decoded = text;
  for (let round = 0; round < 3 && /%[0-9a-f]{2}/i.test(decoded); round += 1) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      break;
    }
  }
  return decoded;
}
