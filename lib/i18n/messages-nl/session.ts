import type { Catalogue } from '../messages-en';
import type { enSession } from '../messages-en/session';

/**
 * Nederlandse teksten voor de ruimte, de lopende sessie, fasen, bijdragen en de export.
 * Zelfde sleutels als messages-en/session.ts.
 */
export const nlSession: Catalogue<typeof enSession> = {
  'room.code': 'Kamercode',
  'room.copyCode': 'Kamercode kopiëren',
  'room.codeCopied': 'Kamercode gekopieerd.',
  'room.qr': 'QR-code',
  'room.showCode': 'Kamercode tonen',
  'room.hideCode': 'Kamercode verbergen',
  'room.invite': 'Nodig de groep uit: lees de code voor, laat de QR-code scannen of stuur de link.',
  'room.passphraseSet': 'Beveiligd met een extra wachtwoordzin.',
  'room.passphraseNotInLink':
    'De wachtwoordzin staat niet in de link: vertel hem zelf aan de groep.',
  'room.inviteLink': 'Uitnodigingslink',
  'room.copyLink': 'Uitnodigingslink kopiëren',
  'room.linkCopied': 'Uitnodigingslink gekopieerd.',
  'room.share': 'Delen',
  'room.shareText': 'Doe mee aan de sessie met kamercode {code}.',

  'status.connecting': 'Verbinden…',
  'status.connected': {
    one: 'Verbonden met {count} ander',
    other: 'Verbonden met {count} anderen',
  },
  'status.alone': 'Verbonden, wachten op anderen',
  'status.relayConnected': {
    one: 'Via de server verbonden met {count} ander (end-to-end versleuteld)',
    other: 'Via de server verbonden met {count} anderen (end-to-end versleuteld)',
  },
  'status.relayAlone': 'Via de server verbonden (end-to-end versleuteld), wachten op anderen',
  'status.offline':
    'Offline. Je wijzigingen blijven bewaard en worden gedeeld zodra je terug bent.',
  'status.signaling-unreachable':
    'De verbindingsserver is niet bereikbaar. Je wijzigingen blijven op dit apparaat bewaard.',
  'status.wrong-passphrase':
    'De wachtwoordzin hoort niet bij deze sessie. Vraag de begeleider om de juiste en doe opnieuw mee.',
  'status.retry': 'Opnieuw proberen',
  'status.receiving': 'De sessie wordt binnengehaald…',
  'status.receivingProgress': 'Tot nu toe binnengehaald',
  'status.unreachablePeers': {
    one: '{count} deelnemer gebruikt een oudere versie van Kring die een sessie van deze omvang niet kan ontvangen. Vraag om Kring bij te werken of de uitnodigingslink in een browser te openen.',
    other:
      '{count} deelnemers gebruiken een oudere versie van Kring die een sessie van deze omvang niet kan ontvangen. Vraag hun om Kring bij te werken of de uitnodigingslink in een browser te openen.',
  },
  'status.label': 'Verbinding',

  'presence.label': 'Deelnemers',
  'presence.count': { one: '{count} aanwezig', other: '{count} aanwezig' },
  'presence.you': 'jij',
  'presence.anonymous': { one: '{count} zonder naam', other: '{count} zonder naam' },

  'session.waiting':
    'De sessie wordt gezocht. Ze verschijnt zodra de begeleider of een andere deelnemer online is.',
  'session.waitingLong':
    'Nog niemand met deze kamercode gevonden. Controleer de code bij de begeleider.',
  'session.cancel': 'Annuleren',
  'session.phaseOf': 'Fase {current} van {total}',
  'session.minutes': { one: '{count} min', other: '{count} min' },
  'session.nextPhase': 'Volgende fase',
  'session.previousPhase': 'Vorige fase',
  'session.lookingBack': 'Je kijkt naar een eerdere fase.',
  'session.backToCurrent': 'Terug naar de huidige fase',
  'session.viewPhase': 'Alle fasen',
  'session.groupIsHere': 'Hier is de groep',
  'session.facilitatorNotes': 'Aantekeningen voor de begeleider',
  'session.phaseChanged': 'Nu: {title}',
  'session.end': 'Sessie beëindigen',
  'session.endConfirm':
    'De sessie voor iedereen beëindigen? Bijdragen zijn daarna niet meer te wijzigen; de oogst blijft beschikbaar.',
  'session.endYes': 'Sessie beëindigen',
  'session.reopen': 'Sessie heropenen',
  'session.ended': 'Deze sessie is beëindigd. Je kunt de oogst nog steeds exporteren.',
  'session.noKinds': 'Deze fase is een gespreksronde: er hoeft niets opgeschreven te worden.',
  'session.leave': 'Sessie verlaten',

  'present.button': 'Presenteren',
  'present.hint':
    'Voor de beamer: een grote weergave in een nieuw tabblad, zonder jouw aantekeningen.',
  'present.active':
    'De presentatie staat open in een ander tabblad. Presenteren haalt hem naar voren.',
  'present.blocked':
    'De browser hield de presentatie tegen. Sta pop-ups toe voor deze pagina en kies opnieuw Presenteren.',
  'roomView.pageTitle': 'Presentatie · {title}',
  'roomView.join': 'Doe mee',
  'roomView.joinAt': 'Scan de code, of ga naar {page} en vul in:',
  'roomView.hideCode': 'Code verbergen',
  'roomView.showCode': 'Code tonen',
  'roomView.fullscreen': 'Volledig scherm',
  'roomView.exitFullscreen': 'Volledig scherm sluiten',
  'roomView.close': 'Presentatie sluiten',
  'roomView.more': { one: '+ nog {count}', other: '+ nog {count}' },
  'roomView.ended': 'Deze sessie is afgelopen.',
  'roomView.private':
    'Eerst alleen schrijven. Wat je schrijft blijft op je eigen apparaat tot de begeleider alles zichtbaar maakt.',
  'arrivals.question': { one: 'Nieuwe vraag', other: '{count} nieuwe vragen' },
  'arrivals.insight': { one: 'Nieuw inzicht', other: '{count} nieuwe inzichten' },
  'arrivals.action': { one: 'Nieuwe actie', other: '{count} nieuwe acties' },

  'phase.edit': 'Fase bewerken',
  'phase.editing': 'Deze fase bewerken',
  'phase.title': 'Titel van de fase',
  'phase.prompt': 'Vraag aan de groep',
  'phase.minutes': 'Minuten',
  'phase.kinds': 'Verzamelt',
  'phase.notes': 'Aantekeningen voor jou',
  'phase.save': 'Fase bewaren',
  'phase.add': 'Fase toevoegen na deze',
  'phase.newTitle': 'Nieuwe fase',
  'phase.remove': 'Fase verwijderen',
  'phase.moveEarlier': 'Naar voren',
  'phase.moveLater': 'Naar achteren',
  'phase.themes': 'Inzichten ordenen in thema’s',
  'phase.themes.off': 'Uit',
  'phase.themes.anyone': 'Iedereen',
  'phase.themes.facilitator': 'Alleen de begeleider',

  'timer.label': 'Timer',
  'timer.up': 'De tijd is om',
  'timer.paused': 'gepauzeerd',
  'timer.start': 'Timer starten ({count} min)',
  'timer.pause': 'Timer pauzeren',
  'timer.resume': 'Timer hervatten',
  'timer.reset': 'Timer wissen',

  'kind.question': 'Vraag',
  'kind.insight': 'Inzicht',
  'kind.action': 'Actie',
  'kind.question.plural': 'Vragen',
  'kind.insight.plural': 'Inzichten',
  'kind.action.plural': 'Acties',
  'kind.question.new': 'Nieuwe vraag',
  'kind.insight.new': 'Nieuw inzicht',
  'kind.action.new': 'Nieuwe actie',
  'kind.question.add': 'Vraag toevoegen',
  'kind.insight.add': 'Inzicht toevoegen',
  'kind.action.add': 'Actie toevoegen',
  'kind.question.none': 'Nog geen vragen.',
  'kind.insight.none': 'Nog geen inzichten.',
  'kind.action.none': 'Nog geen acties.',
  'items.showEarlier': {
    one: 'Eerdere tonen (1 niet getoond)',
    other: 'Eerdere tonen ({count} niet getoond)',
  },
  'item.delete': 'Verwijderen',
  'item.deleteNamed': 'Verwijderen: {text}',
  'item.deleted': 'Verwijderd. ',
  'item.undo': 'Ongedaan maken',
  'item.owner': 'Wie',
  'item.due': 'Wanneer',
  'item.mine': 'Door jou geschreven',
  'item.enterHint': 'Enter voegt toe; Shift+Enter begint een nieuwe regel.',
  'item.characters': '{count} van {limit} tekens',

  'phase.privateWriting': 'Eerst alleen schrijven',
  'phase.privateWritingHint':
    'Wat mensen schrijven blijft op hun eigen apparaat tot jij alles zichtbaar maakt.',
  'phase.revealed': 'Zichtbaar gemaakt: nieuwe bijdragen worden meteen gedeeld.',

  'export.markdown': 'Markdown exporteren',
  'export.copy': 'Markdown kopiëren',
  'export.copied': 'Oogst gekopieerd als Markdown.',
  'export.downloaded': 'Oogst bewaard als {file}.',
  'export.failed': 'Kopiëren lukte niet. Gebruik “Markdown exporteren”.',
  'export.heading': 'Oogst',

  'session.readOnlyNewer':
    'Iemand in deze ruimte heeft de sessie gemarkeerd voor een nieuwere Kring (formaat {found}; deze versie schrijft tot en met {supported}). Je kunt hier alles nog lezen en exporteren; werk Kring bij om iets te wijzigen.',
};
