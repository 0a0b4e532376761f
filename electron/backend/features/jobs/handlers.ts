import type { Handlers } from '../../context';
import { startExportJob } from '../../jobs/export-job';
import { startImportJob } from '../../jobs/import-job';

export const jobHandlers: Pick<Handlers, 'exports.start' | 'imports.start' | 'jobs.list' | 'jobs.cancel'> = {
  'exports.start': async ({ format, bom, raw, articleIds }, { project, jobs, host }) => {
    const target = await host.exportTarget(format, project.name);
    return target && startExportJob(jobs, project, host, { format, options: { bom, raw, articleIds } }, target);
  },
  'imports.start': async ({ choose }, { project, jobs, host }) => {
    const sources = await host.importPaths(choose);
    return sources && sources.paths.length > 0 ? startImportJob(jobs, project, sources) : null;
  },
  'jobs.list': (_input, { jobs }) => jobs.list(),
  'jobs.cancel': ({ id }, { jobs }) => ({ cancelled: jobs.cancel(id) }),
};
