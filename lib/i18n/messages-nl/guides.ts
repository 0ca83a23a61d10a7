import type { Catalogue } from '../messages-en';
import type { enGuides } from '../messages-en/guides';

/**
 * Nederlandse teksten voor de handleidingen voor de begeleider en de deelnemersbladen.
 * Zelfde sleutels als messages-en/guides.ts.
 */
export const nlGuides: Catalogue<typeof enGuides> = {
  'guides.open': 'Handleiding voor de begeleider',
  'guides.back': 'Terug naar de werkvormen',
  'guides.loading': 'De handleiding wordt geladen…',
  'guides.notFound': 'Deze werkvorm staat niet meer op dit apparaat.',
  'guides.generated': 'Handleiding voor de begeleider',
  'guides.purpose': 'Doel',
  'guides.time': 'Tijd',
  'guides.about': {
    one: 'Ongeveer {minutes} minuten, {count} fase.',
    other: 'Ongeveer {minutes} minuten, {count} fasen.',
  },
  'guides.phases': 'Fase voor fase',
  'guides.phaseTitle': '{number}. {title} ({minutes} min)',
  'guides.prompt': 'De vraag aan de groep',
  'guides.notes': 'Aantekeningen voor jou',
  'guides.settings': 'Instellingen',
  'guides.collects': 'Verzamelt: {kinds}.',
  'guides.collectsNothing': 'Verzamelt niets: een gesproken ronde.',
  'guides.privateWriting': 'Iedereen schrijft eerst alleen; jij maakt de concepten zichtbaar.',
  'guides.themes.facilitator': 'Jij maakt de thema’s en deelt de inzichten in.',
  'guides.themes.anyone': 'Iedereen mag thema’s maken en inzichten indelen.',
  'guides.voting': {
    one: 'Stemmen met stippen: {count} stip per persoon.',
    other: 'Stemmen met stippen: {count} stippen per persoon.',
  },
  'guides.votingMax': 'Hoogstens {count} op één bijdrage.',
  'guides.review':
    'De terugblik: een vervolgsessie zet hier de open vragen en acties van de vorige keer.',
  'guides.learningQuestion':
    'De sessie draait om een gedeelde leervraag; die vul je in als je de sessie start.',
  'guides.credits': 'Bronnen',
  'guides.kind.question': 'vragen',
  'guides.kind.insight': 'inzichten',
  'guides.kind.action': 'acties',
  'handout.title': 'Deelnemersblad: {name}',
  'handout.print': 'Afdrukken',
  'handout.printHint': 'Deze pagina is gemaakt om op één A4’tje af te drukken.',
  'handout.missing': 'Dit deelnemersblad is niet gevonden. Open het opnieuw vanuit Kring.',
  'handout.today': 'Vandaag: ongeveer {minutes} minuten',
  'handout.join': 'Doe mee met de sessie',
  'handout.code': 'Kamercode',
  'handout.link': 'Uitnodigingslink',
  'handout.qr': 'QR-code met de uitnodigingslink',
  'handout.blankHint':
    'Schrijf hier de kamercode op. De begeleider laat die, met een QR-code, op het scherm zien.',
  'handout.scan': 'Scan de QR-code met de camera van je telefoon, of open de link.',
  'handout.steps':
    'Of open Kring, kies Deelnemen aan sessie en typ de kamercode. Een naam is niet nodig.',
  'handout.phases': 'Wat er gebeurt',
  'handout.phase': 'Fase',
  'handout.time': 'Tijd',
  'handout.question': 'De vraag',
  'handout.minutes': '{count} min',
  'handout.rules': 'Zo werken we samen',
  'handout.rule.listen': 'Luister om te begrijpen; ieders ervaring telt.',
  'handout.rule.anonymous':
    'Wat je schrijft is anoniem: Kring bewaart geen namen bij de briefjes en niets op een server.',
  'handout.rule.short': 'Eén gedachte per briefje. Kort en concreet werkt het best.',
  'handout.harvest': 'Na afloop krijgt iedereen de oogst.',
};
