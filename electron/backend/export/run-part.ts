import type Database from 'better-sqlite3';
import { writeBratHalf } from './brat-export';
import type { PartRequest, PartResult, StartPart } from './parts';
import { writeReportMarkdown } from './report-export';

/** Makes a part of an export from `db` (in whichever thread holds it). */
export async function runPart(db: Database.Database, request: PartRequest): Promise<PartResult> {
  switch (request.name) {
    case 'brat-half':
      return { brat: writeBratHalf(db, request.folder, request.articleIds, request.scope) };
    case 'report-markdown':
      return { temp: await writeReportMarkdown(db, request.target, request.articleIds, request.project, request.generated) };
  }
}

/**
 * Parts made in line, from the same connection, as each is asked for: the export's bytes are the
 * same as with a second thread, made one after the other.
 */
export function partsInLine(db: Database.Database): StartPart {
  return (request) => {
    const done = runPart(db, request);
    return { done, stop: async () => void (await done.catch(() => undefined)) };
  };
}
