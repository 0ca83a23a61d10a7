import type { Catalogue } from '../messages-en';
import type { enContinue } from '../messages-en/continue';

/**
 * Nederlandse teksten voor een reeks sessies: "Verder in een nieuwe sessie", de gedeelde
 * leervraag, en vragen afvinken als beantwoord en acties als klaar.
 * Zelfde sleutels als messages-en/continue.ts.
 */
export const nlContinue: Catalogue<typeof enContinue> = {
  'continue.action': 'Verder in een nieuwe sessie',
  'continue.title': 'Verder in een nieuwe sessie',
  'continue.source': 'Vervolg op “{title}” van {date}',
  'continue.loading': 'De vorige sessie wordt gelezen…',
  'continue.missing':
    'Deze sessie staat niet meer op dit apparaat, of is niet te lezen. Begin dan een nieuwe sessie.',
  'continue.openQuestions': 'Open vragen',
  'continue.openActions': 'Open acties',
  'continue.carryHint':
    'De vragen en acties die je aanvinkt, komen in de eerste fase van de nieuwe sessie.',
  'continue.selectAll': 'Alles',
  'continue.selectNone': 'Geen',
  'continue.noQuestions': 'Geen open vragen.',
  'continue.noActions': 'Geen open acties.',
  'continue.noDue': 'geen datum',
  'continue.noOwner': 'nog niemand',
  'continue.from': 'Meegenomen uit “{title}”, {date}',

  'learning.field': 'Gedeelde leervraag',
  'learning.fieldHint':
    'Mag leeg blijven. De vraag die de groep samen onderzoekt; je kunt hem tijdens de sessie nog aanpassen.',
  'learning.heading': 'Leervraag',
  'learning.empty': 'Nog geen leervraag.',
  'learning.edit': 'Leervraag bewerken',
  'learning.editHint': 'Enter bewaart, Escape annuleert.',

  'done.question': 'Beantwoord',
  'done.action': 'Klaar',
  'done.questionNamed': 'Beantwoord: {text}',
  'done.actionNamed': 'Klaar: {text}',
};
