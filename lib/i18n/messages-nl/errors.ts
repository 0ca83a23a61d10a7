import type { Catalogue } from '../messages-en';
import type { enErrors } from '../messages-en/errors';

/**
 * Nederlandse teksten voor de weigeringen en fouten die de kern en de instellingen melden.
 * Zelfde sleutels als messages-en/errors.ts.
 */
export const nlErrors: Catalogue<typeof enErrors> = {
  'error.not-a-session': 'Dit is geen Kring-sessie.',
  'error.newer-schema':
    'Deze sessie is gemaakt met een nieuwere versie van Kring (formaat {found}; deze versie leest tot en met {supported}). Werk Kring bij om haar te openen.',
  'error.already-a-session': 'Hier staat al een sessie.',
  'error.session-ended': 'De sessie is beëindigd; bijdragen zijn niet meer te wijzigen.',
  'error.text-empty': 'Schrijf eerst iets.',
  'error.text-too-long':
    'Te lang: {length} tekens, de grens is {limit}. Maak de tekst korter; er is niets gewijzigd.',
  'error.too-many-items': 'Deze sessie heeft de grens van {limit} bijdragen bereikt.',
  'error.too-many-phases': 'Een sessie heeft hoogstens {limit} fasen.',
  'error.item-not-found': 'Iemand anders heeft deze bijdrage verwijderd.',
  'error.phase-not-found': 'Deze fase bestaat niet meer.',
  'error.kind-not-in-phase': 'Deze fase verzamelt dat soort bijdragen niet.',
  'error.not-an-action': 'Alleen acties hebben een eigenaar en een datum.',
  'error.invalid-date': 'Geen geldige datum: “{value}”.',
  'error.invalid-minutes': 'Minuten moeten een heel getal zijn tussen 0 en 600.',
  'error.last-phase': 'Die kant op is er geen fase meer.',
  'error.phase-has-items': 'Deze fase heeft nog bijdragen.',
  'error.not-allowed': 'Dat kan hier alleen de begeleider.',
  'error.theme-not-found': 'Iemand anders heeft dit thema verwijderd.',
  'error.too-many-themes': 'Een sessie heeft hoogstens {limit} thema’s.',
  'error.not-an-insight': 'Alleen inzichten kunnen in een thema.',
  'error.voting-not-open': 'In deze fase is het stemmen niet geopend.',
  'error.kind-not-voted': 'Over dit soort bijdragen wordt niet gestemd.',
  'error.no-votes-left':
    'Je hebt al je {budget} stemmen gebruikt. Haal eerst een stem weg bij een andere bijdrage.',
  'error.item-vote-limit': 'Je kunt één bijdrage hoogstens {limit} stemmen geven.',
  'error.no-vote-to-remove': 'Je hebt op deze bijdrage geen stem om terug te nemen.',
  'error.invalid-budget': 'Stemmen per persoon moet een heel getal van 1 tot en met 20 zijn.',
  'error.draft-not-found': 'Dit concept staat niet meer op dit apparaat.',
  'error.too-many-drafts': 'Je kunt in één sessie hoogstens {limit} concepten bewaren.',
  'error.not-private': 'In deze fase schrijft niet iedereen eerst alleen.',
  'error.cannot-be-done': 'Alleen vragen en acties kun je afvinken als beantwoord of klaar.',
  'error.storage': 'Opslaan op dit apparaat lukte niet: {detail}',
  'error.settings.url': 'Regel {line}: “{value}” is geen ws://- of wss://-adres.',
  'error.settings.ice': 'Regel {line}: “{value}” is geen stun:-, turn:- of turns:-server.',
  'error.settings.turnCredentials':
    'Regel {line}: een TURN-server heeft een gebruikersnaam en een wachtwoord nodig.',
  'error.settings.noSignaling': 'Geef minstens één verbindingsserver.',
  'error.settings.name': 'Een naam heeft hoogstens {limit} tekens.',
  'error.settings.pageUrl':
    '“{value}” is geen adres van een webpagina, zoals https://kring.example.org/ (zonder ? of #).',
  'error.settings.pageHttp':
    '“{value}” begint met http://: browsers laten Kring via gewoon http:// alleen op de computer zelf werken (localhost of 127.0.0.1). Telefoons hebben een https://-adres nodig.',
};
