import type { Result } from '../../shared/errors';
import { dispatch } from './dispatch';
import { handlers } from './handlers';
import { Project } from './project';
import type { OpenDatabaseOptions } from './db/open';

/** The backend as every host sees it: an open project and one `invoke` entry point. */
export class Backend {
  private constructor(readonly project: Project) {}

  static open(file: string, options: OpenDatabaseOptions = {}): Backend {
    return new Backend(Project.open(file, options));
  }

  invoke(method: unknown, input: unknown): Promise<Result<unknown>> {
    return dispatch(handlers, { project: this.project }, method, input);
  }

  close(): void {
    this.project.close();
  }
}
