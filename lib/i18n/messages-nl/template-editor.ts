import type { Catalogue } from '../messages-en';
import type { enTemplateEditor } from '../messages-en/template-editor';

/**
 * Nederlandse teksten voor eigen werkvormen: "Mijn werkvormen" in de keuzelijst, een bestand
 * importeren, en het bewerken van een werkvorm. Zelfde sleutels als
 * messages-en/template-editor.ts.
 */
export const nlTemplateEditor: Catalogue<typeof enTemplateEditor> = {
  'tpl.mine': 'Mijn werkvormen',
  'tpl.noneYet':
    'Je hebt nog geen eigen werkvormen. Maak een kopie van een werkvorm hierboven, begin een nieuwe, of importeer een bestand van een collega.',
  'tpl.new': 'Nieuwe werkvorm',
  'tpl.import': 'Werkvorm importeren',
  'tpl.importFile': 'Bestand met een werkvorm',
  'tpl.export': 'Werkvorm exporteren',
  'tpl.edit': 'Werkvorm bewerken',
  'tpl.copy': 'Kopie maken',
  'tpl.copyName': '{name} (kopie)',
  'tpl.delete': 'Werkvorm verwijderen',
  'tpl.deleteConfirm':
    '“{name}” van dit apparaat verwijderen? Sessies die je ermee hebt gehouden, houden alles wat erin staat.',
  'tpl.deleteNo': 'Bewaren',
  'tpl.importRefused':
    'Kring kan {file} niet als werkvorm gebruiken. Er is niets bewaard. Wat er niet klopt:',
  'tpl.conflict': 'Er is al een werkvorm met de id “{id}”: {name}.',
  'tpl.conflictBuiltIn':
    'Die hoort bij Kring en blijft staan. Allebei bewaren, onder een andere id?',
  'tpl.conflictOwn': 'Het is een eigen werkvorm. Vervangen door het bestand, of allebei bewaren?',
  'tpl.replace': 'Vervangen',
  'tpl.keepBoth': 'Allebei bewaren',
  'tpl.heading.new': 'Nieuwe werkvorm',
  'tpl.heading.edit': 'Werkvorm bewerken',
  'tpl.notFound': 'Deze werkvorm staat niet meer op dit apparaat.',
  'tpl.languages': 'Talen van deze werkvorm',
  'tpl.languagesHint':
    'Schrijf in één taal of in allebei. Kring bewaart elke werkvorm in het Nederlands en het Engels; schrijf je in één taal, dan vraagt Kring hoe de andere gevuld wordt.',
  'tpl.id': 'Id',
  'tpl.idHint': 'Ook de bestandsnaam: kleine letters, cijfers en streepjes.',
  'tpl.idTaken': 'Een andere werkvorm op dit apparaat heeft deze id al.',
  'tpl.version': 'Versie',
  'tpl.versionHint': 'Een heel getal. Hoog het op als je de fases verandert.',
  'tpl.name': 'Naam ({language})',
  'tpl.purpose': 'Doel ({language})',
  'tpl.credits': 'Bronnen en vermelding ({language})',
  'tpl.learningQuestion': 'Gedeelde leervraag',
  'tpl.learningQuestionHint':
    'Een nieuwe sessie vraagt naar de vraag waar de groep aan werkt, en zet die bovenaan.',
  'tpl.phases': 'Fases',
  'tpl.phase': 'Fase {number}',
  'tpl.phaseTitle': 'Titel ({language})',
  'tpl.phasePrompt': 'Vraag aan de groep ({language})',
  'tpl.phaseNotes': 'Aantekeningen voor de begeleider ({language})',
  'tpl.voting': 'Stemmen met stippen voorstellen',
  'tpl.votingHint': 'De begeleider opent en sluit het stemmen nog steeds zelf.',
  'tpl.review': 'Terugblik aan het begin',
  'tpl.reviewHint':
    'Een vervolgsessie zet hier de open vragen en acties van de vorige sessie neer.',
  'tpl.moveUp': 'Omhoog',
  'tpl.moveDown': 'Omlaag',
  'tpl.save': 'Werkvorm bewaren',
  'tpl.saving': 'Bezig met bewaren…',
  'tpl.problems': {
    one: 'Pas dit aan voor je bewaart:',
    other: 'Pas deze {count} punten aan voor je bewaart:',
  },
  'tpl.fieldOfPhase': 'Fase {number}: {field}',
  'tpl.oneLanguage.en':
    'Deze werkvorm heeft alleen Engelse teksten, en Kring bewaart ook Nederlandse.',
  'tpl.oneLanguage.nl':
    'Deze werkvorm heeft alleen Nederlandse teksten, en Kring bewaart ook Engelse.',
  'tpl.sameTexts.en': 'Gebruik de Engelse teksten ook voor het Nederlands',
  'tpl.sameTexts.nl': 'Gebruik de Nederlandse teksten ook voor het Engels',
  'tpl.writeOther.en': 'Zelf de Nederlandse teksten schrijven',
  'tpl.writeOther.nl': 'Zelf de Engelse teksten schrijven',
  'tpl.leaveConfirm':
    'Weggaan zonder te bewaren? Je wijzigingen in deze werkvorm gaan dan verloren.',
  'tpl.leaveYes': 'Weggaan zonder bewaren',
  'tpl.leaveNo': 'Verder bewerken',
};
