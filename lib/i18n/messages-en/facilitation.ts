/**
 * English texts for voting, writing alone first (drafts) and themes.
 * Part of the catalogue in ../messages-en.ts.
 */
export const enFacilitation = {
  'voting.label': 'Voting',
  'voting.start': 'Start voting',
  'voting.settings': 'Voting settings',
  'voting.budget': 'Votes per person',
  'voting.maxPerItem': 'Maximum per contribution',
  'voting.maxPerItemHint':
    'Optional. Left empty, someone may put all their votes on one contribution.',
  'voting.kinds': 'Vote on',
  'voting.showLive': 'Show results live',
  'voting.summaryBudget': { one: '{count} vote each', other: '{count} votes each' },
  'voting.summaryMax': 'at most {count} per contribution',
  'voting.summaryNoMax': 'no maximum per contribution',
  'voting.summaryLive': 'results shown live',
  'voting.summaryHidden': 'results when you close voting',
  'voting.maxInvalid':
    'The maximum per contribution must be a whole number from 1 to {budget}, or empty.',
  'voting.chooseKind': 'Choose at least one kind of contribution to vote on.',
  'voting.open': {
    one: 'Voting is open: {count} vote each.',
    other: 'Voting is open: {count} votes each.',
  },
  'voting.openMax': 'At most {count} on one contribution.',
  'voting.openKinds': 'Voting on {kinds}.',
  'voting.openHidden': 'Totals are shown when voting closes.',
  'voting.openLive': 'Totals are shown live.',
  'voting.closed': 'Voting is closed: most votes first.',
  'voting.close': 'Close voting',
  'voting.reopen': 'Open voting again',
  'voting.votesLeft': 'Votes left',
  'voting.votesLeftCount': 'Votes left: {left} of {budget}',
  'voting.add': 'Add a vote',
  'voting.addNamed': 'Add a vote: {text}',
  'voting.remove': 'Remove a vote',
  'voting.removeNamed': 'Remove a vote: {text}',
  'voting.yours': { one: '{count} vote from you', other: '{count} votes from you' },
  'voting.total': { one: '{count} vote', other: '{count} votes' },
  'voting.rank': 'No. {rank}',
  'voting.showLower': { one: 'Show 1 more', other: 'Show {count} more' },

  'private.note':
    'Write alone first: what you write stays on this device until the facilitator reveals.',
  'private.noteFacilitator':
    'Write alone first: what anyone writes stays on their own device until you press Reveal.',
  'private.noDrafts': 'No drafts written yet.',
  'private.draftCount': {
    one: '{count} draft written so far',
    other: '{count} drafts written so far',
  },
  'private.reveal': 'Reveal',
  'private.revealHint': 'Everyone’s drafts appear at once, without names.',
  'private.shared': {
    one: 'Your draft is now shared with the group.',
    other: 'Your {count} drafts are now shared with the group.',
  },
  'draft.yours': 'Your drafts',
  'draft.question': 'Draft question',
  'draft.insight': 'Draft insight',
  'draft.action': 'Draft action',
  'draft.onlyYou': 'Only you can see this',
  'draft.shareNow': 'Share now',
  'draft.deleteNamed': 'Delete draft: {text}',
  'draft.kept':
    'Kept as a draft on this device. Only you can see it until the facilitator reveals.',

  'theme.new': 'New theme',
  'theme.hint':
    'Group the insights: make a theme, then choose it under an insight or drag insights into it.',
  'theme.name': 'Theme name',
  'theme.namePlaceholder': 'Name this theme',
  'theme.unnamed': 'Theme {number} (no name yet)',
  'theme.group': 'Theme: {name}',
  'theme.count': { one: '{count} insight', other: '{count} insights' },
  'theme.votes': { one: '{count} vote', other: '{count} votes' },
  'theme.delete': 'Delete theme',
  'theme.deleteConfirm': 'Delete the theme “{name}”? Its insights stay, outside any theme.',
  'theme.deleteYes': 'Yes, delete the theme',
  'theme.loose': 'Not in a theme',
  'theme.allGrouped': 'Every insight is in a theme.',
  'theme.empty': 'No insights in this theme yet.',
  'theme.emptyMove': 'No insights here yet. Choose this theme under an insight, or drag one here.',
  'theme.control': 'Theme',
  'theme.none': 'No theme',
  'theme.drag': 'Drag onto a theme',
} as const;
