import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  parseSettings,
  participantPage,
  settingsToInput,
} from '../../lib/app/settings';

const base = {
  locale: 'auto' as const,
  displayName: '',
  signalingText: 'ws://localhost:4444',
  iceText: '',
  pageText: '',
};

describe('parseSettings', () => {
  it('defaults to our own local signaling server and no public STUN', () => {
    expect(defaultSettings()).toEqual({
      locale: 'auto',
      displayName: '',
      signalingUrls: ['ws://localhost:4444'],
      iceServers: [],
      participantPageUrl: '',
    });
    expect(participantPage(defaultSettings())).toBe('http://localhost:4444/');
  });

  it('accepts servers one per line, ignoring blank lines, and round-trips', () => {
    const parsed = parseSettings({
      locale: 'nl',
      displayName: ' Noor ',
      signalingText: 'wss://signal.example.nl\n\n  ws://127.0.0.1:4444 ',
      iceText: 'stun:stun.example.nl:3478\nturns:turn.example.nl:5349?transport=tcp kring s3cret',
      pageText: ' https://kring.example.nl ',
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        locale: 'nl',
        displayName: 'Noor',
        signalingUrls: ['wss://signal.example.nl', 'ws://127.0.0.1:4444'],
        iceServers: [
          { urls: 'stun:stun.example.nl:3478' },
          {
            urls: 'turns:turn.example.nl:5349?transport=tcp',
            username: 'kring',
            credential: 's3cret',
          },
        ],
        participantPageUrl: 'https://kring.example.nl/',
      },
    });
    if (parsed.ok) expect(parseSettings(settingsToInput(parsed.value))).toEqual(parsed);
  });

  it('reports every bad line with its number and saves nothing', () => {
    const parsed = parseSettings({
      ...base,
      displayName: 'x'.repeat(41),
      signalingText: 'https://signal.example.nl\nws://ok.example.nl\nnot a url',
      iceText: 'stun:ok.example.nl\nturn:turn.example.nl:3478\nhttp://x\nstun:x user',
    });
    expect(parsed).toEqual({
      ok: false,
      error: [
        { field: 'displayName', code: 'name', limit: 40 },
        { field: 'signaling', code: 'url', line: 1, value: 'https://signal.example.nl' },
        { field: 'signaling', code: 'url', line: 3, value: 'not a url' },
        { field: 'ice', code: 'turnCredentials', line: 2, value: 'turn:turn.example.nl:3478' },
        { field: 'ice', code: 'ice', line: 3, value: 'http://x' },
        { field: 'ice', code: 'ice', line: 4, value: 'stun:x user' },
      ],
    });
  });

  it('needs at least one signaling server', () => {
    expect(parseSettings({ ...base, signalingText: '  \n' })).toEqual({
      ok: false,
      error: [{ field: 'signaling', code: 'noSignaling' }],
    });
  });
});

describe('the participant page', () => {
  it('follows the first signaling server while the field is empty', () => {
    const parsed = parseSettings({ ...base, signalingText: 'wss://signal.example.nl/ws\nws://x' });
    expect(parsed.ok && parsed.value.participantPageUrl).toBe('');
    if (parsed.ok) expect(participantPage(parsed.value)).toBe('https://signal.example.nl/');
  });

  it.each([
    'https://kring.example.nl/',
    'https://example.nl/kring/deelnemen.html',
    'http://localhost:4444/',
    'http://127.0.0.1:8080/',
    'http://kring.localhost/',
    'http://[::1]:4444/',
  ])('accepts %s', (page) => {
    const parsed = parseSettings({ ...base, pageText: page });
    expect(parsed.ok && parsed.value.participantPageUrl).toBe(page);
    if (parsed.ok) expect(participantPage(parsed.value)).toBe(page);
  });

  it.each([
    ['http://192.168.1.5:4444/', 'pageHttp'],
    ['http://kring.example.nl/', 'pageHttp'],
    ['wss://kring.example.nl/', 'pageUrl'],
    ['kring.example.nl', 'pageUrl'],
    ['https://kring.example.nl/?room=1', 'pageUrl'],
    ['https://kring.example.nl/#ABCD-EFGH-JK', 'pageUrl'],
    ['https://user:pw@kring.example.nl/', 'pageUrl'],
    ['javascript:alert(1)', 'pageUrl'],
  ])('refuses %s (%s) and saves nothing', (page, code) => {
    expect(parseSettings({ ...base, pageText: ` ${page} ` })).toEqual({
      ok: false,
      error: [{ field: 'page', code, value: page }],
    });
  });

  it('ignores a stored page that is not valid and falls back to the signaling host', () => {
    const stored = { ...defaultSettings(), participantPageUrl: 'http://192.168.1.5/' };
    expect(participantPage(stored)).toBe('http://localhost:4444/');
  });
});
