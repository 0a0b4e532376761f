/**
 * A record's id as Gainsay makes them: a UUID, by the pattern zod's `z.string().uuid()` checks
 * (project-json.ts's recordId; tests/unit/record-id.test.ts holds them to the same answers), for
 * code that checks ids without loading zod, such as the export thread's.
 */
const RECORD_ID = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

export const isRecordId = (value: string): boolean => RECORD_ID.test(value);
