import type { Method, Output, ParsedInput } from '../../shared/contract';
import type { History } from './history';
import type { Host } from './host';
import type { StagedImports } from './import/staged-imports';
import type { Jobs } from './jobs/jobs';
import type { AppPreferences } from './preferences';
import type { Project } from './project';

export interface HandlerContext {
  project: Project;
  /** The undo history of the window that made the call. */
  history: History;
  /** The analyst's own settings (their name), kept outside the project. */
  preferences: AppPreferences;
  /** The open project's jobs. */
  jobs: Jobs;
  /** Annotations held between the import dialog's preview and its import. */
  staged: StagedImports;
  /** What only the calling host can do: its dialogs or downloads. */
  host: Host;
}

export type Handler<M extends Method> = (
  input: ParsedInput<M>,
  ctx: HandlerContext,
) => Output<M> | Promise<Output<M>>;

/** The full handler table: one handler per contract method, checked by the compiler. */
export type Handlers = { [M in Method]: Handler<M> };
