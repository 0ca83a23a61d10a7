/**
 * English texts for the start screens, starting and joining a session, the web page and settings.
 * Part of the catalogue in ../messages-en.ts.
 */
export const enApp = {
  'app.name': 'Kring',
  'common.close': 'Close',
  'nav.back': 'Back',
  'nav.settings': 'Settings',
  'part.failed': 'This part of Kring did not load. Check the connection and try again.',
  'part.retry': 'Try again',

  'page.insecure.title': 'This page needs a secure connection',
  'page.insecure.why':
    'Kring encrypts every session with a key your browser makes, and browsers only do that on pages opened over https://. This page was opened at {address}, without https.',
  'page.whatToDo': 'What you can do',
  'page.insecure.https': 'Open the page with https:// at the start of the address.',
  'page.insecure.server':
    'Ask whoever runs the Kring server to put it behind TLS (https), for example with Caddy or nginx.',
  'page.insecure.local': 'On the computer that runs the server, this address works too:',
  'page.noCrypto.title': 'Kring does not work in this browser',
  'page.noCrypto.why':
    'Kring encrypts every session with a key your browser makes, and this browser lacks the part that does that (WebCrypto).',
  'page.noCrypto.fix':
    'Update the browser, or open this page in a recent Chrome, Edge, Firefox or Safari.',

  'home.newSession': 'New session',
  'home.newSessionHint': 'Start from a template and invite the group with a room code.',
  'home.joinSession': 'Join session',
  'home.joinSessionHint': 'Enter the room code the facilitator shows you.',
  'home.mySessions': 'My sessions',
  'home.noSessions': 'Sessions you start or join on this device appear here.',
  'home.privacy':
    'No account. What you write travels directly between the devices in the session and is stored only on them.',

  'sessions.role.facilitator': 'Facilitator',
  'sessions.role.participant': 'Participant',
  'sessions.open': 'Open {title}',
  'sessions.export': 'Export Markdown of {title}',
  'sessions.delete': 'Delete {title} from this device',
  'sessions.deleteConfirm':
    'Delete “{title}” from this device? Everything stored here for it is removed. Others in the session keep their copy.',
  'sessions.deleteYes': 'Delete',
  'sessions.deleteNo': 'Keep',
  'sessions.deleted': '“{title}” was deleted from this device.',
  'sessions.lastOpened': 'Last opened {date}',

  'new.title': 'New session',
  'new.templates': 'Templates',
  'new.minutes': { one: '{count} minute', other: '{count} minutes' },
  'new.phases': { one: '{count} phase', other: '{count} phases' },
  'new.sessionTitle': 'Session title (optional)',
  'new.sessionTitleHint': 'For example: Neighbourhood lab, 3 December',
  'new.language': 'Language of the session',
  'new.passphrase': 'Extra passphrase (optional)',
  'new.passphraseHint': 'Participants then need the room code and this passphrase.',
  'new.largeGroup': 'Large group',
  'new.largeGroupHint':
    'More than about 12 people, or a network that blocks direct connections: everyone connects through the server, still end-to-end encrypted.',
  'new.start': 'Start session',
  'new.starting': 'Preparing a private room…',
  'new.chooseTemplate': 'Choose a template first.',

  'join.title': 'Join session',
  'join.code': 'Room code',
  'join.codeHint':
    'Ten letters and digits, like K7QM-PX4R-9T. Dashes and spaces do not matter; a pasted invite link works too.',
  'join.name': 'Your name',
  'join.nameHint':
    'Optional. Only shown to others while you are here; your contributions stay anonymous.',
  'join.passphrase': 'Passphrase',
  'join.passphraseHint': 'Only if the facilitator gave you one.',
  'join.submit': 'Join',
  'join.joining': 'Opening a private room…',
  'join.error.empty': 'Enter the room code.',
  'join.error.too-short':
    'The room code is too short: {length} of {expected} characters. Check the code.',
  'join.error.too-long': 'The room code is too long: {length} characters, a code has {expected}.',
  'join.error.invalid-character':
    '“{character}” (character {position}) cannot be part of a room code.',
  'join.error.link-without-code': 'This link holds no room code.',

  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.language.auto': 'Browser language',
  'settings.displayName': 'Your name',
  'settings.signaling': 'Connection servers (signaling)',
  'settings.signalingHint':
    'One address per line, starting with wss:// (or ws:// on your own computer). The same server also relays large groups (at /relay), end-to-end encrypted: it cannot read anything.',
  'settings.page': 'Participant page',
  'settings.pageHint': 'The web address that the invite link and QR code open on phones.',
  'settings.pageDefault': 'Leave empty for {address} (from the first connection server).',
  'settings.ice': 'STUN and TURN servers',
  'settings.iceHint':
    'One per line: stun:host:port, or turn:host:port user password. TURN helps behind strict firewalls.',
  'settings.save': 'Save settings',
  'settings.saved': 'Settings saved.',
  'settings.notSaved': 'Not saved: fix the marked fields first.',
} as const;
