/**
 * English interface texts: the source catalogue. Dutch (messages-nl.ts) must have exactly the
 * same keys, which the type checker enforces. `{name}` marks a parameter; an object with `one`
 * and `other` is a plural chosen by Intl.PluralRules on the `count` parameter.
 * The English accessible names used by tests are stable API: change them only with the tests.
 */
export const en = {
  'app.name': 'Kring',
  'common.close': 'Close',
  'nav.back': 'Back',
  'nav.settings': 'Settings',

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

  'room.code': 'Room code',
  'room.copyCode': 'Copy room code',
  'room.codeCopied': 'Room code copied.',
  'room.qr': 'QR code',
  'room.showCode': 'Show room code',
  'room.hideCode': 'Hide room code',
  'room.invite':
    'Invite the group: read the code aloud, let them scan the QR code, or send the link.',
  'room.passphraseSet': 'Protected with an extra passphrase.',
  'room.passphraseNotInLink': 'The link does not contain the passphrase: tell the group yourself.',
  'room.inviteLink': 'Invite link',
  'room.copyLink': 'Copy invite link',
  'room.linkCopied': 'Invite link copied.',
  'room.share': 'Share',
  'room.shareText': 'Join the session with room code {code}.',

  'status.connecting': 'Connecting…',
  'status.connected': {
    one: 'Connected with {count} other',
    other: 'Connected with {count} others',
  },
  'status.alone': 'Connected, waiting for others',
  'status.offline': 'Offline. Your changes are kept and shared when you are back.',
  'status.signaling-unreachable':
    'Cannot reach the connection server. Your changes are kept on this device.',
  'status.wrong-passphrase':
    'The passphrase does not match this session. Ask the facilitator for the right one and join again.',
  'status.retry': 'Retry',
  'status.receiving': 'Receiving the session…',
  'status.receivingProgress': 'Session received so far',
  'status.unreachablePeers': {
    one: '{count} person here uses an older version of Kring that cannot receive a session this large. Ask them to update Kring or to open the invite link in a browser.',
    other:
      '{count} people here use an older version of Kring that cannot receive a session this large. Ask them to update Kring or to open the invite link in a browser.',
  },
  'status.label': 'Connection',

  'presence.label': 'Participants',
  'presence.count': { one: '{count} here', other: '{count} here' },
  'presence.you': 'you',
  'presence.anonymous': { one: '{count} without a name', other: '{count} without a name' },

  'session.waiting':
    'Looking for the session. It appears as soon as the facilitator or another participant is online.',
  'session.waitingLong':
    'Nobody with this room code has been found yet. Check the code with the facilitator.',
  'session.cancel': 'Cancel',
  'session.phaseOf': 'Phase {current} of {total}',
  'session.minutes': { one: '{count} min', other: '{count} min' },
  'session.nextPhase': 'Next phase',
  'session.previousPhase': 'Previous phase',
  'session.lookingBack': 'You are looking at an earlier phase.',
  'session.backToCurrent': 'Back to the current phase',
  'session.viewPhase': 'All phases',
  'session.groupIsHere': 'The group is here',
  'session.facilitatorNotes': 'Facilitator notes',
  'session.phaseChanged': 'Now: {title}',
  'session.end': 'End session',
  'session.endConfirm':
    'End the session for everyone? Contributions can then no longer be changed; the harvest stays available.',
  'session.endYes': 'End session',
  'session.reopen': 'Reopen session',
  'session.ended': 'This session has ended. You can still export the harvest.',
  'session.noKinds': 'This phase is a conversation round: nothing to write down.',
  'session.leave': 'Leave session',

  'present.button': 'Present',
  'present.hint': 'For the projector: a large view in a new tab, without your notes.',
  'present.active': 'The room view is open in another tab. Present brings it to the front.',
  'present.blocked':
    'The browser blocked the room view. Allow pop-ups for this page, then press Present again.',
  'roomView.pageTitle': 'Room view · {title}',
  'roomView.join': 'Join in',
  'roomView.joinAt': 'Scan the code, or go to {page} and enter:',
  'roomView.hideCode': 'Hide code',
  'roomView.showCode': 'Show code',
  'roomView.fullscreen': 'Full screen',
  'roomView.exitFullscreen': 'Exit full screen',
  'roomView.close': 'Close room view',
  'roomView.more': { one: '+ {count} more', other: '+ {count} more' },
  'roomView.ended': 'This session has ended.',
  'arrivals.question': { one: 'New question', other: '{count} new questions' },
  'arrivals.insight': { one: 'New insight', other: '{count} new insights' },
  'arrivals.action': { one: 'New action', other: '{count} new actions' },

  'phase.edit': 'Edit phase',
  'phase.editing': 'Edit this phase',
  'phase.title': 'Phase title',
  'phase.prompt': 'Question for the group',
  'phase.minutes': 'Minutes',
  'phase.kinds': 'Collects',
  'phase.notes': 'Notes for you',
  'phase.save': 'Save phase',
  'phase.add': 'Add a phase after this one',
  'phase.newTitle': 'New phase',
  'phase.remove': 'Remove phase',
  'phase.moveEarlier': 'Move earlier',
  'phase.moveLater': 'Move later',

  'timer.label': 'Timer',
  'timer.up': 'Time is up',
  'timer.paused': 'paused',
  'timer.start': 'Start timer ({count} min)',
  'timer.pause': 'Pause timer',
  'timer.resume': 'Resume timer',
  'timer.reset': 'Reset timer',

  'kind.question': 'Question',
  'kind.insight': 'Insight',
  'kind.action': 'Action',
  'kind.question.plural': 'Questions',
  'kind.insight.plural': 'Insights',
  'kind.action.plural': 'Actions',
  'kind.question.new': 'New question',
  'kind.insight.new': 'New insight',
  'kind.action.new': 'New action',
  'kind.question.add': 'Add question',
  'kind.insight.add': 'Add insight',
  'kind.action.add': 'Add action',
  'kind.question.none': 'No questions yet.',
  'kind.insight.none': 'No insights yet.',
  'kind.action.none': 'No actions yet.',
  'items.showEarlier': {
    one: 'Show the earlier one (1 not shown)',
    other: 'Show earlier ones ({count} not shown)',
  },
  'item.delete': 'Delete',
  'item.deleteNamed': 'Delete: {text}',
  'item.deleted': 'Deleted. ',
  'item.undo': 'Undo',
  'item.owner': 'Who',
  'item.due': 'When',
  'item.mine': 'Written by you',
  'item.enterHint': 'Enter adds it; Shift+Enter starts a new line.',
  'item.characters': '{count} of {limit} characters',

  'export.markdown': 'Export Markdown',
  'export.copy': 'Copy Markdown',
  'export.copied': 'Harvest copied as Markdown.',
  'export.downloaded': 'Harvest saved as {file}.',
  'export.failed': 'Could not copy. Use “Export Markdown” instead.',
  'export.heading': 'Harvest',

  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.language.auto': 'Browser language',
  'settings.displayName': 'Your name',
  'settings.signaling': 'Connection servers (signaling)',
  'settings.signalingHint':
    'One address per line, starting with wss:// (or ws:// on your own computer).',
  'settings.page': 'Participant page',
  'settings.pageHint': 'The web address that the invite link and QR code open on phones.',
  'settings.pageDefault': 'Leave empty for {address} (from the first connection server).',
  'settings.ice': 'STUN and TURN servers',
  'settings.iceHint':
    'One per line: stun:host:port, or turn:host:port user password. TURN helps behind strict firewalls.',
  'settings.save': 'Save settings',
  'settings.saved': 'Settings saved.',
  'settings.notSaved': 'Not saved: fix the marked fields first.',

  'error.not-a-session': 'This is not a Kring session.',
  'error.newer-schema':
    'This session was made with a newer version of Kring (format {found}; this one reads up to {supported}). Update Kring to open it.',
  'error.already-a-session': 'There is already a session here.',
  'error.session-ended': 'The session has ended; contributions can no longer be changed.',
  'error.text-empty': 'Write something first.',
  'error.text-too-long':
    'Too long: {length} characters, the limit is {limit}. Shorten the text; nothing was changed.',
  'error.too-many-items': 'This session has reached its limit of {limit} contributions.',
  'error.too-many-phases': 'A session can have at most {limit} phases.',
  'error.item-not-found': 'This contribution was deleted by someone else.',
  'error.phase-not-found': 'This phase no longer exists.',
  'error.kind-not-in-phase': 'This phase does not collect that kind of contribution.',
  'error.not-an-action': 'Only actions have an owner and a date.',
  'error.invalid-date': 'Not a valid date: “{value}”.',
  'error.invalid-minutes': 'Minutes must be a whole number between 0 and 600.',
  'error.last-phase': 'There is no phase further that way.',
  'error.phase-has-items': 'This phase still has contributions.',
  'error.storage': 'Could not save on this device: {detail}',
  'error.settings.url': 'Line {line}: “{value}” is not a ws:// or wss:// address.',
  'error.settings.ice': 'Line {line}: “{value}” is not a stun:, turn: or turns: server.',
  'error.settings.turnCredentials': 'Line {line}: a TURN server needs a user name and a password.',
  'error.settings.noSignaling': 'Give at least one connection server.',
  'error.settings.name': 'A name can have at most {limit} characters.',
  'error.settings.pageUrl':
    '“{value}” is not the address of a web page, like https://kring.example.org/ (without ? or #).',
  'error.settings.pageHttp':
    '“{value}” starts with http://: browsers run Kring over plain http:// only on the computer itself (localhost or 127.0.0.1). Phones need an https:// address.',
} as const;

type Widen<T> = T extends string ? string : { readonly one: string; readonly other: string };
export type Messages = { readonly [K in keyof typeof en]: Widen<(typeof en)[K]> };
export type MessageKey = keyof typeof en;
