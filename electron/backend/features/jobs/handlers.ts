import path from 'node:path';
import { GainsayError } from '../../../../shared/errors';
import type { Handlers } from '../../context';
import { reportFiles } from '../../export/report-export';
import { ownFileExportMessage } from '../../project';
import { startExportJob } from '../../jobs/export-job';
import { startImportJob } from '../../jobs/import-job';

export const jobHandlers: Pick<Handlers, 'exports.start' | 'imports.start' | 'jobs.list' | 'jobs.cancel'> = {
  'exports.start': async ({ format, bom, raw, articleIds }, { project, jobs, host }) => {
    const target = await host.exportTarget(format, project.name);
    // Written over, the project's file would be replaced while open (the report writes two files beside the name).
    const written = target?.kind !== 'path' ? [] : format === 'report' ? Object.values(reportFiles(target.path)) : [target.path];
    const own = written.find((file) => project.isOwnFile(file));
    if (own) throw new GainsayError('invalid_input', ownFileExportMessage(path.basename(own)));
    return target && startExportJob(jobs, project, host, { format, options: { bom, raw, articleIds } }, target);
  },
  'imports.start': async ({ choose }, { project, jobs, host }) => {
    const sources = await host.importPaths(choose);
    return sources && sources.paths.length > 0 ? startImportJob(jobs, project, sources) : null;
  },
  'jobs.list': (_input, { jobs }) => jobs.list(),
  'jobs.cancel': ({ id }, { jobs }) => ({ cancelled: jobs.cancel(id) }),
};
