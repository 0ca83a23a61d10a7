import type { RefObject } from 'preact';
import { useT } from '../app-context';
import { LANGUAGE_NAMES } from '../language-names';
import { domIdOf, type FieldProblem, fieldLabel, focusField } from './problem-fields';
import '../../lib/i18n/workshop-messages';

/**
 * Above the form after a refused Save: every problem, each naming its field as the form labels
 * it, and a link that moves the keyboard there. It takes the focus when it appears.
 */
export function ProblemSummary({
  problems,
  summaryRef,
}: {
  problems: readonly FieldProblem[];
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <div
      class="tpl-summary"
      role="alert"
      tabIndex={-1}
      ref={summaryRef}
      aria-labelledby="tpl-summary-heading"
    >
      <h3 id="tpl-summary-heading">{t('tpl.problems', { count: problems.length })}</h3>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            {problem.field === '' ? (
              problem.message
            ) : (
              <>
                {/* A link to the field (its id): one inline run of text with the message. The
                    click moves the focus itself, so the panel's own address never changes. */}
                <a
                  href={`#${domIdOf(problem.field)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(problem.field);
                  }}
                >
                  {fieldLabel(t, problem.field, (language) => LANGUAGE_NAMES[language])}
                </a>
                : {problem.message}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
