import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SessionModel } from '../../lib/app/session-model';
import { describeSessionError } from '../../lib/i18n/errors';
import { useT } from '../app-context';

interface Props {
  readonly session: SessionModel;
  readonly itemId: string;
  /** Accessible name: "Question", "Insight" or "Action". */
  readonly label: string;
  readonly readOnly: boolean;
}

/**
 * An item's text, edited in place and live. The textarea is left uncontrolled: each keystroke
 * goes to the shared text as a minimal edit, and when someone else types, the text is replaced
 * and the caret moved by the remote change, so it stays where the person was typing.
 */
export function ItemEditor({ session, itemId, label, readOnly }: Props) {
  const t = useT();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const text = session.itemText(itemId);

  // Layout effect: the text is in place before the first paint, never an empty flash.
  useLayoutEffect(() => {
    const area = ref.current;
    if (!area) return;
    area.value = text.value.peek();
    return text.onRemoteChange((mapIndex) => {
      // Reading the selection forces a layout; only a focused editor has a caret to keep.
      if (area.ownerDocument.activeElement !== area) {
        area.value = text.value.peek();
        return;
      }
      const { selectionStart, selectionEnd, selectionDirection } = area;
      area.value = text.value.peek();
      area.setSelectionRange(
        mapIndex(selectionStart),
        mapIndex(selectionEnd),
        selectionDirection ?? undefined,
      );
    });
  }, [text]);

  const onInput = (event: Event) => {
    const area = event.currentTarget as HTMLTextAreaElement;
    const result = session.editItemText(itemId, area.value);
    if (result.ok) {
      setProblem(null);
      return;
    }
    // Refused (too long, deleted, session ended): show the shared text again and say why.
    const caret = area.selectionStart;
    area.value = text.value.peek();
    area.setSelectionRange(Math.min(caret, area.value.length), Math.min(caret, area.value.length));
    setProblem(describeSessionError(t, result.error));
  };

  const errorId = `item-error-${itemId}`;
  return (
    <>
      <textarea
        ref={ref}
        class="item-text"
        aria-label={label}
        rows={1}
        readOnly={readOnly}
        spellcheck
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        onInput={onInput}
      />
      {problem && (
        <p id={errorId} class="error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
