import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { GainsayError } from '../../../shared/errors';
import type { ExportFormat } from '../../../shared/export/formats';
import { projectJson } from './json-export';
import { writeBrat } from './brat-export';
import { writeCsvTables } from './csv-export';
import { cannotWrite, removeQuietly, tempBeside, writeFileAtomically, writeFolderAtomically } from './output';
import { writeQdpx } from './refi-export';
import { writeReport } from './report-export';
import { webAnnotations } from './w3c-export';
import { ProjectRecords } from './records';

export interface ExportOptions {
  /** Only these articles (and the claims, actors, tags and links that go with them). */
  articleIds?: string[];
  /** CSV: start each file with a byte-order mark, for Excel. */
  bom?: boolean;
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

/** Writes the project (or some of its articles) to `out` in one format. */
export async function exportProject(db: Database.Database, projectName: string, format: ExportFormat, out: string, options: ExportOptions = {}): Promise<void> {
  checkArticles(db, options.articleIds);
  const records = () => new ProjectRecords(db, options.articleIds ?? null);
  switch (format) {
    case 'sqlite':
      if (options.articleIds) throw new GainsayError('invalid_input', 'A copy of the project file is always the whole project; leave out --articles.');
      return copyProject(db, out);
    case 'json':
      return writeFileAtomically(out, (write) => {
        for (const chunk of projectJson(records(), projectName, new Date().toISOString())) write(chunk);
      });
    case 'csv':
      return writeFolderAtomically(out, (folder) => writeCsvTables(db, folder, options.articleIds ?? null, options.bom ?? false));
    case 'w3c':
      return writeFileAtomically(out, (write) => {
        for (const chunk of webAnnotations(db, options.articleIds ?? null, projectName, new Date().toISOString())) write(chunk);
      });
    case 'refi':
      return writeFileAtomically(out, (write) => writeQdpx(db, options.articleIds ?? null, projectName, write));
    case 'report':
      await writeReport(db, out, options.articleIds ?? null, projectName);
      return;
    case 'brat':
      return writeFolderAtomically(out, (folder) => writeBrat(db, folder, options.articleIds ?? null));
  }
}
