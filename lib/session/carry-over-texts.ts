import type { TemplatePhase } from '../templates/types';

/**
 * The review phase a continued session opens with when its template has none of its own
 * (carry-over.ts): a short look back at what the last meeting left open, before today's work.
 * Written for the facilitator and the group in both languages; the session copies one of them.
 */
export const GENERATED_REVIEW_PHASE: Omit<TemplatePhase, 'id'> = {
  title: { en: 'Where we left off', nl: 'Waar we gebleven waren' },
  prompt: {
    en: 'What did we leave open last time? Which questions have been answered since, and which actions are done?',
    nl: 'Wat bleef er de vorige keer open? Welke vragen zijn inmiddels beantwoord, en welke acties zijn klaar?',
  },
  kinds: ['question', 'action'],
  minutes: 15,
  notes: {
    en: 'The open questions and actions of the previous session are already here, with who took each action on and by when. Go through them briefly: tick off what has been answered or done, ask in a sentence or two how the rest is going, and change an owner or a date where the group agrees. Keep it a look back, not a reckoning; today’s own work comes after. Whatever is still open stays on the list and travels on to the next session.',
    nl: 'De open vragen en acties van de vorige sessie staan hier al klaar, met bij elke actie wie hem oppakte en wanneer. Loop ze kort langs: vink af wat beantwoord of klaar is, vraag in een paar zinnen hoe het met de rest staat, en pas wie of wanneer aan als de groep dat wil. Houd het bij terugkijken, niet afrekenen; daarna begint het eigen werk van vandaag. Wat nog open staat, blijft op de lijst en gaat mee naar de volgende sessie.',
  },
  review: true,
};

/** The generated phase's id, with a number added if the template already uses it. */
export const GENERATED_REVIEW_PHASE_ID = 'where-we-left-off';
