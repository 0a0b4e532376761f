import type { Result } from '../../shared/errors';
import type { HandlerContext } from './context';
import { dispatch } from './dispatch';
import { handlers } from './handlers';
import { AppPreferences } from './preferences';
import { Project, type ProjectOptions } from './project';
import { NO_HOST, type Host } from './host';
import type { Jobs } from './jobs/jobs';
import { StagedImports } from './import/staged-imports';

/** The window of callers that have none of their own (the CLI, a desktop shell with one window). */
export const DEFAULT_WINDOW = 'main';

/** A window id as a host may pass it on: short, plain characters. */
export function windowId(value: unknown): string {
  return typeof value === 'string' && /^[\w-]{1,64}$/.test(value) ? value : DEFAULT_WINDOW;
}

/** The backend as every host sees it: an open project and one `invoke` entry point. */
export class Backend {
  /** The project's jobs: exports, imports and background suggesting. */
  readonly jobs: Jobs;
  /** Annotations chosen in the import dialog, held until imported or discarded. */
  readonly staged = new StagedImports();

  private constructor(
    readonly project: Project,
    readonly preferences: AppPreferences,
  ) {
    this.jobs = project.jobs;
  }

  /** `preferencesFile`: where the analyst's preferences are kept (the app's data folder unless given). */
  static open(file: string, options: ProjectOptions & { preferencesFile?: string } = {}): Backend {
    const { preferencesFile, ...projectOptions } = options;
    return new Backend(Project.open(file, projectOptions), new AppPreferences(preferencesFile));
  }

  /**
   * Runs a method for a window: `window` names the desktop window or browser tab that called, so
   * that each undoes only its own steps (callers without windows, like the CLI, share one).
   * `host` is the calling host's dialogs or downloads, for the jobs that write files.
   */
  invoke(method: unknown, input: unknown, window: string = DEFAULT_WINDOW, host: Host = NO_HOST): Promise<Result<unknown>> {
    return dispatch(handlers, this.context(window, host), method, input);
  }

  /** What a handler is given when `window` calls through `host`. */
  context(window: string = DEFAULT_WINDOW, host: Host = NO_HOST): HandlerContext {
    return { project: this.project, history: this.project.undo.window(window), preferences: this.preferences, jobs: this.jobs, staged: this.staged, host };
  }

  /** Closes the project, its jobs told to stop first (Project.close), then lets the files staged for import go. */
  close(): void {
    this.project.close();
    this.staged.discardAll();
  }
}
