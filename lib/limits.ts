/**
 * Every limit Kring enforces, in one place, with its unit in the name or the comment
 * (DESIGN.md style rule 6). Change a number here and the core, the UI and the tests follow.
 */

/** Characters (UTF-16 code units, as `string.length` counts) in one item's text. */
export const MAX_ITEM_TEXT_LENGTH = 2_000;
/** Items (questions, insights, actions) in one session, all phases together. */
export const MAX_ITEMS_PER_SESSION = 5_000;
/** Characters in a session title. */
export const MAX_TITLE_LENGTH = 200;
/** Characters in an action's owner ("who"). */
export const MAX_OWNER_LENGTH = 200;
/** Phases in one session or template. */
export const MAX_PHASES = 40;
/** Characters in a phase title. */
export const MAX_PHASE_TITLE_LENGTH = 200;
/** Characters in a phase prompt or facilitator note. */
export const MAX_PHASE_TEXT_LENGTH = 4_000;
/** Suggested minutes for one phase. */
export const MAX_PHASE_MINUTES = 600;
/** Characters in a display name shown to others (awareness only, never in the document). */
export const MAX_DISPLAY_NAME_LENGTH = 40;
/** Bytes of a template file Kring will try to parse. */
export const MAX_TEMPLATE_FILE_BYTES = 256 * 1024;
