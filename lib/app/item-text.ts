import { type ReadonlySignal, signal } from '@preact/signals';
import * as Y from 'yjs';
import type { Result } from '../result';
import { itemText, replaceItemText, type SessionContext, type SessionError } from '../session';

/** Maps a position in the text before a remote change to the same place after it. */
export type IndexMapper = (index: number) => number;

/**
 * One item's live text for an editor, without the editor touching Yjs: the editor reports what
 * the person typed (`input`) and, when someone else types, learns how to move its caret so it
 * stays where it was (Etherpad's behaviour).
 */
export interface ItemTextModel {
  readonly value: ReadonlySignal<string>;
  input(next: string): Result<void, SessionError>;
  /** Called after each remote change; returns the unsubscribe. */
  onRemoteChange(listener: (mapIndex: IndexMapper) => void): () => void;
  destroy(): void;
}

/** Marks our own transactions, so their events are not mistaken for remote ones. */
const LOCAL_EDIT = Symbol('kring-local-edit');

export function itemTextModel(doc: Y.Doc, itemId: string, context?: SessionContext): ItemTextModel {
  return liveTextModel(itemText(doc, itemId) ?? new Y.Text(), (next, origin) =>
    replaceItemText(doc, itemId, next, origin, context),
  );
}

/**
 * A live text model over any shared Y.Text (an item's text, a theme's name). `write` applies
 * what the person typed, marked with `origin` so it is not taken for a remote change.
 */
export function liveTextModel(
  text: Y.Text,
  write: (next: string, origin: unknown) => Result<void, SessionError>,
): ItemTextModel {
  const value = signal(text.toString());
  const listeners = new Set<(mapIndex: IndexMapper) => void>();
  const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    value.value = text.toString();
    if (transaction.origin === LOCAL_EDIT) return;
    const mapIndex = indexMapper(event.delta as DeltaOp[]);
    for (const listener of listeners) listener(mapIndex);
  };
  text.observe(observer);
  return {
    value,
    input: (next) => write(next, LOCAL_EDIT),
    onRemoteChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      text.unobserve(observer);
      listeners.clear();
    },
  };
}

interface DeltaOp {
  readonly retain?: number;
  readonly insert?: string | object;
  readonly delete?: number;
}

/**
 * From a Y.Text delta, the function that moves a caret: text inserted before it pushes it on,
 * text deleted before it pulls it back. An insertion exactly at the caret goes after it, so the
 * person typing keeps typing where they were.
 */
export function indexMapper(delta: readonly DeltaOp[]): IndexMapper {
  return (index) => {
    let position = 0;
    let mapped = index;
    for (const op of delta) {
      if (position >= index) break;
      if (op.retain !== undefined) position += op.retain;
      else if (op.insert !== undefined) {
        const length = typeof op.insert === 'string' ? op.insert.length : 1;
        mapped += length;
      } else if (op.delete !== undefined) {
        const removed = Math.min(op.delete, index - position);
        mapped -= removed;
        position += op.delete;
      }
    }
    return Math.max(0, mapped);
  };
}
