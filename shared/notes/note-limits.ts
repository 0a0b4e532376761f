/**
 * How large a note or link rationale may be. Apart from note-state.ts (which checks notes with
 * zod) so that code that only needs the bounds, such as the export thread's, does not load zod.
 */

/** The longest note or rationale JSON stored (characters). */
export const MAX_NOTE_JSON = 1_000_000;
/** The longest plain text of a note or rationale (characters). */
export const MAX_NOTE_TEXT = 200_000;
/** Paragraphs, text runs, tabs and line breaks in one note. */
export const MAX_NOTE_NODES = 20_000;
