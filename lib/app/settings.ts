import { MAX_DISPLAY_NAME_LENGTH } from '../limits';
import type { Locale } from '../locale';
import { err, ok, type Result } from '../result';
import { participantPageUrl } from '../room/invite';
import type { IceServer } from '../room/transport';
import { DEFAULT_SIGNALING_URL, DEFAULT_WEB_URL } from './config';

/** Settings kept on this device. Nothing here is shared with other peers except the name. */
export interface Settings {
  /** 'auto' follows the browser's language. */
  readonly locale: Locale | 'auto';
  /** Shown to others in presence only; '' stays anonymous. */
  readonly displayName: string;
  readonly signalingUrls: readonly string[];
  /** None by default: peers on one network need none, and we never use a public server unasked. */
  readonly iceServers: readonly IceServer[];
  /**
   * The participants' page the invite link and QR code open; '' = the page the first signaling
   * server's host serves (`participantPage`). Missing in settings stored before issue 7: the
   * app model fills it from `defaultSettings()`.
   */
  readonly participantPageUrl: string;
}

/**
 * `signalingUrl` is where this build looks for peers by default: the build-time setting for the
 * extension; the web page passes the server it was served from (lib/platform/web.ts).
 */
export function defaultSettings(signalingUrl: string = DEFAULT_SIGNALING_URL): Settings {
  return {
    locale: 'auto',
    displayName: '',
    signalingUrls: [signalingUrl],
    iceServers: [],
    participantPageUrl: normalPageUrl(DEFAULT_WEB_URL),
  };
}

/** Where the invite link leads: the page set in Settings, else the signaling server's host. */
export function participantPage(settings: Settings): string | undefined {
  // A stored value is checked again: it may come from a build variable or an older version.
  const chosen = normalPageUrl(settings.participantPageUrl ?? '');
  if (chosen !== '') return chosen;
  const [first] = settings.signalingUrls;
  return first === undefined ? undefined : participantPageUrl(first);
}

/** The page an empty "Participant page" field stands for, while the form is being edited. */
export function derivedParticipantPage(signalingText: string): string | undefined {
  const first = lines(signalingText).find(([, value]) => isSignalingUrl(value));
  return first ? participantPageUrl(first[1]) : undefined;
}

/** The settings form as typed: one server per line. */
export interface SettingsInput {
  readonly locale: Locale | 'auto';
  readonly displayName: string;
  readonly signalingText: string;
  readonly iceText: string;
  /** '' = derived from the first signaling server. */
  readonly pageText: string;
}

export type SettingsProblem =
  | {
      readonly field: 'signaling';
      readonly code: 'url';
      readonly line: number;
      readonly value: string;
    }
  | { readonly field: 'signaling'; readonly code: 'noSignaling' }
  | {
      readonly field: 'ice';
      readonly code: 'ice' | 'turnCredentials';
      readonly line: number;
      readonly value: string;
    }
  | { readonly field: 'displayName'; readonly code: 'name'; readonly limit: number }
  | { readonly field: 'page'; readonly code: PageUrlProblem; readonly value: string };

/** 'pageUrl': not an http(s) page address; 'pageHttp': plain http:// on another computer. */
export type PageUrlProblem = 'pageUrl' | 'pageHttp';

export function settingsToInput(settings: Settings): SettingsInput {
  return {
    locale: settings.locale,
    displayName: settings.displayName,
    signalingText: settings.signalingUrls.join('\n'),
    iceText: settings.iceServers
      .map((server) => [server.urls, server.username, server.credential].filter(Boolean).join(' '))
      .join('\n'),
    pageText: settings.participantPageUrl,
  };
}

/** Checks every field and reports every problem; invalid settings are never saved. */
export function parseSettings(input: SettingsInput): Result<Settings, SettingsProblem[]> {
  const problems: SettingsProblem[] = [];
  const displayName = input.displayName.trim();
  if (displayName.length > MAX_DISPLAY_NAME_LENGTH) {
    problems.push({ field: 'displayName', code: 'name', limit: MAX_DISPLAY_NAME_LENGTH });
  }
  const signalingUrls: string[] = [];
  for (const [index, value] of lines(input.signalingText)) {
    if (isSignalingUrl(value)) signalingUrls.push(value);
    else problems.push({ field: 'signaling', code: 'url', line: index, value });
  }
  if (signalingUrls.length === 0 && !problems.some((p) => p.field === 'signaling')) {
    problems.push({ field: 'signaling', code: 'noSignaling' });
  }
  const iceServers: IceServer[] = [];
  for (const [index, value] of lines(input.iceText)) {
    const parsed = parseIceLine(value);
    if (parsed.ok) iceServers.push(parsed.value);
    else problems.push({ field: 'ice', code: parsed.error, line: index, value });
  }
  const pageText = input.pageText.trim();
  const page = pageText === '' ? ok('') : checkPageUrl(pageText);
  if (!page.ok) problems.push({ field: 'page', code: page.error, value: pageText });
  if (problems.length > 0) return err(problems);
  const participantPageUrl = page.ok ? page.value : '';
  return ok({ locale: input.locale, displayName, signalingUrls, iceServers, participantPageUrl });
}

/** Non-empty lines with their 1-based line numbers. */
function lines(text: string): [number, string][] {
  return text
    .split(/\r?\n/)
    .map((line, index): [number, string] => [index + 1, line.trim()])
    .filter(([, line]) => line !== '');
}

function isSignalingUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * A participants' page: https://, or http:// on this computer only. Browsers give WebCrypto,
 * which the room keys need, only to secure contexts, and plain http:// is one only for
 * localhost (W3C Secure Contexts §3.1): a phone opening http://192.168.1.5/ could not join.
 * No query or fragment: the link's fragment is the room code, and the link carries nothing
 * else (lib/room/invite.ts).
 */
function checkPageUrl(value: string): Result<string, PageUrlProblem> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return err('pageUrl');
  }
  const web = url.protocol === 'https:' || url.protocol === 'http:';
  if (!web || url.hostname === '' || url.username !== '' || url.password !== '') {
    return err('pageUrl');
  }
  if (url.search !== '' || url.hash !== '' || /[?#]/.test(value)) return err('pageUrl');
  if (url.protocol === 'http:' && !isThisComputer(url.hostname)) return err('pageHttp');
  return ok(url.href);
}

/** The page in its normal form (`https://host` → `https://host/`), or '' when it is none. */
function normalPageUrl(value: string): string {
  const checked = checkPageUrl(value);
  return checked.ok ? checked.value : '';
}

/** Hosts a browser treats as potentially trustworthy over plain http. */
function isThisComputer(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) ||
    hostname === '[::1]'
  );
}

/** `stun:host:port`, or `turn:host:port user password` (also `turns:`). */
function parseIceLine(line: string): Result<IceServer, 'ice' | 'turnCredentials'> {
  const [urls = '', username, credential, ...rest] = line.split(/\s+/);
  const match =
    /^(stun|turns?):([^\s:/?#]+|\[[0-9a-fA-F:]+\])(:\d{1,5})?(\?transport=(udp|tcp))?$/.exec(urls);
  if (!match || rest.length > 0) return err('ice');
  if (match[1] === 'stun') return username === undefined ? ok({ urls }) : err('ice');
  if (username === undefined || credential === undefined) return err('turnCredentials');
  return ok({ urls, username, credential });
}
