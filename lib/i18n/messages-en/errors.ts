/**
 * English texts for the refusals and errors the core and the settings report.
 * Part of the catalogue in ../messages-en.ts.
 */
export const enErrors = {
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
  'error.not-allowed': 'Only the facilitator can do that here.',
  'error.theme-not-found': 'This theme was deleted by someone else.',
  'error.too-many-themes': 'A session can have at most {limit} themes.',
  'error.not-an-insight': 'Only insights can be put in a theme.',
  'error.voting-not-open': 'Voting is not open in this phase.',
  'error.kind-not-voted': 'This kind of contribution is not part of the vote.',
  'error.no-votes-left':
    'You have used all {budget} of your votes. Take one back from another contribution first.',
  'error.item-vote-limit': 'You can give one contribution at most {limit} votes.',
  'error.no-vote-to-remove': 'You have no vote on this contribution to take back.',
  'error.invalid-budget': 'Votes per person must be a whole number from 1 to 20.',
  'error.draft-not-found': 'This draft is no longer on this device.',
  'error.too-many-drafts': 'You can keep at most {limit} drafts in one session.',
  'error.not-private': 'This phase is not one for writing alone first.',
  'error.cannot-be-done': 'Only questions and actions can be marked answered or done.',
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
