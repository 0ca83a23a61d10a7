import { useRef, useState } from 'preact/hooks';
import type { SessionModel } from '../../lib/app/session-model';
import { describeSessionError } from '../../lib/i18n/errors';
import { MAX_ITEM_TEXT_LENGTH } from '../../lib/limits';
import type { ItemKind } from '../../lib/session';
import { useT } from '../app-context';
import { useKeepInView } from '../keep-in-view';
import { memo } from '../memo';

/** Show the character count from this share of the limit on, so nobody is surprised by it. */
const COUNTER_FROM = 0.8;

/**
 * Write a new contribution. Enter adds it, Shift+Enter makes a new line. A refused text (too
 * long, say) stays in the box with the reason, so nothing typed is lost.
 */
function AddItemFormView({ session, kind }: { session: SessionModel; kind: ItemKind }) {
  const t = useT();
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  /** The last contribution was kept as a private draft (writing alone first): say so. */
  const [keptAsDraft, setKeptAsDraft] = useState(false);
  const id = `new-${kind}`;
  const formRef = useRef<HTMLFormElement>(null);
  useKeepInView(formRef);

  const add = () => {
    const result = session.addItem(kind, text, kind === 'action' ? { owner, due } : undefined);
    if (!result.ok) {
      setProblem(describeSessionError(t, result.error));
      return;
    }
    setText('');
    setOwner('');
    setDue('');
    setProblem(null);
    setKeptAsDraft(result.value.draft);
  };

  const describedBy = [
    `${id}-hint`,
    problem ? `${id}-error` : '',
    text.length >= MAX_ITEM_TEXT_LENGTH * COUNTER_FROM ? `${id}-count` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <form
      ref={formRef}
      class="add-item"
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
    >
      <textarea
        class="item-text"
        aria-label={t(`kind.${kind}.new`)}
        placeholder={t(`kind.${kind}.new`)}
        rows={2}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={describedBy}
        onInput={(e) => {
          setText(e.currentTarget.value);
          if (problem) setProblem(null);
          if (keptAsDraft) setKeptAsDraft(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            add();
          }
        }}
      />
      <span id={`${id}-hint`} class="visually-hidden">
        {t('item.enterHint')}
      </span>
      {text.length >= MAX_ITEM_TEXT_LENGTH * COUNTER_FROM && (
        <span
          id={`${id}-count`}
          class={text.length > MAX_ITEM_TEXT_LENGTH ? 'counter over' : 'counter'}
        >
          {t('item.characters', { count: text.length, limit: MAX_ITEM_TEXT_LENGTH })}
        </span>
      )}
      {kind === 'action' && (
        <div class="action-fields">
          <label class="inline-field">
            <span>{t('item.owner')}</span>
            <input
              type="text"
              value={owner}
              maxLength={200}
              onInput={(e) => setOwner(e.currentTarget.value)}
            />
          </label>
          <label class="inline-field">
            <span>{t('item.due')}</span>
            <input type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} />
          </label>
        </div>
      )}
      {problem && (
        <p id={`${id}-error`} class="error" role="alert">
          {problem}
        </p>
      )}
      <p role="status" class={keptAsDraft ? 'hint' : 'visually-hidden'}>
        {keptAsDraft && t('draft.kept')}
      </p>
      <button type="submit" class="secondary">
        {t(`kind.${kind}.add`)}
      </button>
    </form>
  );
}

export const AddItemForm = memo(AddItemFormView);
