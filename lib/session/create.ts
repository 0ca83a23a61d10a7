import * as Y from 'yjs';
import { MAX_LEARNING_QUESTION_LENGTH, MAX_PHASES, MAX_TITLE_LENGTH } from '../limits';
import type { Locale } from '../locale';
import { err, ok, type Result } from '../result';
import type { Template, TemplatePhase } from '../templates/types';
import type { Continuation } from './carry-over';
import { defaultContext, type SessionContext } from './context';
import { carriedItemRecords, continuedPhases } from './create-continuation';
import { initialOrderKeys } from './phase-order';
import {
  itemsOf,
  MIN_READER_VERSION,
  metaOf,
  phasesOf,
  SCHEMA_VERSION,
  type YRecord,
} from './schema';
import type { SessionError } from './types';
import { checkText } from './validate';
import { readVoting } from './votes';

export interface NewSession {
  readonly template: Template;
  /** The language of the session's content; the template's texts are copied in it. */
  readonly locale: Locale;
  /** Optional; the template's name in `locale` when empty. */
  readonly title?: string;
  /**
   * The shared learning question, trimmed. The session gets a slot for one when the template
   * asks for it (`learningQuestion`) or when a question is given (one carried over from an
   * earlier session keeps its place even in a template without the flag).
   */
  readonly learningQuestion?: string;
  /** Continue an earlier session: its open questions and actions open this one. */
  readonly continuation?: Continuation;
  /**
   * The facilitator chose "Large group" (issue 10): every device connects through the relay
   * from the start. Written only when true, so a document without it reads as a small group.
   */
  readonly largeGroup?: boolean;
}

/**
 * Writes a new session into an empty document. Phases are copied from the template, so a
 * session never changes when a template file does, and the facilitator can edit them live.
 */
export function createSession(
  doc: Y.Doc,
  { template, locale, title = '', learningQuestion = '', continuation, largeGroup }: NewSession,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  if (metaOf(doc).has('schemaVersion')) return err({ code: 'already-a-session' });
  const trimmedTitle = title.trim();
  const titleError = checkText('title', trimmedTitle, MAX_TITLE_LENGTH, { allowEmpty: true });
  if (titleError) return err(titleError);
  const question = learningQuestion.trim();
  const questionError = checkText('learning-question', question, MAX_LEARNING_QUESTION_LENGTH, {
    allowEmpty: true,
  });
  if (questionError) return err(questionError);

  let phases: readonly TemplatePhase[] = template.phases;
  let carried: ReadonlyMap<string, YRecord> = new Map();
  if (continuation) {
    const continued = continuedPhases(template.phases, continuation.items);
    if (continued.phases.length > MAX_PHASES) {
      return err({ code: 'too-many-phases', limit: MAX_PHASES });
    }
    const records = carriedItemRecords(continuation.items, continued.reviewPhaseId, context);
    if (!records.ok) return records;
    phases = continued.phases;
    carried = records.value;
  }

  const firstPhase = phases[0];
  const orderKeys = initialOrderKeys(phases.length);
  doc.transact(() => {
    const meta = metaOf(doc);
    meta.set('schemaVersion', MIN_READER_VERSION);
    meta.set('writerVersion', SCHEMA_VERSION);
    meta.set('title', trimmedTitle || template.name[locale]);
    meta.set('templateId', template.id);
    meta.set('templateVersion', template.version);
    meta.set('templateName', template.name[locale]);
    meta.set('locale', locale);
    meta.set('createdAt', context.now().toISOString());
    meta.set('currentPhaseId', firstPhase?.id ?? '');
    meta.set('status', 'running');
    meta.set('endedAt', null);
    if (template.learningQuestion === true || question !== '') {
      meta.set('learningQuestion', question);
    }
    if (continuation) {
      const { title: sourceTitle, createdAt, templateName } = continuation.source;
      meta.set('continuesFrom', { title: sourceTitle, createdAt, templateName });
    }
    if (largeGroup === true) meta.set('largeGroup', true);
    phasesOf(doc).push(phases.map((phase, index) => sessionPhase(phase, locale, orderKeys[index])));
    for (const [id, record] of carried) itemsOf(doc).set(id, record);
  });
  return ok(undefined);
}

/** One template phase as the session holds it, in the session's language. */
function sessionPhase(phase: TemplatePhase, locale: Locale, order: string | undefined): YRecord {
  const record = phaseRecord({
    id: phase.id,
    title: phase.title[locale],
    prompt: phase.prompt[locale],
    kinds: [...phase.kinds],
    minutes: phase.minutes,
    notes: phase.notes[locale],
  });
  record.set('order', order);
  record.set('privateWriting', phase.privateWriting === true);
  if (phase.review === true) record.set('review', true);
  record.set('revealedAt', null);
  record.set('themes', phase.themes ?? 'off');
  if (phase.voting) {
    // The template's presets; the facilitator opens voting when the group is ready.
    const preset = readVoting(
      { status: 'none', showLive: false, maxPerItem: null, ...phase.voting },
      phase.kinds,
    );
    record.set('voting', { ...preset });
  }
  return record;
}

export interface PhaseFields {
  readonly id: string;
  readonly title: string;
  readonly prompt: string;
  readonly kinds: readonly string[];
  readonly minutes: number;
  readonly notes: string;
}

export function phaseRecord(fields: PhaseFields): YRecord {
  const record = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) record.set(key, value);
  return record;
}
