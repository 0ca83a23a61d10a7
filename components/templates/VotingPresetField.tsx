import { MAX_VOTE_BUDGET } from '../../lib/limits';
import { useT } from '../app-context';
import { KindsChoice } from '../session/KindsChoice';
import { CheckField, NumberField, ProblemText } from './EditorParts';
import { domIdOf, type FieldProblem, invalidProps } from './problem-fields';
import type { PhaseDraft, VotingDraft } from './template-draft';
import '../../lib/i18n/workshop-messages';

/**
 * A phase's dot-voting preset in the template editor: whether the phase suggests voting, and
 * with how many dots, what maximum per contribution, on which kinds. The same words as the
 * facilitator's "Voting settings" in a session.
 */
export function VotingPresetField({
  field,
  phase,
  problems,
  onChange,
}: {
  /** `phases[2].voting` */
  field: string;
  phase: PhaseDraft;
  problems: readonly FieldProblem[];
  onChange: (voting: VotingDraft) => void;
}) {
  const t = useT();
  const voting = phase.voting;
  const kindsField = `${field}.kinds`;
  return (
    <div class="tpl-voting">
      <CheckField
        field={field}
        label={t('tpl.voting')}
        hint={t('tpl.votingHint')}
        checked={voting.on}
        problems={problems}
        onChange={(on) => onChange({ ...voting, on })}
      />
      {voting.on && (
        <div class="tpl-voting-settings">
          <NumberField
            field={`${field}.budget`}
            label={t('voting.budget')}
            value={voting.budget}
            min={1}
            max={MAX_VOTE_BUDGET}
            problems={problems}
            onChange={(budget) => onChange({ ...voting, budget })}
          />
          <NumberField
            field={`${field}.maxPerItem`}
            label={t('voting.maxPerItem')}
            hint={t('voting.maxPerItemHint')}
            value={voting.maxPerItem}
            min={1}
            max={MAX_VOTE_BUDGET}
            problems={problems}
            onChange={(maxPerItem) => onChange({ ...voting, maxPerItem })}
          />
          {phase.kinds.length > 1 && (
            <>
              <KindsChoice
                id={domIdOf(kindsField)}
                legend={t('voting.kinds')}
                options={phase.kinds}
                value={voting.kinds}
                describedBy={invalidProps(problems, kindsField)['aria-describedby']}
                onChange={(kinds) => onChange({ ...voting, kinds })}
              />
              <ProblemText problems={problems} field={kindsField} />
            </>
          )}
        </div>
      )}
    </div>
  );
}
