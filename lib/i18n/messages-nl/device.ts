import type { Catalogue } from '../messages-en';
import type { enDevice } from '../messages-en/device';

/**
 * Nederlandse teksten voor ‘Dit apparaat’ in Instellingen: alles wissen wat Kring hier bewaart.
 * Zelfde sleutels als messages-en/device.ts.
 */
export const nlDevice: Catalogue<typeof enDevice> = {
  'device.title': 'Dit apparaat',
  'device.intro':
    'Kring bewaart je sessies, hun oogst, je eigen werkvormen en je instellingen alleen in deze browser.',
  'device.deleteEverything': 'Alles op dit apparaat wissen',
  'device.confirmTitle': 'Alles wissen wat Kring op dit apparaat bewaart?',
  'device.confirmWhat': 'Uit deze browser verdwijnen:',
  'device.confirmSessions': 'alle sessies en hun oogst',
  'device.confirmDrafts': 'concepten die je nog niet hebt gedeeld',
  'device.confirmTemplates': 'je eigen werkvormen',
  'device.confirmSettings': 'je instellingen: taal, naam en servers',
  'device.confirmOthers':
    'Op de apparaten van anderen blijven de sessies staan: wie meedeed, houdt een eigen kopie.',
  'device.confirmFinal':
    'Dit kun je niet ongedaan maken. Exporteer eerst de oogst die je wilt bewaren.',
  'device.confirmYes': 'Alles wissen',
  'device.confirmNo': 'Alles bewaren',
  'device.deleting': 'Bezig met wissen…',
  'device.removed': 'Gewist: {what}.',
  'device.removedSessions': { one: '{count} sessie', other: '{count} sessies' },
  'device.removedTemplates': { one: '{count} eigen werkvorm', other: '{count} eigen werkvormen' },
  'device.removedSettings': 'je instellingen',
  'device.empty': 'Kring bewaart niets meer op dit apparaat.',
  'device.incomplete': 'Niet alles kon worden gewist.',
  'device.sessionsBlocked': {
    one: '{count} sessie staat nog op dit apparaat: een ander tabblad of venster heeft haar open. Sluit dat en probeer het opnieuw.',
    other:
      '{count} sessies staan nog op dit apparaat: een ander tabblad of venster heeft ze open. Sluit dat en probeer het opnieuw.',
  },
  'device.sessionsFailed': {
    one: '{count} sessie kon niet worden gewist ({detail}). Probeer het opnieuw.',
    other: '{count} sessies konden niet worden gewist ({detail}). Probeer het opnieuw.',
  },
  'device.storageFailed':
    'Een deel van je instellingen, werkvormen of de lijst met sessies kon niet worden gewist ({detail}). Probeer het opnieuw.',
};
