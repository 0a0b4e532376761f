import type { Result } from './errors';
import type { ExportRequest, ExportDone } from './export/formats';

/** What the desktop preload exposes to the renderer as `window.gainsay`, and nothing more. */
export interface GainsayBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Calls `listener` with the method name whenever the desktop shell changed the project (menus, undo). */
  onChanged(listener: (method: string) => void): void;
  /**
   * Exports the project to a file or folder the analyst chooses in the system's save dialog;
   * null when the dialog was cancelled.
   */
  exportProject(request: ExportRequest): Promise<Result<ExportDone | null>>;
}

/** The IPC channel the preload and the main process share. */
export const INVOKE_CHANNEL = 'gainsay:invoke';

/** The IPC channel of the window's Export… dialog in the desktop shell. */
export const EXPORT_CHANNEL = 'gainsay:export';

/** The channel on which the main process tells the window that it changed the project. */
export const CHANGED_CHANNEL = 'gainsay:changed';
