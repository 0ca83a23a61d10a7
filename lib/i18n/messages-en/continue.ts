/**
 * English texts for a series of sessions: "Continue in a new session", the shared learning
 * question, and marking questions answered and actions done. Part of the catalogue in
 * ../messages-en.ts.
 */
export const enContinue = {
  'continue.action': 'Continue in a new session',
  'continue.title': 'Continue in a new session',
  'continue.source': 'Continues “{title}” of {date}',
  'continue.loading': 'Reading the previous session…',
  'continue.missing':
    'This session is no longer on this device, or it cannot be read. Start a new session instead.',
  'continue.openQuestions': 'Open questions',
  'continue.openActions': 'Open actions',
  'continue.carryHint':
    'The questions and actions you check open the new session, in its first phase.',
  'continue.selectAll': 'Select all',
  'continue.selectNone': 'None',
  'continue.noQuestions': 'No open questions.',
  'continue.noActions': 'No open actions.',
  'continue.noDue': 'no date',
  'continue.noOwner': 'nobody yet',
  'continue.from': 'From “{title}”, {date}',

  'learning.field': 'Shared learning question',
  'learning.fieldHint':
    'Optional. The question the group explores together; you can still change it during the session.',
  'learning.heading': 'Learning question',
  'learning.empty': 'No learning question yet.',
  'learning.edit': 'Edit learning question',
  'learning.editHint': 'Enter saves, Escape cancels.',

  'done.question': 'Answered',
  'done.action': 'Done',
  'done.questionNamed': 'Answered: {text}',
  'done.actionNamed': 'Done: {text}',
} as const;
