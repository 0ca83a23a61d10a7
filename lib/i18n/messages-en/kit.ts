/**
 * English texts of the workshop kit (issue 8) that screens loaded at start need: the session's
 * "Print handout" and the toasts about one's own templates. The rest of the kit's texts load
 * with the screens that use them (../workshop-messages.ts). Part of ../messages-en.ts.
 */
export const enKit = {
  'guides.print': 'Print handout',
  'ownTemplates.saved': 'Template “{name}” saved.',
  'ownTemplates.deleted': 'Template “{name}” deleted.',
  'ownTemplates.imported': 'Template “{name}” imported.',
  'ownTemplates.exported': 'Template saved as {file}.',
  'ownTemplates.skipped': {
    one: '{count} of your templates on this device could not be read. It is kept, but not shown.',
    other:
      '{count} of your templates on this device could not be read. They are kept, but not shown.',
  },
  'ownTemplates.unreadable':
    'Your templates on this device are in a format this version of Kring cannot read.',
} as const;
