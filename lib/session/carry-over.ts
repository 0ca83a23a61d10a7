import type { ContinuesFrom, ItemSnapshot, SessionSnapshot } from './types';

export type { ContinuesFrom } from './types';

/**
 * What one session hands to the next (issue 8, "the harvest opens the next session"): where it
 * came from, its learning question, and what it left open. A series of meetings (a learning
 * studio, a social lab) picks up where the last one stopped instead of starting blank.
 */
export interface CarryOver {
  readonly source: ContinuesFrom;
  /** The earlier session's learning question, or null when it had none (or an empty one). */
  readonly learningQuestion: string | null;
  /** Open questions (not answered), in the earlier session's order. */
  readonly questions: readonly ItemSnapshot[];
  /** Open actions (not done), with their owners and due dates, in the earlier session's order. */
  readonly actions: readonly ItemSnapshot[];
}

/** What `createSession` carries into the new session: the source and the items kept. */
export interface Continuation {
  readonly source: ContinuesFrom;
  /** Questions and actions to put in the review phase; other kinds are ignored. */
  readonly items: readonly ItemSnapshot[];
}

/** The carry-over of a session as it is now: read from its snapshot, never from the document. */
export function carryOverOf(snapshot: SessionSnapshot): CarryOver {
  const open = (kind: ItemSnapshot['kind']) =>
    snapshot.items.filter((item) => item.kind === kind && !item.done && item.text.trim() !== '');
  const question = snapshot.learningQuestion?.trim() ?? '';
  return {
    source: {
      title: snapshot.title,
      createdAt: snapshot.createdAt,
      templateName: snapshot.template.name,
    },
    learningQuestion: question === '' ? null : question,
    questions: open('question'),
    actions: open('action'),
  };
}

/**
 * `meta.continuesFrom` as a peer wrote it: a plain object with three strings, or nothing.
 * A malformed value reads as null (the session simply does not say where it came from).
 */
export function readContinuesFrom(value: unknown): ContinuesFrom | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  // Own fields only: nothing inherited (a `__proto__` a peer smuggled in) counts.
  const field = (key: string): unknown =>
    Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  const [title, createdAt, templateName] = [
    field('title'),
    field('createdAt'),
    field('templateName'),
  ];
  if (typeof title !== 'string' || typeof createdAt !== 'string') return null;
  if (typeof templateName !== 'string') return null;
  return { title, createdAt, templateName };
}
