import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatRoomCode,
  parseRoomCode,
  ROOM_CODE_ALPHABET,
  type RoomCode,
} from '../../lib/room/code';
import {
  inviteFragmentText,
  inviteLink,
  parseInviteFragment,
  participantPageUrl,
  readRoomCode,
} from '../../lib/room/invite';
import { expectOk } from '../helpers/session';

const CODE = 'ABCDEFGHJK' as RoomCode;
const PAGE = 'https://kring.example.org/';
const LINK = 'https://kring.example.org/#ABCD-EFGH-JK';

/** Any canonical code, drawn by fast-check (so shrinking works). */
const anyCode = fc
  .array(fc.constantFrom(...ROOM_CODE_ALPHABET), { minLength: 10, maxLength: 10 })
  .map((chars) => chars.join('') as RoomCode);

/** Participant pages as an organisation might host them. */
const anyPage = fc.constantFrom(
  'https://kring.example.org/',
  'https://kring.example.org',
  'https://example.org/kring/',
  'https://example.org/kring/index.html',
  'http://localhost:4444/',
  'http://127.0.0.1:8080/deelnemen/',
  'https://[2001:db8::1]:8443/',
);

describe('inviteLink', () => {
  it('puts the code in the fragment, in its display form', () => {
    expect(inviteLink(PAGE, CODE)).toBe(LINK);
    expect(inviteLink('https://kring.example.org', CODE)).toBe(LINK);
    expect(inviteLink('http://localhost:4444', CODE)).toBe('http://localhost:4444/#ABCD-EFGH-JK');
    expect(inviteLink('https://example.org/kring/', CODE)).toBe(
      'https://example.org/kring/#ABCD-EFGH-JK',
    );
  });

  it('carries nothing but page and code: no query, no credentials, no old fragment', () => {
    const link = inviteLink('https://user:secret@kring.example.org/?passphrase=x&a=1#old', CODE);
    expect(link).toBe(LINK);
  });

  it('sends nothing of the code to the server: it is only in the fragment', () => {
    fc.assert(
      fc.property(anyPage, anyCode, (page, code) => {
        const url = new URL(inviteLink(page, code));
        expect(url.search).toBe('');
        expect(url.hash).toBe(`#${formatRoomCode(code)}`);
        // What a browser requests from the server: everything before the fragment.
        const requested = url.href.slice(0, url.href.indexOf('#'));
        expect(requested).toBe(new URL(page).href);
      }),
    );
  });

  it('round-trips every code through the fragment and through a pasted link', () => {
    fc.assert(
      fc.property(anyPage, anyCode, (page, code) => {
        const link = inviteLink(page, code);
        expect(parseInviteFragment(new URL(link).hash)).toEqual({ ok: true, value: code });
        expect(readRoomCode(link)).toEqual({ ok: true, value: code });
        // parseRoomCode (what the Join screen used before) agrees.
        expect(parseRoomCode(link)).toEqual({ ok: true, value: code });
      }),
    );
  });
});

describe('participantPageUrl', () => {
  it.each([
    ['wss://signal.example.org', 'https://signal.example.org/'],
    ['wss://signal.example.org/path/to/ws', 'https://signal.example.org/'],
    ['wss://signal.example.org:8443/ws?x=1', 'https://signal.example.org:8443/'],
    ['wss://signal.example.org:443', 'https://signal.example.org/'],
    ['ws://localhost:4444', 'http://localhost:4444/'],
    ['ws://127.0.0.1:4444/', 'http://127.0.0.1:4444/'],
    ['ws://[::1]:4444', 'http://[::1]:4444/'],
    ['  wss://Signal.Example.org  ', 'https://signal.example.org/'],
  ])('%s → %s', (signaling, page) => {
    expect(participantPageUrl(signaling)).toBe(page);
  });

  it.each(['https://signal.example.org', 'not a url', '', 'ws://'])(
    'has no page for %j',
    (signaling) => {
      expect(participantPageUrl(signaling)).toBeUndefined();
    },
  );
});

