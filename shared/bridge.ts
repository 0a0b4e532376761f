import type { Result } from './errors';
import type { JobSnapshot } from './jobs';

/** What the desktop preload exposes to the renderer as `window.gainsay`, and nothing more. */
export interface GainsayBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Calls `listener` with the method name whenever the desktop shell changed the project (menus, undo). */
  onChanged(listener: (method: string) => void): void;
  /** Calls `listener` with every progress event of the project's jobs (exports, imports). */
  onJob(listener: (job: JobSnapshot) => void): void;
  /** Calls `listener` when a menu of the desktop shell asks the window for something only it shows (a dialog). */
  onCommand(listener: (command: WindowCommand) => void): void;
}

/** What the shell's menus ask the window to open. */
export const WINDOW_COMMANDS = ['import-annotations', 'preferences', 'shortcuts'] as const;
export type WindowCommand = (typeof WINDOW_COMMANDS)[number];
export const isWindowCommand = (value: unknown): value is WindowCommand => WINDOW_COMMANDS.some((command) => command === value);

/** The IPC channel the preload and the main process share. */
export const INVOKE_CHANNEL = 'gainsay:invoke';

/** The channel on which the main process tells the window that it changed the project. */
export const CHANGED_CHANNEL = 'gainsay:changed';

/** The channel on which the main process passes on the jobs' progress events. */
export const JOB_CHANNEL = 'gainsay:job';

/** The channel on which the main process asks the window to open a dialog (File ▸ Import ▸ Annotations…, Edit ▸ Preferences…, Help ▸ Keyboard Shortcuts). */
export const COMMAND_CHANNEL = 'gainsay:command';
