/** `PRAGMA application_id` of every Gainsay project file: the bytes "GSAY". */
export const APPLICATION_ID = 0x47534159;

/** The 16 bytes every SQLite 3 database file starts with. */
export const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
