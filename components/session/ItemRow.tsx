import type { SessionModel } from '../../lib/app/session-model';
import type { ItemSnapshot, ThemeSnapshot } from '../../lib/session';
import { useT } from '../app-context';
import { memo } from '../memo';
import { ItemEditor } from './ItemEditor';
import { ThemeControl } from './ThemeControl';
import { VoteControl } from './VoteControl';
import './series.css';

const PREVIEW_LENGTH = 40;

function ItemRowView({
  session,
  item,
  readOnly,
  themes,
}: {
  session: SessionModel;
  item: ItemSnapshot;
  readOnly: boolean;
  /** The phase's themes, when this person may move the insight into one (ThemeGroups). */
  themes?: readonly ThemeSnapshot[] | undefined;
}) {
  const t = useT();
  const mine = session.mine.value.has(item.id);
  const preview =
    item.text.length > PREVIEW_LENGTH ? `${item.text.slice(0, PREVIEW_LENGTH)}…` : item.text;
  return (
    <li class={`item${mine ? ' item-mine' : ''}${item.done ? ' item-done' : ''}`}>
      <div class="item-main">
        <ItemEditor
          session={session}
          itemId={item.id}
          label={t(`kind.${item.kind}`)}
          readOnly={readOnly}
        />
        {!readOnly && (
          <button
            type="button"
            class="icon-button"
            aria-label={t('item.deleteNamed', { text: preview })}
            title={t('item.delete')}
            onClick={() => session.deleteItem(item.id)}
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
              <path
                d="M4 4l8 8M12 4l-8 8"
                stroke="currentColor"
                stroke-width="1.8"
                stroke-linecap="round"
              />
            </svg>
          </button>
        )}
      </div>
      {item.kind === 'action' && <ActionFields session={session} item={item} readOnly={readOnly} />}
      {item.kind !== 'insight' && (
        <DoneToggle session={session} item={item} preview={preview} readOnly={readOnly} />
      )}
      {themes && <ThemeControl session={session} item={item} themes={themes} />}
      <VoteControl session={session} item={item} preview={preview} />
      {mine && <span class="mine-badge">{t('item.mine')}</span>}
    </li>
  );
}

function ActionFields({
  session,
  item,
  readOnly,
}: {
  session: SessionModel;
  item: ItemSnapshot;
  readOnly: boolean;
}) {
  const t = useT();
  return (
    <div class="action-fields">
      <label class="inline-field">
        <span>{t('item.owner')}</span>
        <input
          type="text"
          value={item.owner}
          readOnly={readOnly}
          maxLength={200}
          onChange={(e) => session.updateAction(item.id, { owner: e.currentTarget.value })}
        />
      </label>
      <label class="inline-field">
        <span>{t('item.due')}</span>
        <input
          type="date"
          value={item.due}
          readOnly={readOnly}
          onChange={(e) => session.updateAction(item.id, { due: e.currentTarget.value })}
        />
      </label>
    </div>
  );
}

/**
 * "Answered" on a question, "Done" on an action: anyone may tick one off, and a continued
 * session carries only what is still open (lib/session/carry-over.ts).
 */
function DoneToggle({
  session,
  item,
  preview,
  readOnly,
}: {
  session: SessionModel;
  item: ItemSnapshot;
  preview: string;
  readOnly: boolean;
}) {
  const t = useT();
  const kind = item.kind === 'question' ? 'question' : 'action';
  return (
    <label class="done-toggle">
      <input
        type="checkbox"
        checked={item.done}
        disabled={readOnly}
        aria-label={t(`done.${kind}Named`, { text: preview })}
        onChange={(e) => session.setItemDone(item.id, e.currentTarget.checked)}
      />
      <span aria-hidden="true">{t(`done.${kind}`)}</span>
    </label>
  );
}

type ItemRowProps = Parameters<typeof ItemRowView>[0];

/**
 * Every keystroke makes a new snapshot, but it changes one item: rows whose item is unchanged
 * skip rendering (the CPU profile of a receiving panel had rendering as Kring's largest cost).
 */
export const ItemRow = memo(
  ItemRowView,
  (before: ItemRowProps, after: ItemRowProps) =>
    before.session === after.session &&
    before.readOnly === after.readOnly &&
    before.item.id === after.item.id &&
    before.item.text === after.item.text &&
    before.item.owner === after.item.owner &&
    before.item.due === after.item.due &&
    before.item.themeId === after.item.themeId &&
    before.item.votes === after.item.votes &&
    before.item.done === after.item.done &&
    before.themes === after.themes,
);
