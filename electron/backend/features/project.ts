import type { Handlers } from '../context';
import { APP_VERSION } from '../../../shared/version';
import type { ProjectCounts } from '../../../shared/domain';
import type { ImportOutcome } from '../../../shared/domain';
import type { Project } from '../project';
import { importProjectJsonOutcome } from '../import/project-json';
import { importQdpx } from '../import/refi/refi-import';

/**
 * Articles are outside the undo history, so a merge cannot be undone; the steps before it may no
 * longer apply either, as after deleting an article.
 */
function merged(project: Project, outcome: ImportOutcome): ImportOutcome {
  if (outcome.status === 'imported') project.undo.clear();
  return outcome;
}

export const projectHandlers: Pick<Handlers, 'project.info' | 'project.importJson' | 'project.importQdpx' | 'preferences.get' | 'preferences.set'> = {
  'preferences.get': (_input, { preferences }) => preferences.read(),
  'preferences.set': (input, { preferences }) => preferences.write(input),
  'project.importJson': (input, { project }) => merged(project, importProjectJsonOutcome(project.db, input.name, input.text)),
  'project.importQdpx': async (input, { project }) => merged(project, await importQdpx(project.db, new Uint8Array(Buffer.from(input.dataBase64, 'base64')), input.name)),
  'project.info': (_input, { project }) => {
    const counts = project.db
      .prepare(
        `SELECT
           (SELECT count(*) FROM articles) AS articles,
           (SELECT count(*) FROM actors) AS actors,
           (SELECT count(*) FROM claims) AS claims,
           (SELECT count(*) FROM links WHERE kind = 'contradicts' AND status <> 'dismissed') AS contradictions`,
      )
      .get() as ProjectCounts;
    return {
      path: project.path,
      name: project.name,
      schemaVersion: project.db.pragma('user_version', { simple: true }) as number,
      appVersion: APP_VERSION,
      counts,
    };
  },
};
