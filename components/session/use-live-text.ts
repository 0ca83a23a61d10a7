import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ItemTextModel } from '../../lib/app/item-text';
import { describeSessionError } from '../../lib/i18n/errors';
import { useT } from '../app-context';

type TextField = HTMLTextAreaElement | HTMLInputElement;

export interface LiveText<E extends TextField> {
  /** Give it to the (uncontrolled) text field. */
  readonly ref: RefObject<E | null>;
  readonly onInput: (event: Event) => void;
  /** Why the last edit was refused (translated), or null. */
  readonly problem: string | null;
}

/**
 * Binds an uncontrolled text field to a live shared text (an item's text, a theme's name).
 * Each keystroke goes to the shared text as a minimal edit, and when someone else types, the
 * text is replaced and the caret moved by the remote change, so it stays where the person was
 * typing. The field is not controlled, so a re-render never moves the caret.
 */
export function useLiveText<E extends TextField>(text: ItemTextModel): LiveText<E> {
  const t = useT();
  const ref = useRef<E>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Layout effect: the text is in place before the first paint, never an empty flash.
  useLayoutEffect(() => {
    const field = ref.current;
    if (!field) return;
    field.value = text.value.peek();
    return text.onRemoteChange((mapIndex) => {
      // Reading the selection forces a layout; only a focused field has a caret to keep.
      if (field.ownerDocument.activeElement !== field) {
        field.value = text.value.peek();
        return;
      }
      const { selectionStart, selectionEnd, selectionDirection } = field;
      field.value = text.value.peek();
      field.setSelectionRange(
        mapIndex(selectionStart ?? 0),
        mapIndex(selectionEnd ?? 0),
        selectionDirection ?? undefined,
      );
    });
  }, [text]);

  const onInput = (event: Event) => {
    const field = event.currentTarget as E;
    const result = text.input(field.value);
    if (result.ok) {
      setProblem(null);
      return;
    }
    // Refused (too long, deleted, session ended): show the shared text again and say why.
    const caret = Math.min(field.selectionStart ?? 0, text.value.peek().length);
    field.value = text.value.peek();
    field.setSelectionRange(caret, caret);
    setProblem(describeSessionError(t, result.error));
  };

  return { ref, onInput, problem };
}
