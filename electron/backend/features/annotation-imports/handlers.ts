import path from 'node:path';
import { GainsayError } from '../../../../shared/errors';
import type { Handlers } from '../../context';
import { ownFileMessage } from '../../project';
import { previewAnnotations } from '../../import/annotation-preview';
import { startAnnotationImportJob } from '../../jobs/import-job';

/**
 * The import dialog's methods: annotations are chosen (by the host's dialog, or uploaded by the
 * page) and held, previewed, then imported with the mapping the analyst set, or let go.
 */
export const annotationImportHandlers: Pick<Handlers, 'annotations.preview' | 'annotations.import' | 'annotations.discard'> = {
  'annotations.preview': async (input, { host, staged, project }) => {
    let held: ReturnType<typeof staged.fromPaths>;
    if ('choose' in input) {
      const chosen = await host.importPaths(input.choose);
      if (!chosen || chosen.paths.length === 0) return null;
      const own = chosen.paths.find((file) => project.isOwnFile(file));
      if (own) throw new GainsayError('invalid_input', ownFileMessage(path.basename(own)));
      held = staged.fromPaths(chosen.paths);
    } else {
      held = staged.fromUpload(input.folder, input.files.map((f) => ({ name: f.name, data: Buffer.from(f.dataBase64, 'base64') })));
    }
    try {
      return await previewAnnotations(held.id, held.staged.format, held.staged.full, held.staged.shown);
    } catch (error) {
      staged.discard(held.id);
      throw error;
    }
  },
  'annotations.import': ({ id, mapping }, { project, jobs, staged }) => {
    const held = staged.take(id);
    return startAnnotationImportJob(jobs, project, held, mapping, () => staged.release(held));
  },
  'annotations.discard': ({ id }, { staged }) => ({ discarded: staged.discard(id) }),
};
