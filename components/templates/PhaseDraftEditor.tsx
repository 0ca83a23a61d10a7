import { MAX_PHASE_MINUTES, MAX_PHASE_TEXT_LENGTH, MAX_PHASE_TITLE_LENGTH } from '../../lib/limits';
import type { Locale } from '../../lib/locale';
import { useT } from '../app-context';
import { KindsChoice } from '../session/KindsChoice';
import { PrivateWritingField } from '../session/PrivateWriting';
import { ThemePolicyField } from '../session/ThemePolicyField';
import { withKinds } from './draft-edits';
import { CheckField, LocalizedField, NumberField, ProblemText } from './EditorParts';
import { domIdOf, type FieldProblem, invalidProps } from './problem-fields';
import type { PhaseDraft } from './template-draft';
import { VotingPresetField } from './VotingPresetField';
import '../../lib/i18n/workshop-messages';

export interface PhaseMoves {
  readonly moveUp?: () => void;
  readonly moveDown?: () => void;
  readonly remove?: () => void;
  readonly addAfter: () => void;
  readonly setReview: (on: boolean) => void;
}

/**
 * One phase of a template being edited: its texts in each language shown, what it collects,
 * its minutes and facilitation settings (the same fields as the live phase editor), and its
 * place among the phases. Every control's id follows the phase's path in the file, so a
 * problem the validator finds there shows beside it.
 */
export function PhaseDraftEditor({
  index,
  phase,
  languages,
  problems,
  onChange,
  moves,
}: {
  index: number;
  phase: PhaseDraft;
  languages: readonly Locale[];
  problems: readonly FieldProblem[];
  onChange: (phase: PhaseDraft) => void;
  moves: PhaseMoves;
}) {
  const t = useT();
  const path = `phases[${index}]`;
  const headingId = `${domIdOf(path)}-heading`;
  const title = phase.title[languages[0] ?? 'en'].trim();
  const number = index + 1;
  const kindsField = `${path}.kinds`;
  const tool = (label: string, run: (() => void) | undefined, danger = false) => (
    <button
      type="button"
      class={danger ? 'small danger-text' : 'small'}
      disabled={!run}
      aria-describedby={headingId}
      onClick={run}
    >
      {label}
    </button>
  );
  return (
    <section class="tpl-phase" id={domIdOf(path)} aria-labelledby={headingId}>
      <h4 id={headingId}>
        {t('tpl.phase', { number })}
        {title && `: ${title}`}
      </h4>
      <ProblemText problems={problems} field={path} />
      <LocalizedField
        field={`${path}.title`}
        label={(language) => t('tpl.phaseTitle', { language })}
        value={phase.title}
        languages={languages}
        maxLength={MAX_PHASE_TITLE_LENGTH}
        problems={problems}
        onChange={(value) => onChange({ ...phase, title: value })}
      />
      <LocalizedField
        field={`${path}.prompt`}
        label={(language) => t('tpl.phasePrompt', { language })}
        value={phase.prompt}
        languages={languages}
        multiline
        maxLength={MAX_PHASE_TEXT_LENGTH}
        problems={problems}
        onChange={(value) => onChange({ ...phase, prompt: value })}
      />
      <NumberField
        field={`${path}.minutes`}
        label={t('phase.minutes')}
        value={phase.minutes}
        min={0}
        max={MAX_PHASE_MINUTES}
        problems={problems}
        onChange={(minutes) => onChange({ ...phase, minutes })}
      />
      <KindsChoice
        id={domIdOf(kindsField)}
        legend={t('phase.kinds')}
        value={phase.kinds}
        describedBy={invalidProps(problems, kindsField)['aria-describedby']}
        onChange={(kinds) => onChange(withKinds(phase, kinds))}
      />
      <ProblemText problems={problems} field={kindsField} />
      {phase.kinds.length > 0 && (
        <PrivateWritingField
          id={domIdOf(`${path}.privateWriting`)}
          checked={phase.privateWriting}
          revealed={false}
          onChange={(privateWriting) => onChange({ ...phase, privateWriting })}
        />
      )}
      {phase.kinds.includes('insight') && (
        <>
          <ThemePolicyField
            id={domIdOf(`${path}.themes`)}
            name={`${domIdOf(path)}-themes`}
            value={phase.themes}
            onChange={(themes) => onChange({ ...phase, themes })}
          />
          <ProblemText problems={problems} field={`${path}.themes`} />
        </>
      )}
      {phase.kinds.length > 0 && (
        <VotingPresetField
          field={`${path}.voting`}
          phase={phase}
          problems={problems}
          onChange={(voting) => onChange({ ...phase, voting })}
        />
      )}
      <CheckField
        field={`${path}.review`}
        label={t('tpl.review')}
        hint={t('tpl.reviewHint')}
        checked={phase.review}
        problems={problems}
        onChange={moves.setReview}
      />
      <LocalizedField
        field={`${path}.notes`}
        label={(language) => t('tpl.phaseNotes', { language })}
        value={phase.notes}
        languages={languages}
        multiline
        maxLength={MAX_PHASE_TEXT_LENGTH}
        problems={problems}
        onChange={(value) => onChange({ ...phase, notes: value })}
      />
      <div class="row phase-tools">
        {tool(t('tpl.moveUp'), moves.moveUp)}
        {tool(t('tpl.moveDown'), moves.moveDown)}
        {tool(t('phase.add'), moves.addAfter)}
        {tool(t('phase.remove'), moves.remove, true)}
      </div>
    </section>
  );
}
