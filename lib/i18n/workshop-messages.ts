import type { Locale } from '../locale';
import type { WorkshopMessages } from './messages-en';
import { enDevice } from './messages-en/device';
import { enGuides } from './messages-en/guides';
import { enTemplateEditor } from './messages-en/template-editor';
import { enTemplateFiles } from './messages-en/template-files';
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
export const workshop: Readonly<Record<Locale, WorkshopMessages>> = {
  en: { ...enGuides, ...enTemplateEditor, ...enTemplateFiles, ...enDevice },
  nl: { ...nlGuides, ...nlTemplateEditor, ...nlTemplateFiles, ...nlDevice },
};

addMessages(workshop);
