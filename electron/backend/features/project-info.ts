import type { Handlers } from '../context';
import { APP_VERSION } from '../../../shared/version';
import type { ProjectCounts } from '../../../shared/domain';

export const projectInfoHandlers: Pick<Handlers, 'project.info'> = {
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
