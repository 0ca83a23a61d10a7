import { isLocale, type Locale } from '../locale';
import { formatRoomCode, parseRoomCode, type RoomCode } from '../room/code';
import type { Template } from '../templates/types';

/**
 * The participants' handout is a page of its own (entrypoints/handout in the extension,
 * web/handout.html on the web), so it prints without any of the app around it. What it shows
 * travels in its URL fragment, never sent to a server: the template's id, the session's
 * language and, for a running session, the room code and the invite link.
 */

/** The handout page, relative to the page that opens it (both apps put it next to their own). */
export const HANDOUT_PAGE = 'handout.html';

export interface HandoutRequest {
  readonly template: Pick<Template, 'id'>;
  readonly locale: Locale;
  readonly code?: RoomCode;
  readonly link?: string;
}

/** What the handout page reads from its fragment. */
export interface HandoutParams {
  readonly templateId: string;
  readonly locale: Locale;
  /** Formatted `ABCD-EFGH-JK`; absent: a blank line to fill in by hand. */
  readonly code?: string;
  readonly link?: string;
}

export function handoutHash(request: HandoutRequest): string {
  const params = new URLSearchParams({ t: request.template.id, l: request.locale });
  if (request.code) params.set('c', formatRoomCode(request.code));
  if (request.link) params.set('u', request.link);
  return `#${params.toString()}`;
}

export function handoutUrl(request: HandoutRequest): string {
  return `${HANDOUT_PAGE}${handoutHash(request)}`;
}

/**
 * Reads the fragment; null when it names no template. A code that is not a room code and a
 * link that is not http(s) are dropped (the page then shows the blank line), so a hand-made
 * URL cannot put a `javascript:` link or arbitrary text in the join box.
 */
export function parseHandoutHash(hash: string): HandoutParams | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const templateId = params.get('t');
  if (!templateId) return null;
  const language = params.get('l');
  const locale: Locale = isLocale(language) ? language : 'en';
  const code = parseRoomCode(params.get('c') ?? '');
  const link = params.get('u') ?? '';
  return {
    templateId,
    locale,
    ...(code.ok ? { code: formatRoomCode(code.value) } : {}),
    ...(code.ok && isWebLink(link) ? { link } : {}),
  };
}

function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** `app.printHandout`: opens the handout page, which opens the print dialog itself. */
export function createPrintHandout(openPage: ((url: string) => void) | undefined) {
  return (request: HandoutRequest): void => {
    openPage?.(handoutUrl(request));
  };
}