describe('parseInviteFragment', () => {
  it.each(['', '#', '#%20', '#/', '#  ', '#code=', '#.'])('finds no invite in %j', (hash) => {
    expect(parseInviteFragment(hash)).toBeUndefined();
  });

  it.each([
    ['the link as built', '#ABCD-EFGH-JK'],
    ['without its #', 'ABCD-EFGH-JK'],
    ['lower case, as some apps lower links', '#abcd-efgh-jk'],
    ['percent-encoded spaces', '#ABCD%20EFGH%20JK'],
    ['escaped twice', '#ABCD%2520EFGH%2520JK'],
    ['an encoded dash', '#ABCD%2DEFGH%2DJK'],
    ['a doubled #', '##ABCD-EFGH-JK'],
    ['a hash-router slash', '#/ABCD-EFGH-JK'],
    ['a hash-bang', '#!/ABCD-EFGH-JK'],
    ['a trailing slash', '#ABCD-EFGH-JK/'],
    ['trailing sentence punctuation', '#ABCD-EFGH-JK).'],
    ['an encoded closing bracket', '#ABCD-EFGH-JK%29'],
    ['a zero-width space from a chat app', '#ABCD-EFGH-JK\u200b'],
    ['tracking parameters after the fragment', '#ABCD-EFGH-JK?utm_source=whatsapp'],
    ['a code parameter', '#code=ABCD-EFGH-JK'],
  ])('reads %s', (_, hash) => {
    expect(expectOk(parseInviteFragment(hash) ?? { ok: false, error: null })).toBe(CODE);
  });

  it('reads look-alikes as a typed code does', () => {
    expect(parseInviteFragment('#O1LU-0000-00')).toEqual({ ok: true, value: '011V000000' });
  });

  it.each([
    ['#ABCD-EFGH-J', { code: 'too-short', length: 9, expected: 10 }],
    ['#ABCD-EFGH-JKM', { code: 'too-long', length: 11, expected: 10 }],
    ['#ABCD-EFGH-J*', { code: 'invalid-character', character: '*', position: 10 }],
    ['#ABCD%E2%82%ACEFGH', { code: 'invalid-character', character: '€', position: 5 }],
  ])('gives %j the error a typed code gets', (hash, error) => {
    expect(parseInviteFragment(hash)).toEqual({ ok: false, error });
    expect(readRoomCode(inviteFragmentText(hash))).toEqual({ ok: false, error });
    expect(readRoomCode(`https://kring.example.org/${hash}`)).toEqual({ ok: false, error });
  });

  it('never throws, whatever the fragment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (hash) => {
        const result = parseInviteFragment(hash);
        if (result?.ok) expect(result.value).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      }),
    );
  });
});

describe('inviteFragmentText', () => {
  it('is what the Join screen shows for a fragment that is not a code', () => {
    expect(inviteFragmentText('#abcd%20efgh%20j')).toBe('abcd efgh j');
    expect(inviteFragmentText('#/ABCD-EFGH-J/')).toBe('ABCD-EFGH-J');
  });
});

describe('readRoomCode, for the Join screen', () => {
  it.each([
    ['a bare code', 'ABCD-EFGH-JK'],
    ['a code in brackets', '(ABCD-EFGH-JK)'],
    ['a quoted code', '“abcd efgh jk”'],
    ['a code with a zero-width space inside', 'ABCD\u200b-EFGH-JK'],
    ['the link', LINK],
    ['a link in angle brackets (mail)', `<${LINK}>`],
    ['a link at the end of a sentence', `${LINK}.`],
    ['a link copied with its sentence punctuation', `${LINK}),`],
    ['a link with %20', 'https://kring.example.org/#ABCD%20EFGH%20JK'],
    ['a link with an extra slash', 'https://kring.example.org//#ABCD-EFGH-JK'],
    ['a link with a hash-router slash', 'https://kring.example.org/#/ABCD-EFGH-JK/'],
    ['a link with tracking parameters', 'https://kring.example.org/?fbclid=x1#ABCD-EFGH-JK'],
    ['a link without its scheme', 'kring.example.org/#ABCD-EFGH-JK'],
    ['a link whose # was lost', 'https://kring.example.org/ABCD-EFGH-JK'],
    ['a lost # and a trailing slash', 'kring.example.org/abcd-efgh-jk/'],
    ['an old ?code= link', 'https://kring.example.org/join?code=ABCD-EFGH-JK'],
    ['a link with surrounding whitespace', `  ${LINK}\n`],
  ])('%s', (_, input) => {
    expect(expectOk(readRoomCode(input))).toBe(CODE);
  });

  it('refuses a link that holds no code, also one whose page name spells ten code characters', () => {
    for (const input of [
      'https://kring.example.org/',
      'https://kring.example.org/welcome.htm',
      'https://kring.example.org/ABCDEFGHJK',
    ]) {
      expect(readRoomCode(input)).toEqual({ ok: false, error: { code: 'link-without-code' } });
    }
    expect(readRoomCode('https://kring.example.org/#')).toEqual({
      ok: false,
      error: { code: 'empty' },
    });
  });

  it('drops punctuation around a code only when that makes it valid', () => {
    // `!` is a shifted 1: saying so helps more than "too short".
    const shifted = { code: 'invalid-character', character: '!', position: 10 };
    expect(readRoomCode('K7QM-PX4R-9!')).toEqual({ ok: false, error: shifted });
    expect(parseInviteFragment('#K7QM-PX4R-9!')).toEqual({ ok: false, error: shifted });
    expect(readRoomCode('K7QM-PX4R-9T!')).toEqual({ ok: true, value: 'K7QMPX4R9T' });
  });

  it('keeps the typed errors of parseRoomCode for bare codes', () => {
    expect(readRoomCode('')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(readRoomCode('ABCD-EFGH-J')).toEqual(parseRoomCode('ABCD-EFGH-J'));
    expect(readRoomCode('ABCD-EFGH-J*K')).toEqual({
      ok: false,
      error: { code: 'invalid-character', character: '*', position: 10 },
    });
  });
});
