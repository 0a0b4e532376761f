import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { GainsayError } from '../../../shared/errors';
import type { ExportFormat, ExportOutcome } from '../../../shared/export/formats';
import { projectJson } from './json-export';
import { writeBrat } from './brat-export';
import { writeCsvTables } from './csv-export';
import { cannotWrite, removeQuietly, tempBeside, writeFileAtomically, writeFolderAtomically } from './output';
import { writeQdpx } from './refi-export';
import { writeReport } from './report-export';
import { webAnnotations } from './w3c-export';
import { ProjectRecords } from './records';
import { newTally } from './span-check';

export interface ExportOptions {
  /** Only these articles (and the claims, actors, tags and links that go with them). */
  articleIds?: string[];
  /** CSV: start each file with a byte-order mark, for Excel. */
  bom?: boolean;
  /** CSV: keep cells as they are, without the ' that stops a spreadsheet reading = + - @ as a formula. */
  raw?: boolean;
}

/** A consistent copy of the open project, even while it is being edited (VACUUM INTO). */
function copyProject(db: Database.Database, out: string): void {
  const target = path.resolve(out);
  const temp = tempBeside(target);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    fs.renameSync(temp, target);
  } catch (error) {
    removeQuietly(temp);
    throw cannotWrite(target, error);
  }
}

function checkArticles(db: Database.Database, ids: string[] | undefined): void {
  for (const id of ids ?? []) {
    if (!db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id)) throw new GainsayError('not_found', `There is no article ${id} in this project.`);
  }
}

/**
 * Writes the project (or some of its articles) to `out` in one format, and says how many claims
 * needed attention (their span does not hold on their text) and how the format dealt with them.
 */
export async function exportProject(db: Database.Database, projectName: string, format: ExportFormat, out: string, options: ExportOptions = {}): Promise<ExportOutcome> {
  checkArticles(db, options.articleIds);
  const articleIds = options.articleIds ?? null;
  const tally = newTally();
  switch (format) {
    case 'sqlite':
      if (options.articleIds) throw new GainsayError('invalid_input', 'A copy of the project file is always the whole project; leave out --articles.');
      copyProject(db, out);
      break;
    case 'json':
      await writeFileAtomically(out, (write) => {
        for (const chunk of projectJson(new ProjectRecords(db, articleIds), projectName, new Date().toISOString())) write(chunk);
      });
      break;
    case 'csv':
      await writeFolderAtomically(out, (folder) => writeCsvTables(db, folder, articleIds, { bom: options.bom ?? false, raw: options.raw ?? false }, tally));
      break;
    case 'w3c':
      await writeFileAtomically(out, (write) => {
        for (const chunk of webAnnotations(db, articleIds, projectName, new Date().toISOString(), tally)) write(chunk);
      });
      break;
    case 'refi':
      await writeFileAtomically(out, (write) => writeQdpx(db, articleIds, projectName, write, tally));
      break;
    case 'report':
      await writeReport(db, out, articleIds, projectName, tally);
      break;
    case 'brat':
      await writeFolderAtomically(out, (folder) => writeBrat(db, folder, articleIds, tally));
      break;
  }
  return { claimsNeedingAttention: tally.claims, linksLeftOut: tally.links };
}
