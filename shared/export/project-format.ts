/**
 * The project JSON format's name, version and sections, apart from its zod schema
 * (project-json.ts, which re-exports them) so that the export thread, which writes the format
 * but never checks it, does not load zod.
 */

export const PROJECT_FORMAT = 'gainsay-project';
export const PROJECT_FORMAT_VERSION = 1;

/** The sections of the document in the order they are written and read. */
export const SECTIONS = ['articles', 'actors', 'tags', 'highlights', 'claims', 'links'] as const;
export type Section = (typeof SECTIONS)[number];

/** "1 article", "3 claims": a number of a section's records, in words. */
export const sectionCount = (section: Section, n: number): string => `${n} ${n === 1 ? section.slice(0, -1) : section}`;
