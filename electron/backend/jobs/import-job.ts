import path from 'node:path';
import type { ImportOutcome } from '../../../shared/domain';
import type { ImportJobResult, JobSnapshot } from '../../../shared/jobs';
import { importPaths } from '../import/import-paths';
import type { ImportSources } from '../host';
import type { Project } from '../project';
import { CancelledError, type Jobs } from './jobs';

const STATUS_WORD: Record<ImportOutcome['status'], string> = { imported: 'Imported', duplicate: 'Already there', refused: 'Refused' };

/** "12 imported, 1 duplicate, 2 refused" */
function importTally(outcomes: ImportOutcome[]): string {
  const count = (status: ImportOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const duplicates = count('duplicate');
  return `${count('imported')} imported, ${duplicates} ${duplicates === 1 ? 'duplicate' : 'duplicates'}, ${count('refused')} refused`;
}

/**
 * Imports files and folders as a job, on the project's connection (imports write), a file at a
 * time: progress after each file, and a cancel takes effect before the next one. What was
 * imported stays; the files not reached are listed, so the analyst can import them again.
 */
export function startImportJob(jobs: Jobs, project: Project, { paths, mappingFile }: ImportSources): JobSnapshot {
  const label = paths.length === 1 ? `Import ${path.basename(paths[0]!)}` : `Import ${paths.length} files and folders`;
  return jobs.start('import', label, 'files', async (control): Promise<ImportJobResult> => {
    const run = await importPaths(project, paths, {
      signal: control.signal,
      mappingFile,
      report: (outcome, done, total) => control.progress({ done, total, message: `${STATUS_WORD[outcome.status]}: ${outcome.name}` }),
    }).finally(() => project.suggesting.start()); // what was imported is suggested in the background, as after articles.importFile
    const result: ImportJobResult = { kind: 'import', ...run };
    if (run.notReached.length > 0) {
      throw new CancelledError(`${importTally(run.outcomes)}; ${run.notReached.length} not imported`, result);
    }
    return result;
  });
}
