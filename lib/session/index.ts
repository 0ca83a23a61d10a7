/**
 * The session engine: module functions over a Y.Doc, free of DOM, browser and transport code,
 * so the side panel, the web page, the tests and the benchmarks share one implementation.
 */

export { type CapabilityInput, capabilities, guard } from './capabilities';
export {
  type CarryOver,
  type Continuation,
  carryOverOf,
  readContinuesFrom,
} from './carry-over';
export { GENERATED_REVIEW_PHASE, GENERATED_REVIEW_PHASE_ID } from './carry-over-texts';
export { defaultContext, type SessionContext, withRole } from './context';
export { createSession, type NewSession } from './create';
export {
  addDraft,
  type DraftSelection,
  type DraftSnapshot,
  deleteDraft,
  editDraft,
  isRevealed,
  markReadable,
  mineOf,
  readDrafts,
  rememberMine,
  revealPhase,
  shareDrafts,
  voterKeyOf,
  wasReadable,
  writesDrafts,
} from './device-state';
export { ITEM_FIELD_KINDS, type ItemField, kindHas } from './item-fields';
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
export { checkSchema, MIN_READER_VERSION, SCHEMA_VERSION } from './schema';
export { setItemDone, setLearningQuestion } from './series';
export {
  createSnapshotReader,
  type SnapshotOptions,
  type SnapshotReader,
  snapshotSession,
} from './snapshot';
export {
  addTheme,
  deleteTheme,
  editThemeName,
  readThemes,
  renameTheme,
  setItemTheme,
  themeName,
} from './themes';
export { clearTimer, pauseTimer, startTimer, timerRemainingMs } from './timer';
export * from './types';
export {
  addVote,
  closeVoting,
  removeVote,
  setShowLive,
  startVoting,
  type VotingSettings,
  voterTally,
} from './votes';
