/**
 * The templates Kring ships (templates/*.json), checked by the same validator as a facilitator's
 * own file. A shipped template that fails is a programming error: it throws when this module
 * loads, so the unit tests catch it long before a facilitator could.
 */
import actionLearning from '../../templates/action-learning.json';
import dialogueOwnQuestions from '../../templates/dialogue-own-questions.json';
import intervision from '../../templates/intervision.json';
import leadershipInConnection from '../../templates/leadership-in-connection.json';
import learningStudio from '../../templates/learning-studio.json';
import lessonsLearned from '../../templates/lessons-learned.json';
import reflectiveDialogue from '../../templates/reflective-dialogue.json';
import socialLab from '../../templates/social-lab.json';
import type { Template } from './types';
import { formatTemplateProblem, parseTemplate } from './validate';

export * from './types';
export * from './validate';

/** File name without `.json` → its parsed contents, in the order the picker shows them. */
const BUILT_IN_FILES: readonly (readonly [string, unknown])[] = [
  ['social-lab', socialLab],
  ['learning-studio', learningStudio],
  ['reflective-dialogue', reflectiveDialogue],
  ['dialogue-own-questions', dialogueOwnQuestions],
  ['intervision', intervision],
  ['action-learning', actionLearning],
  ['leadership-in-connection', leadershipInConnection],
  ['lessons-learned', lessonsLearned],
];

function loadBuiltIn(fileId: string, data: unknown): Template {
  const result = parseTemplate(data);
  if (!result.ok) {
    const lines = result.error.map(formatTemplateProblem).join('\n');
    throw new Error(`templates/${fileId}.json is not a valid template:\n${lines}`);
  }
  // The id is also the file name (types.ts), so a renamed file cannot silently fork an id.
  if (result.value.id !== fileId) {
    throw new Error(`templates/${fileId}.json has id "${result.value.id}"`);
  }
  return result.value;
}

export const builtInTemplates: readonly Template[] = Object.freeze(
  BUILT_IN_FILES.map(([fileId, data]) => loadBuiltIn(fileId, data)),
);

/** The template with this id among `templates` (the built-in ones unless told otherwise). */
export function findTemplate(
  id: string,
  templates: readonly Template[] = builtInTemplates,
): Template | undefined {
  return templates.find((template) => template.id === id);
}

/** The suggested length of a whole session, in minutes. */
export function templateMinutes(template: Pick<Template, 'phases'>): number {
  return template.phases.reduce((sum, phase) => sum + phase.minutes, 0);
}
