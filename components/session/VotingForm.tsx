import { useState } from 'preact/hooks';
import type { SessionModel } from '../../lib/app/session-model';
import { describeSessionError } from '../../lib/i18n/errors';
import type { Translate } from '../../lib/i18n/translate';
import { MAX_VOTE_BUDGET } from '../../lib/limits';
import type { ItemKind, PhaseSnapshot, SessionError } from '../../lib/session';
import { useT } from '../app-context';
import { KindsChoice } from './KindsChoice';

type Run = (result: { ok: true } | { ok: false; error: SessionError }) => boolean;

/**
 * The facilitator starts voting: one press with the phase's settings (from its template, or
 * 3 votes each), or first a look at the settings behind "Voting settings". Enter in a field
 * starts too. Refusals of the session come back through `run`; what the form can tell by
 * itself it says beside the field.
 */
export function VotingForm({
  session,
  phase,
  run,
}: {
  session: SessionModel;
  phase: PhaseSnapshot;
  run: Run;
}) {
  const t = useT();
  const preset = phase.voting;
  const [open, setOpen] = useState(false);
  const [budget, setBudget] = useState(String(preset.budget));
  const [max, setMax] = useState(
    preset.maxPerItem < preset.budget ? String(preset.maxPerItem) : '',
  );
  const [kinds, setKinds] = useState<readonly ItemKind[]>(
    preset.kinds.length > 0 ? preset.kinds : phase.kinds,
  );
  const [showLive, setShowLive] = useState(preset.showLive);
  const [problem, setProblem] = useState<{ field: 'budget' | 'max' | 'kinds'; text: string }>();

  const budgetNumber = Number(budget);
  const maxNumber = max.trim() === '' ? null : Number(max);

  const submit = (event: Event) => {
    event.preventDefault();
    const found = check(t, budgetNumber, maxNumber, kinds);
    setProblem(found);
    if (found) {
      setOpen(true);
      return;
    }
    run(session.startVoting({ budget: budgetNumber, maxPerItem: maxNumber, kinds, showLive }));
  };
  const invalid = (field: 'budget' | 'max') =>
    problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'voting-problem' } : {};

  return (
    <form class="voting-form" onSubmit={submit} noValidate>
      <div class="voting-tools">
        <button type="submit" class="primary">
          {t('voting.start')}
        </button>
        <button
          type="button"
          class="link voting-settings-toggle"
          aria-expanded={open}
          aria-controls="voting-settings"
          onClick={() => setOpen(!open)}
        >
          {t('voting.settings')}
        </button>
      </div>
      {!open && !check(t, budgetNumber, maxNumber, kinds) && (
        <p class="hint">{summary(t, budgetNumber, maxNumber, showLive)}</p>
      )}
      {open && (
        <fieldset id="voting-settings" class="voting-settings">
          <div class="field">
            <label for="voting-budget">{t('voting.budget')}</label>
            <input
              id="voting-budget"
              class="voting-number"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_VOTE_BUDGET}
              step={1}
              value={budget}
              onInput={(e) => setBudget(e.currentTarget.value)}
              {...invalid('budget')}
            />
          </div>
          <div class="field">
            <label for="voting-max">{t('voting.maxPerItem')}</label>
            <input
              id="voting-max"
              class="voting-number"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_VOTE_BUDGET}
              step={1}
              value={max}
              aria-describedby="voting-max-hint"
              onInput={(e) => setMax(e.currentTarget.value)}
              {...invalid('max')}
            />
            <span id="voting-max-hint" class="hint">
              {t('voting.maxPerItemHint')}
            </span>
          </div>
          {phase.kinds.length > 1 && (
            <KindsChoice
              legend={t('voting.kinds')}
              options={phase.kinds}
              value={kinds}
              onChange={setKinds}
              describedBy={problem?.field === 'kinds' ? 'voting-problem' : undefined}
            />
          )}
          <label class="check">
            <input
              type="checkbox"
              checked={showLive}
              onChange={(e) => setShowLive(e.currentTarget.checked)}
            />
            {t('voting.showLive')}
          </label>
        </fieldset>
      )}
      {problem && (
        <p id="voting-problem" class="error" role="alert">
          {problem.text}
        </p>
      )}
    </form>
  );
}

/** What the form can refuse before asking the session: the same rules as votes.ts. */
function check(
  t: Translate,
  budget: number,
  max: number | null,
  kinds: readonly ItemKind[],
): { field: 'budget' | 'max' | 'kinds'; text: string } | undefined {
  if (!(Number.isInteger(budget) && budget >= 1 && budget <= MAX_VOTE_BUDGET)) {
    return {
      field: 'budget',
      text: describeSessionError(t, { code: 'invalid-budget', value: budget }),
    };
  }
  if (max !== null && !(Number.isInteger(max) && max >= 1 && max <= budget)) {
    return { field: 'max', text: t('voting.maxInvalid', { budget }) };
  }
  if (kinds.length === 0) return { field: 'kinds', text: t('voting.chooseKind') };
  return undefined;
}

/** "3 votes each · no maximum per contribution · totals when you close voting" */
function summary(t: Translate, budget: number, max: number | null, showLive: boolean): string {
  return [
    t('voting.summaryBudget', { count: budget }),
    max === null || max >= budget
      ? t('voting.summaryNoMax')
      : t('voting.summaryMax', { count: max }),
    showLive ? t('voting.summaryLive') : t('voting.summaryHidden'),
  ].join(' · ');
}
