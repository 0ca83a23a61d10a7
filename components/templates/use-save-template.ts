import type { RefObject } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { OwnTemplateRefusal } from '../../lib/app/own-templates';
import {
  describeOwnTemplateRefusal,
  describeTemplateProblem,
} from '../../lib/i18n/template-problems';
import type { Translate } from '../../lib/i18n/translate';
import type { TemplateProblem } from '../../lib/templates/problems';
import type { Template } from '../../lib/templates/types';
import { parseTemplate } from '../../lib/templates/validate';
import { useApp, useT } from '../app-context';
import { type FieldProblem, fieldProblems } from './problem-fields';
import { type TemplateDraft, toTemplateData } from './template-draft';
import '../../lib/i18n/workshop-messages';

/**
 * Save in the template editor: the draft goes through the validator (the same one an imported
 * file meets) and an id check first; problems come back per field and nothing is stored.
 * Only a valid template reaches saveOwnTemplate, which checks again.
 */
export function useSaveTemplate({
  editing,
  takenIds,
  done,
}: {
  editing: Template | undefined;
  takenIds: ReadonlySet<string>;
  done: (saved: Template) => void;
}): {
  problems: readonly FieldProblem[];
  saving: boolean;
  save: (draft: TemplateDraft) => Promise<void>;
  summaryRef: RefObject<HTMLDivElement | null>;
} {
  const app = useApp();
  const t = useT();
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const show = (found: readonly FieldProblem[]) => {
    setProblems(found);
    // After the render that shows them: the summary takes the keyboard, as a form's error
    // summary does, and its links lead to each field.
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const save = async (draft: TemplateDraft) => {
    const data = toTemplateData(draft);
    const found: FieldProblem[] = [];
    if (typeof data.id === 'string' && takenIds.has(data.id)) {
      found.push({ field: 'id', message: t('tpl.idTaken') });
    }
    const parsed = parseTemplate(data);
    if (!parsed.ok) found.push(...fieldProblems(parsed.error, (p) => explainProblem(t, p)));
    if (!parsed.ok || found.length > 0) {
      show(found);
      return;
    }
    setSaving(true);
    try {
      const saved = await app.saveOwnTemplate(parsed.value, { replacing: editing?.id });
      if (saved.ok) {
        setProblems([]);
        done(saved.value);
      } else show(refusalProblems(t, saved.error));
    } finally {
      setSaving(false);
    }
  };
  return { problems, saving, save, summaryRef };
}

function refusalProblems(t: Translate, refusal: OwnTemplateRefusal): FieldProblem[] {
  switch (refusal.reason) {
    case 'invalid':
      return fieldProblems(refusal.problems, (p) => explainProblem(t, p));
    case 'built-in-id':
    case 'id-taken':
      return [{ field: 'id', message: t('tpl.idTaken') }];
    default:
      return [{ field: '', message: describeOwnTemplateRefusal(t, refusal) }];
  }
}

/**
 * What is wrong, without where: beside its field the path tells a person nothing. The line
 * describeTemplateProblem writes starts with the path ("phases[0].minutes: must be…").
 */
export function explainProblem(t: Translate, problem: TemplateProblem): string {
  const line = describeTemplateProblem(t, problem);
  const prefix = `${problem.path}: `;
  const text = problem.path !== '' && line.startsWith(prefix) ? line.slice(prefix.length) : line;
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
