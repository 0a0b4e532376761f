import type { Result } from './errors';
import type { JobSnapshot } from './jobs';

/** What the desktop preload exposes to the renderer as `window.gainsay`, and nothing more. */
export interface GainsayBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Calls `listener` with the method name whenever the desktop shell changed the project (menus, undo). */
  onChanged(listener: (method: string) => void): void;
  /** Calls `listener` with every progress event of the project's jobs (exports, imports). */
  onJob(listener: (job: JobSnapshot) => void): void;
  /** Calls `listener` when a menu item of the desktop shell asks the window to open one of its dialogs. */
  onMenu(listener: (command: MenuCommand) => void): void;
}

/** What the shell's menus ask of the window: dialogs only the page can show. */
export const MENU_COMMANDS = ['preferences', 'shortcuts'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return MENU_COMMANDS.includes(value as MenuCommand);
}

/** The IPC channel the preload and the main process share. */
export const INVOKE_CHANNEL = 'gainsay:invoke';

/** The channel on which the main process tells the window that it changed the project. */
export const CHANGED_CHANNEL = 'gainsay:changed';

/** The channel on which the main process passes on the jobs' progress events. */
export const JOB_CHANNEL = 'gainsay:job';

/** The channel on which the main process passes on a menu item meant for the window (`MenuCommand`). */
export const MENU_CHANNEL = 'gainsay:menu';
