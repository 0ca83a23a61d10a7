import type { Catalogue } from '../messages-en';
import type { enTemplateFiles } from '../messages-en/template-files';

/**
 * Nederlandse teksten voor werkvormbestanden (importeren, exporteren, wat er mis is met een
 * geweigerd bestand) en je eigen werkvormen op dit apparaat. Het pad blijft zoals het in het
 * bestand staat; alleen de uitleg is vertaald.
 */
export const nlTemplateFiles: Catalogue<typeof enTemplateFiles> = {
  'templateFile.problemAt': '{path}: {problem}',
  'templateFile.wholeFile': 'bestand',
  'templateFile.problem.missing': 'dit veld ontbreekt',
  'templateFile.problem.not-an-object': 'moet een groep velden tussen accolades zijn, { … }',
  'templateFile.problem.not-an-array': 'moet een lijst tussen vierkante haken zijn, [ … ]',
  'templateFile.problem.not-a-string': 'moet tekst tussen dubbele aanhalingstekens zijn',
  'templateFile.problem.not-an-integer': 'moet een heel getal zijn, zonder aanhalingstekens',
  'templateFile.problem.not-a-boolean': 'moet true of false zijn, zonder aanhalingstekens',
  'templateFile.problem.unknown-value': 'is geen van de waarden die dit veld toestaat',
  'templateFile.problem.empty': 'mag niet leeg zijn',
  'templateFile.problem.invalid-id':
    'mag alleen kleine letters en cijfers bevatten, met losse streepjes ertussen (zoals mijn-werkvorm-2)',
  'templateFile.problem.unknown-kind': 'moet question, insight of action zijn',
  'templateFile.problem.duplicate-kind': 'deze soort staat er al in',
  'templateFile.problem.duplicate-id': 'dit id is hierboven al gebruikt',
  'templateFile.problem.duplicate-review': 'een andere fase is al de terugblik',
  'templateFile.problem.kind-not-in-phase': 'de fase zelf verzamelt deze soort niet',
  'templateFile.problem.nothing-to-vote-on':
    'stemmen kan alleen in een fase die bijdragen verzamelt (de soorten zijn leeg)',
  'templateFile.problem.themes-without-insights':
    'thema’s kunnen alleen in een fase die inzichten verzamelt',
  'templateFile.problem.unknown-field': 'dit veld bestaat niet in het formaat (een tikfout?)',
  'templateFile.problem.too-long': {
    one: 'te lang: hoogstens {count} teken',
    other: 'te lang: hoogstens {count} tekens',
  },
  'templateFile.problem.too-many': 'te veel: hoogstens {count}',
  'templateFile.problem.out-of-range': 'moet van {min} tot en met {max} zijn',
  'templateFile.problem.file-too-large': 'te groot: een werkvormbestand is hoogstens {kb} kB',
  'templateFile.problem.invalid-json': 'dit is geen geldig JSON-bestand ({detail})',
  'templateFile.problem.invalid-utf8':
    'dit is geen tekstbestand in UTF-8 (sla het op als UTF-8 en probeer het opnieuw)',
  'templateFile.problem.too-many-problems': {
    one: '… en nog {count} probleem',
    other: '… en nog {count} problemen',
  },

  'ownTemplates.refused.invalid': 'Er zitten fouten in deze werkvorm; hij is niet bewaard.',
  'ownTemplates.refused.built-in-id':
    'Een werkvorm van Kring zelf heeft het id “{id}” al. Kies een ander id.',
  'ownTemplates.refused.id-taken':
    'Een van je eigen werkvormen heeft het id “{id}” al. Kies een ander id.',
  'ownTemplates.refused.not-found': 'Je hebt geen eigen werkvorm met het id “{id}” meer.',
  'ownTemplates.refused.newer-store':
    'Je werkvormen op dit apparaat zijn bewaard door een nieuwere versie van Kring. Werk Kring bij om ze te wijzigen.',
  'ownTemplates.refused.storage-failed': 'Bewaren op dit apparaat lukte niet: {detail}',
};
