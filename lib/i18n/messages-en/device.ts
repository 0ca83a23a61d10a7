/**
 * English texts for "This device" in Settings: deleting everything Kring keeps here.
 * Part of the catalogue in ../messages-en.ts.
 */
export const enDevice = {
  'device.title': 'This device',
  'device.intro':
    'Kring keeps your sessions, their harvests, your own templates and your settings in this browser only.',
  'device.deleteEverything': 'Delete everything on this device',
  'device.confirmTitle': 'Delete everything Kring keeps on this device?',
  'device.confirmWhat': 'This removes, from this browser:',
  'device.confirmSessions': 'every session and its harvest',
  'device.confirmDrafts': 'drafts you have not shared yet',
  'device.confirmTemplates': 'templates of your own',
  'device.confirmSettings': 'your settings: language, name and servers',
  'device.confirmOthers':
    'Sessions are not touched on other people’s devices: whoever took part keeps their own copy.',
  'device.confirmFinal':
    'This cannot be undone. Export any harvest you want to keep before you go on.',
  'device.confirmYes': 'Delete everything',
  'device.confirmNo': 'Keep everything',
  'device.deleting': 'Deleting…',
  'device.removed': 'Removed {what}.',
  'device.removedSessions': { one: '{count} session', other: '{count} sessions' },
  'device.removedTemplates': {
    one: '{count} template of your own',
    other: '{count} templates of your own',
  },
  'device.removedSettings': 'your settings',
  'device.empty': 'Kring keeps nothing on this device any more.',
  'device.incomplete': 'Not everything could be removed.',
  'device.sessionsBlocked': {
    one: '{count} session is still on this device: another tab or window has it open. Close that tab or window and try again.',
    other:
      '{count} sessions are still on this device: another tab or window has them open. Close that tab or window and try again.',
  },
  'device.sessionsFailed': {
    one: '{count} session could not be removed ({detail}). Try again.',
    other: '{count} sessions could not be removed ({detail}). Try again.',
  },
  'device.storageFailed':
    'Some of your settings, templates or the list of sessions could not be removed ({detail}). Try again.',
} as const;
