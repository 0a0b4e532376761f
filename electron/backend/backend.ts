import type { Result } from '../../shared/errors';
import { dispatch } from './dispatch';
import { handlers } from './handlers';
import { Project, type ProjectOptions } from './project';

/** The window of callers that have none of their own (the CLI, a desktop shell with one window). */
export const DEFAULT_WINDOW = 'main';

/** A window id as a host may pass it on: short, plain characters. */
export function windowId(value: unknown): string {
  return typeof value === 'string' && /^[\w-]{1,64}$/.test(value) ? value : DEFAULT_WINDOW;
}

/** The backend as every host sees it: an open project and one `invoke` entry point. */
export class Backend {
  private constructor(readonly project: Project) {}

  static open(file: string, options: ProjectOptions = {}): Backend {
    return new Backend(Project.open(file, options));
  }

  /**
   * Runs a method for a window: `window` names the desktop window or browser tab that called, so
   * that each undoes only its own steps (callers without windows, like the CLI, share one).
   */
  invoke(method: unknown, input: unknown, window: string = DEFAULT_WINDOW): Promise<Result<unknown>> {
    return dispatch(handlers, { project: this.project, history: this.project.undo.window(window) }, method, input);
  }

  close(): void {
    this.project.close();
  }
}
