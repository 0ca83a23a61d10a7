import type { SessionModel } from '../../lib/app/session-model';
import { useLiveText } from './use-live-text';

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
  const { ref, onInput, problem } = useLiveText<HTMLTextAreaElement>(session.itemText(itemId));

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
