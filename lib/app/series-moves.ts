import type * as Y from 'yjs';
import type { Result } from '../result';
import {
  type SessionContext,
  type SessionError,
  setItemDone,
  setLearningQuestion,
} from '../session';

/** What the series moves need from the session model. */
export interface SeriesNeeds {
  readonly doc: Y.Doc;
  readonly context: SessionContext;
  /** Records a refusal for the session screen (controls without an error display of their own). */
  readonly report: <T>(result: Result<T, SessionError>) => Result<T, SessionError>;
}

/**
 * The moves that make one session part of a series (issue 8): ticking off what was answered
 * or done, and the shared learning question the series revolves around.
 */
export function seriesMoves({ doc, context, report }: SeriesNeeds) {
  return {
    /** Marks a question answered or an action done; a refusal shows on the session screen. */
    setItemDone: (itemId: string, done: boolean): Result<void, SessionError> =>
      report(setItemDone(doc, itemId, done, context)),
    /** Facilitator: the learning question, '' to empty it. Its form shows a refusal itself. */
    setLearningQuestion: (text: string): Result<void, SessionError> =>
      setLearningQuestion(doc, text, context),
  };
}
