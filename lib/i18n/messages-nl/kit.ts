import type { Catalogue } from '../messages-en';
import type { enKit } from '../messages-en/kit';

/** Teksten van de werkvormenkist die schermen bij de start nodig hebben. Zie messages-en/kit.ts. */
export const nlKit: Catalogue<typeof enKit> = {
  'guides.print': 'Deelnemersblad afdrukken',
  'ownTemplates.saved': 'Werkvorm “{name}” bewaard.',
  'ownTemplates.deleted': 'Werkvorm “{name}” verwijderd.',
  'ownTemplates.imported': 'Werkvorm “{name}” geïmporteerd.',
  'ownTemplates.exported': 'Werkvorm bewaard als {file}.',
  'ownTemplates.skipped': {
    one: '{count} van je werkvormen op dit apparaat kon niet worden gelezen. Hij blijft bewaard, maar staat niet in de lijst.',
    other:
      '{count} van je werkvormen op dit apparaat konden niet worden gelezen. Ze blijven bewaard, maar staan niet in de lijst.',
  },
  'ownTemplates.unreadable':
    'Je werkvormen op dit apparaat staan in een vorm die deze versie van Kring niet kan lezen.',
};
