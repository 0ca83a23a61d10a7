import type { Catalogue } from '../messages-en';
import type { enApp } from '../messages-en/app';

/**
 * Nederlandse teksten voor de beginschermen, een sessie starten en meedoen, de webpagina en instellingen.
 * Zelfde sleutels als messages-en/app.ts.
 */
export const nlApp: Catalogue<typeof enApp> = {
  'app.name': 'Kring',
  'common.close': 'Sluiten',
  'nav.back': 'Terug',
  'nav.settings': 'Instellingen',
  'part.failed':
    'Dit deel van Kring kon niet worden geladen. Controleer de verbinding en probeer het opnieuw.',
  'part.retry': 'Opnieuw proberen',

  'page.insecure.title': 'Deze pagina heeft een beveiligde verbinding nodig',
  'page.insecure.why':
    'Kring versleutelt elke sessie met een sleutel die je browser zelf maakt, en browsers doen dat alleen op pagina’s die via https:// geopend zijn. Deze pagina is geopend op {address}, zonder https.',
  'page.whatToDo': 'Wat je kunt doen',
  'page.insecure.https': 'Open de pagina met https:// aan het begin van het adres.',
  'page.insecure.server':
    'Vraag degene die de Kring-server beheert om er TLS (https) voor te zetten, bijvoorbeeld met Caddy of nginx.',
  'page.insecure.local': 'Op de computer waar de server draait, werkt ook dit adres:',
  'page.noCrypto.title': 'Kring werkt niet in deze browser',
  'page.noCrypto.why':
    'Kring versleutelt elke sessie met een sleutel die je browser zelf maakt, en deze browser mist het onderdeel dat daarvoor zorgt (WebCrypto).',
  'page.noCrypto.fix':
    'Werk de browser bij, of open deze pagina in een recente versie van Chrome, Edge, Firefox of Safari.',

  'home.newSession': 'Nieuwe sessie',
  'home.newSessionHint': 'Begin met een werkvorm en nodig de groep uit met een kamercode.',
  'home.joinSession': 'Deelnemen aan sessie',
  'home.joinSessionHint': 'Vul de kamercode in die de begeleider laat zien.',
  'home.mySessions': 'Mijn sessies',
  'home.noSessions': 'Sessies die je op dit apparaat start of bijwoont, verschijnen hier.',
  'home.privacy':
    'Geen account. Wat je schrijft gaat rechtstreeks tussen de apparaten in de sessie en wordt alleen daar bewaard.',

  'sessions.role.facilitator': 'Begeleider',
  'sessions.role.participant': 'Deelnemer',
  'sessions.open': '{title} openen',
  'sessions.export': 'Markdown exporteren van {title}',
  'sessions.delete': '{title} van dit apparaat verwijderen',
  'sessions.deleteConfirm':
    '“{title}” van dit apparaat verwijderen? Alles wat hier van deze sessie is bewaard, verdwijnt. Anderen in de sessie houden hun kopie.',
  'sessions.deleteYes': 'Verwijderen',
  'sessions.deleteNo': 'Bewaren',
  'sessions.deleted': '“{title}” is van dit apparaat verwijderd.',
  'sessions.lastOpened': 'Laatst geopend {date}',

  'new.title': 'Nieuwe sessie',
  'new.templates': 'Werkvormen',
  'new.minutes': { one: '{count} minuut', other: '{count} minuten' },
  'new.phases': { one: '{count} fase', other: '{count} fasen' },
  'new.sessionTitle': 'Titel van de sessie (niet verplicht)',
  'new.sessionTitleHint': 'Bijvoorbeeld: Buurtlab, 3 december',
  'new.language': 'Taal van de sessie',
  'new.passphrase': 'Extra wachtwoordzin (niet verplicht)',
  'new.passphraseHint': 'Deelnemers hebben dan de kamercode én deze wachtwoordzin nodig.',
  'new.largeGroup': 'Grote groep',
  'new.largeGroupHint':
    'Meer dan zo’n 12 mensen, of een netwerk dat directe verbindingen tegenhoudt: iedereen verbindt dan via de server. Alles blijft end-to-end versleuteld.',
  'new.start': 'Sessie starten',
  'new.starting': 'Een besloten kamer klaarmaken…',
  'new.chooseTemplate': 'Kies eerst een werkvorm.',

  'join.title': 'Deelnemen aan sessie',
  'join.code': 'Kamercode',
  'join.codeHint':
    'Tien letters en cijfers, zoals K7QM-PX4R-9T. Streepjes en spaties maken niet uit; je kunt ook de uitnodigingslink plakken.',
  'join.name': 'Je naam',
  'join.nameHint':
    'Niet verplicht. Anderen zien hem alleen zolang je er bent; je bijdragen blijven anoniem.',
  'join.passphrase': 'Wachtwoordzin',
  'join.passphraseHint': 'Alleen als de begeleider je er een gaf.',
  'join.submit': 'Deelnemen',
  'join.joining': 'Een besloten kamer openen…',
  'join.error.empty': 'Vul de kamercode in.',
  'join.error.too-short':
    'De kamercode is te kort: {length} van de {expected} tekens. Controleer de code.',
  'join.error.too-long': 'De kamercode is te lang: {length} tekens, een code heeft er {expected}.',
  'join.error.invalid-character':
    '“{character}” (teken {position}) kan niet in een kamercode staan.',
  'join.error.link-without-code': 'In deze link staat geen kamercode.',

  'settings.title': 'Instellingen',
  'settings.language': 'Taal',
  'settings.language.auto': 'Taal van de browser',
  'settings.displayName': 'Je naam',
  'settings.signaling': 'Verbindingsservers (signaling)',
  'settings.signalingHint':
    'Eén adres per regel, beginnend met wss:// (of ws:// op je eigen computer). Dezelfde server verbindt ook grote groepen (via /relay), end-to-end versleuteld: de server kan niets lezen.',
  'settings.page': 'Deelnemerspagina',
  'settings.pageHint': 'Het webadres dat de uitnodigingslink en de QR-code op telefoons openen.',
  'settings.pageDefault': 'Laat leeg voor {address} (van de eerste verbindingsserver).',
  'settings.ice': 'STUN- en TURN-servers',
  'settings.iceHint':
    'Eén per regel: stun:host:poort, of turn:host:poort gebruiker wachtwoord. TURN helpt achter strenge firewalls.',
  'settings.save': 'Instellingen bewaren',
  'settings.saved': 'Instellingen bewaard.',
  'settings.notSaved': 'Niet bewaard: verbeter eerst de gemarkeerde velden.',
};
