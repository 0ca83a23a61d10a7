/**
 * The session engine: module functions over a Y.Doc, free of DOM, browser and transport code,
 * so the side panel, the web page, the tests and the benchmarks share one implementation.
 */
export { defaultContext, type SessionContext } from './context';
export { createSession, type NewSession } from './create';
export {
  type ActionFields,
  addItem,
  deleteItem,
  diffText,
  editItemText,
  itemText,
  type NewItem,
  replaceItemText,
  type TextEdit,
  updateAction,
} from './items';
export { endSession, reopenSession, setTitle } from './lifecycle';
export {
  addPhase,
  goToPhase,
  movePhase,
  type NewPhase,
  type PhaseChanges,
  removePhase,
  stepPhase,
  updatePhase,
} from './phases';
export { checkSchema, SCHEMA_VERSION } from './schema';
export { snapshotSession } from './snapshot';
export { clearTimer, pauseTimer, startTimer, timerRemainingMs } from './timer';
export * from './types';
