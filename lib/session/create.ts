import * as Y from 'yjs';
import { MAX_TITLE_LENGTH } from '../limits';
import type { Locale } from '../locale';
import { err, ok, type Result } from '../result';
import type { Template } from '../templates/types';
import { defaultContext, type SessionContext } from './context';
import { initialOrderKeys } from './phase-order';
import { MIN_READER_VERSION, metaOf, phasesOf, SCHEMA_VERSION, type YRecord } from './schema';
import type { SessionError } from './types';
import { checkText } from './validate';
import { readVoting } from './votes';

export interface NewSession {
  readonly template: Template;
  /** The language of the session's content; the template's texts are copied in it. */
  readonly locale: Locale;
  /** Optional; the template's name in `locale` when empty. */
  readonly title?: string;
}

/**
 * Writes a new session into an empty document. Phases are copied from the template, so a
 * session never changes when a template file does, and the facilitator can edit them live.
 */
export function createSession(
  doc: Y.Doc,
  { template, locale, title = '' }: NewSession,
  context: SessionContext = defaultContext,
): Result<void, SessionError> {
  if (metaOf(doc).has('schemaVersion')) return err({ code: 'already-a-session' });
  const trimmedTitle = title.trim();
  const titleError = checkText('title', trimmedTitle, MAX_TITLE_LENGTH, { allowEmpty: true });
  if (titleError) return err(titleError);

  const firstPhase = template.phases[0];
  const orderKeys = initialOrderKeys(template.phases.length);
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
    phasesOf(doc).push(
      template.phases.map((phase, index) => {
        const record = phaseRecord({
          id: phase.id,
          title: phase.title[locale],
          prompt: phase.prompt[locale],
          kinds: [...phase.kinds],
          minutes: phase.minutes,
          notes: phase.notes[locale],
        });
        record.set('order', orderKeys[index]);
        record.set('privateWriting', phase.privateWriting === true);
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
      }),
    );
  });
  return ok(undefined);
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
