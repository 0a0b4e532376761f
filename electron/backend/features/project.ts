import type { Handlers } from '../context';
import { APP_VERSION } from '../../../shared/version';
import type { ProjectCounts } from '../../../shared/domain';
import { importProjectJsonOutcome } from '../import/project-json';

export const projectHandlers: Pick<Handlers, 'project.info' | 'project.importJson' | 'preferences.get' | 'preferences.set'> = {
  'preferences.get': (_input, { preferences }) => preferences.read(),
  'preferences.set': (input, { preferences }) => preferences.write(input),
  'project.importJson': (input, { project }) => {
    const outcome = importProjectJsonOutcome(project.db, input.name, input.text);
    // Articles are outside the undo history, so a merge cannot be undone; the steps before it
    // may no longer apply either, as after deleting an article.
    if (outcome.status === 'imported') project.undo.clear();
    return outcome;
  },
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
