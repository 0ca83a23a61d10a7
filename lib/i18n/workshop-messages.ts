import type { Locale } from '../locale';
import { en, type Messages, type WorkshopMessages } from './messages-en';
import { enDevice } from './messages-en/device';
import { enGuides } from './messages-en/guides';
import { enTemplateEditor } from './messages-en/template-editor';
import { enTemplateFiles } from './messages-en/template-files';
import { nl } from './messages-nl';
import { nlDevice } from './messages-nl/device';
import { nlGuides } from './messages-nl/guides';
import { nlTemplateEditor } from './messages-nl/template-editor';
import { nlTemplateFiles } from './messages-nl/template-files';
import { addMessages } from './translate';

/**
 * The workshop kit's texts (guides and handouts, the template editor and files, "Delete
 * everything"), in every language. Only the screens that show them import this module, so it
 * is in their chunks and not in what a page loads at start (messages-en.ts says why). Importing
 * it adds the texts to every translator, also those made before.
 */
const workshop: Readonly<Record<Locale, WorkshopMessages>> = {
  en: { ...enGuides, ...enTemplateEditor, ...enTemplateFiles, ...enDevice },
  nl: { ...nlGuides, ...nlTemplateEditor, ...nlTemplateFiles, ...nlDevice },
};

addMessages(workshop);

/** Every text of each language, the start's and the workshop's: for tests that read labels. */
export const allMessages: Readonly<Record<Locale, Messages>> = {
  en: { ...en, ...workshop.en },
  nl: { ...nl, ...workshop.nl },
};
