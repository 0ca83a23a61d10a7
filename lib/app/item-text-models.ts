import type * as Y from 'yjs';
import type { SessionContext, SessionSnapshot } from '../session';
import { type ItemTextModel, itemTextModel } from './item-text';

/** The editors' text models of one session's items, one per item while it exists. */
export function createItemTextModels(doc: Y.Doc, context?: SessionContext) {
  const texts = new Map<string, ItemTextModel>();
  return {
    /** The live text of one item for its editor; the same model for repeated calls. */
    get(itemId: string): ItemTextModel {
      let model = texts.get(itemId);
      if (!model) {
        model = itemTextModel(doc, itemId, context);
        texts.set(itemId, model);
      }
      return model;
    },
    /** Editors' text models of items deleted here or elsewhere stop observing their Y.Text. */
    forgetDeleted(session: SessionSnapshot): void {
      if (texts.size === 0) return;
      const alive = new Set(session.items.map((item) => item.id));
      for (const [id, model] of texts) {
        if (!alive.has(id)) {
          model.destroy();
          texts.delete(id);
        }
      }
    },
    destroy(): void {
      for (const model of texts.values()) model.destroy();
      texts.clear();
    },
  };
}
