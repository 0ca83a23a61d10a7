import { MAX_DISPLAY_NAME_LENGTH } from '../limits';
import type { Locale } from '../locale';
import { err, ok, type Result } from '../result';
import type { IceServer } from '../room/transport';
import { DEFAULT_SIGNALING_URL } from './config';

/** Settings kept on this device. Nothing here is shared with other peers except the name. */
export interface Settings {
  /** 'auto' follows the browser's language. */
  readonly locale: Locale | 'auto';
  /** Shown to others in presence only; '' stays anonymous. */
  readonly displayName: string;
  readonly signalingUrls: readonly string[];
  /** None by default: peers on one network need none, and we never use a public server unasked. */
  readonly iceServers: readonly IceServer[];
}

export function defaultSettings(): Settings {
  return {
    locale: 'auto',
    displayName: '',
    signalingUrls: [DEFAULT_SIGNALING_URL],
    iceServers: [],
  };
}

/** The settings form as typed: one server per line. */
export interface SettingsInput {
  readonly locale: Locale | 'auto';
  readonly displayName: string;
  readonly signalingText: string;
  readonly iceText: string;
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
  | { readonly field: 'displayName'; readonly code: 'name'; readonly limit: number };

export function settingsToInput(settings: Settings): SettingsInput {
  return {
    locale: settings.locale,
    displayName: settings.displayName,
    signalingText: settings.signalingUrls.join('\n'),
    iceText: settings.iceServers
      .map((server) => [server.urls, server.username, server.credential].filter(Boolean).join(' '))
      .join('\n'),
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
  if (problems.length > 0) return err(problems);
  return ok({ locale: input.locale, displayName, signalingUrls, iceServers });
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
