import path from 'node:path';
import type { ImportOutcome } from '../../../shared/domain';
import type { ImportJobResult, JobSnapshot } from '../../../shared/jobs';
import type { AnnotationMapping } from '../../../shared/import-mappings';
import { importAnnotations } from '../import/annotation-formats';
import { importPaths } from '../import/import-paths';
import type { Staged } from '../import/staged-imports';
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
export function startImportJob(jobs: Jobs, project: Project, { paths, mapping }: ImportSources): JobSnapshot {
  const label = paths.length === 1 ? `Import ${path.basename(paths[0]!)}` : `Import ${paths.length} files and folders`;
  return jobs.start('import', label, 'files', async (control): Promise<ImportJobResult> => {
    const run = await importPaths(project, paths, {
      signal: control.signal,
      mapping,
      report: (outcome, done, total) => control.progress({ done, total, message: `${STATUS_WORD[outcome.status]}: ${outcome.name}` }),
    }).finally(() => project.suggesting.start()); // what was imported is suggested in the background, as after articles.importFile
    const result: ImportJobResult = { kind: 'import', ...run };
    if (run.notReached.length > 0) {
      throw new CancelledError(`${importTally(run.outcomes)}; ${run.notReached.length} not imported`, result);
    }
    return result;
  });
}

/**
 * Imports annotations the import dialog previewed, with the mapping it chose, as a job of one
 * step: one all-or-nothing merge (a refusal lists the first problems and writes nothing). `done`
 * lets go of the files held for it, whatever the end.
 */
export function startAnnotationImportJob(jobs: Jobs, project: Project, staged: Staged, chosen: AnnotationMapping, done: () => void): JobSnapshot {
  return jobs.start('import', `Import ${path.basename(staged.shown)}`, 'files', async (control): Promise<ImportJobResult> => {
    control.progress({ done: 0, total: 1, message: `Reading ${staged.shown}…` });
    try {
      const outcome = await importAnnotations(project, staged.format, staged.full, staged.shown, chosen);
      control.progress({ done: 1, message: `${STATUS_WORD[outcome.status]}: ${outcome.name}` });
      return { kind: 'import', outcomes: [outcome], notReached: [] };
    } finally {
      done();
      project.suggesting.start();
    }
  });
}
