import type { Template } from '../../lib/templates/types';

/** A small template for core tests, independent of the shipped templates' wording. */
export const testTemplate: Template = {
  id: 'test-template',
  version: 3,
  name: { en: 'Test template', nl: 'Testsjabloon' },
  purpose: { en: 'Exercise the core.', nl: 'De kern oefenen.' },
  credits: { en: '', nl: '' },
  phases: [
    {
      id: 'open',
      title: { en: 'Opening', nl: 'Opening' },
      prompt: { en: 'What brings you here?', nl: 'Wat brengt je hier?' },
      kinds: ['question'],
      minutes: 5,
      notes: { en: 'Go round.', nl: 'Doe een rondje.' },
    },
    {
      id: 'explore',
      title: { en: 'Explore', nl: 'Verkennen' },
      prompt: { en: 'What do we notice?', nl: 'Wat valt ons op?' },
      kinds: ['question', 'insight'],
      minutes: 15,
      notes: { en: '', nl: '' },
    },
    {
      id: 'act',
      title: { en: 'Act', nl: 'Doen' },
      prompt: { en: 'Who does what?', nl: 'Wie doet wat?' },
      kinds: ['insight', 'action'],
      minutes: 10,
      notes: { en: '', nl: '' },
    },
  ],
};
