import type { ItemKind } from './types';

/**
 * The fields an item carries beyond its kind, phase, text and time, described once: which
 * kinds have them. Reading (snapshot), writing (items.ts, themes.ts), export and the item row
 * ask here instead of each testing `kind === 'action'`.
 */
export const ITEM_FIELD_KINDS = {
  /** Who takes an action on (free text). */
  owner: ['action'],
  /** When an action is due (YYYY-MM-DD). */
  due: ['action'],
  /** The theme an insight is grouped in. */
  themeId: ['insight'],
  /** A question that was answered, an action that was done. */
  done: ['question', 'action'],
} as const satisfies Record<string, readonly ItemKind[]>;

export type ItemField = keyof typeof ITEM_FIELD_KINDS;

export function kindHas(kind: ItemKind, field: ItemField): boolean {
  return (ITEM_FIELD_KINDS[field] as readonly ItemKind[]).includes(kind);
}
