/**
 * English texts for facilitator guides and participant handouts (issue 8).
 * Part of the catalogue in ../messages-en.ts.
 */
export const enGuides = {
  'guides.open': 'Facilitator guide',
  'guides.back': 'Back to the templates',
  'guides.loading': 'Loading the guide…',
  'guides.notFound': 'This template is not on this device any more.',
  'guides.generated': 'Facilitator guide',
  'guides.purpose': 'Purpose',
  'guides.time': 'Time',
  'guides.about': {
    one: 'About {minutes} minutes, {count} phase.',
    other: 'About {minutes} minutes, {count} phases.',
  },
  'guides.phases': 'Phase by phase',
  'guides.phaseTitle': '{number}. {title} ({minutes} min)',
  'guides.prompt': 'The question for the group',
  'guides.notes': 'Notes for you',
  'guides.settings': 'Settings',
  'guides.collects': 'Collects: {kinds}.',
  'guides.collectsNothing': 'Collects nothing: a spoken round.',
  'guides.privateWriting': 'Everyone writes alone first; you reveal the drafts.',
  'guides.themes.facilitator': 'You make the themes and sort the insights.',
  'guides.themes.anyone': 'Everyone may make themes and sort the insights.',
  'guides.voting': {
    one: 'Dot voting: {count} dot each.',
    other: 'Dot voting: {count} dots each.',
  },
  'guides.votingMax': 'At most {count} on one contribution.',
  'guides.review':
    'The opening review: a continued session puts the open questions and actions here.',
  'guides.learningQuestion':
    'The session revolves around a shared learning question, asked when the session starts.',
  'guides.credits': 'Sources',
  'guides.kind.question': 'questions',
  'guides.kind.insight': 'insights',
  'guides.kind.action': 'actions',
  // The handout page (entrypoints/handout, web/handout.html), in the session's language.
  'handout.title': 'Handout: {name}',
  'handout.print': 'Print',
  'handout.printHint': 'This page is made to be printed on one A4 sheet.',
  'handout.missing': 'This handout could not be found. Open it again from Kring.',
  'handout.today': 'Today: about {minutes} minutes',
  'handout.join': 'Join the session',
  'handout.code': 'Room code',
  'handout.link': 'Invite link',
  'handout.qr': 'QR code with the invite link',
  'handout.blankHint':
    'Write the room code here. The facilitator shows it, with a QR code, on the screen.',
  'handout.scan': 'Scan the QR code with your phone camera, or open the link.',
  'handout.steps':
    'Or open Kring and choose Join session, then type the room code. A name is optional.',
  'handout.phases': 'What will happen',
  'handout.phase': 'Phase',
  'handout.time': 'Time',
  'handout.question': 'The question',
  'handout.minutes': '{count} min',
  'handout.rules': 'How we work together',
  'handout.rule.listen': 'Listen to understand; everyone’s experience counts.',
  'handout.rule.anonymous':
    'What you write is anonymous: Kring keeps no names with notes and nothing on a server.',
  'handout.rule.short': 'One thought per note. Short and concrete works best.',
  'handout.harvest': 'Afterwards everyone receives the harvest.',
} as const;
