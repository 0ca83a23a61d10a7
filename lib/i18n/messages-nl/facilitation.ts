import type { Catalogue } from '../messages-en';
import type { enFacilitation } from '../messages-en/facilitation';

/**
 * Nederlandse teksten voor stemmen, eerst alleen schrijven (concepten) en thema’s.
 * Zelfde sleutels als messages-en/facilitation.ts.
 */
export const nlFacilitation: Catalogue<typeof enFacilitation> = {
  'voting.label': 'Stemmen',
  'voting.start': 'Stemmen starten',
  'voting.settings': 'Steminstellingen',
  'voting.budget': 'Stemmen per persoon',
  'voting.maxPerItem': 'Maximum per bijdrage',
  'voting.maxPerItemHint': 'Mag leeg blijven: dan mag iemand alle stemmen op één bijdrage zetten.',
  'voting.kinds': 'Stemmen op',
  'voting.showLive': 'Uitslag live tonen',
  'voting.summaryBudget': { one: '{count} stem per persoon', other: '{count} stemmen per persoon' },
  'voting.summaryMax': 'hoogstens {count} per bijdrage',
  'voting.summaryNoMax': 'geen maximum per bijdrage',
  'voting.summaryLive': 'uitslag live te zien',
  'voting.summaryHidden': 'uitslag als je het stemmen sluit',
  'voting.maxInvalid':
    'Het maximum per bijdrage moet een heel getal van 1 tot en met {budget} zijn, of leeg.',
  'voting.chooseKind': 'Kies minstens één soort bijdrage om op te stemmen.',
  'voting.open': {
    one: 'Er wordt gestemd: iedereen heeft {count} stem.',
    other: 'Er wordt gestemd: iedereen heeft {count} stemmen.',
  },
  'voting.openMax': 'Hoogstens {count} op één bijdrage.',
  'voting.openKinds': 'Je stemt op {kinds}.',
  'voting.openHidden': 'De uitslag komt als het stemmen sluit.',
  'voting.openLive': 'De uitslag is live te zien.',
  'voting.closed': 'Het stemmen is gesloten: meeste stemmen bovenaan.',
  'voting.close': 'Stemmen sluiten',
  'voting.reopen': 'Stemmen heropenen',
  'voting.votesLeft': 'Stemmen over',
  'voting.votesLeftCount': 'Stemmen over: {left} van {budget}',
  'voting.add': 'Stem erbij',
  'voting.addNamed': 'Stem erbij: {text}',
  'voting.remove': 'Stem weghalen',
  'voting.removeNamed': 'Stem weghalen: {text}',
  'voting.yours': { one: '{count} stem van jou', other: '{count} stemmen van jou' },
  'voting.total': { one: '{count} stem', other: '{count} stemmen' },
  'voting.rank': 'Nr. {rank}',
  'voting.showLower': { one: 'Nog 1 tonen', other: 'Nog {count} tonen' },

  'private.note':
    'Eerst alleen schrijven: wat je schrijft blijft op dit apparaat tot de begeleider alles zichtbaar maakt.',
  'private.noteFacilitator':
    'Eerst alleen schrijven: wat ieder schrijft, blijft op het eigen apparaat tot jij alles zichtbaar maakt.',
  'private.noDrafts': 'Nog geen concepten geschreven.',
  'private.draftCount': {
    one: 'Tot nu toe {count} concept geschreven',
    other: 'Tot nu toe {count} concepten geschreven',
  },
  'private.reveal': 'Alles zichtbaar maken',
  'private.revealHint': 'De concepten van iedereen verschijnen tegelijk, zonder namen.',
  'private.shared': {
    one: 'Je concept is nu gedeeld met de groep.',
    other: 'Je {count} concepten zijn nu gedeeld met de groep.',
  },
  'draft.yours': 'Jouw concepten',
  'draft.question': 'Conceptvraag',
  'draft.insight': 'Conceptinzicht',
  'draft.action': 'Conceptactie',
  'draft.onlyYou': 'Alleen jij ziet dit',
  'draft.shareNow': 'Nu delen',
  'draft.deleteNamed': 'Concept verwijderen: {text}',
  'draft.kept':
    'Bewaard als concept op dit apparaat. Alleen jij ziet het tot de begeleider alles zichtbaar maakt.',

  'theme.new': 'Nieuw thema',
  'theme.hint':
    'Orden de inzichten: maak een thema en kies het onder een inzicht, of sleep inzichten erin.',
  'theme.name': 'Naam van het thema',
  'theme.namePlaceholder': 'Geef dit thema een naam',
  'theme.unnamed': 'Thema {number} (nog zonder naam)',
  'theme.group': 'Thema: {name}',
  'theme.count': { one: '{count} inzicht', other: '{count} inzichten' },
  'theme.votes': { one: '{count} stem', other: '{count} stemmen' },
  'theme.delete': 'Thema verwijderen',
  'theme.deleteConfirm': 'Thema “{name}” verwijderen? De inzichten blijven staan, zonder thema.',
  'theme.deleteYes': 'Ja, thema verwijderen',
  'theme.loose': 'Nog zonder thema',
  'theme.allGrouped': 'Alle inzichten zitten in een thema.',
  'theme.empty': 'Nog geen inzichten in dit thema.',
  'theme.emptyMove':
    'Nog geen inzichten hier. Kies dit thema onder een inzicht, of sleep er een heen.',
  'theme.control': 'Thema',
  'theme.none': 'Geen thema',
  'theme.drag': 'Sleep naar een thema',
};
