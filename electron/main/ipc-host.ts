import { EXPORT_CHANNEL, INVOKE_CHANNEL } from '../../shared/bridge';
import { GainsayError, fail, ok, type Result } from '../../shared/errors';
import { EXPORT_FILES, EXPORT_LABELS, attentionSummary, exportRequest, type ExportDone, type ExportFormat } from '../../shared/export/formats';
import type { Backend } from '../backend/backend';
import { exportProject } from '../backend/export/export-project';
import { isTrustedSender } from './guards';

/**
 * The desktop shell's side of the window's calls, written against the few things of Electron it
 * uses (so that tests can run it in Node with stand-ins): `ipcMain.handle`, the sender's frame, and
 * the save dialog. main.ts passes Electron's own objects.
 */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown): void;
}

export interface SaveDialogLike {
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters?: Array<{ name: string; extensions: string[] }>;
    buttonLabel?: string;
  }): Promise<{ canceled: boolean; filePath?: string }>;
}

export interface IpcHostOptions {
  ipcMain: IpcMainLike;
  dialog: SaveDialogLike;
  /** The open project's backend, if any. */
  backend: () => Backend | null;
  /** Called after a call changed the project (the shell refreshes its menus). */
  changed: (method: string) => void;
}

export interface IpcHost {
  /** Exports the project where the analyst chooses in the save dialog; null when cancelled. */
  exportWithDialog(format: ExportFormat, bom: boolean): Promise<ExportDone | null>;
}

const FORBIDDEN = 'This window may not call Gainsay.';

/** Registers the window's two channels: the contract's methods, and Export… to a chosen file. */
export function registerIpcHost({ ipcMain, dialog, backend, changed }: IpcHostOptions): IpcHost {
  async function exportWithDialog(format: ExportFormat, bom: boolean): Promise<ExportDone | null> {
    const open = backend();
    if (!open) return null;
    const { project } = open;
    const file = EXPORT_FILES[format];
    const { canceled, filePath } = await dialog.showSaveDialog({
      title: `Export as ${EXPORT_LABELS[format]}`,
      defaultPath: `${project.name}${file ? `.${file.extension}` : ` ${format}`}`,
      ...(file ? { filters: [{ name: EXPORT_LABELS[format], extensions: [file.extension] }] } : { buttonLabel: 'Export to this new folder' }),
    });
    if (canceled || !filePath) return null;
    const outcome = await exportProject(project.db, project.name, format, filePath, { bom });
    return { name: filePath, notice: attentionSummary(format, outcome) };
  }

  ipcMain.handle(INVOKE_CHANNEL, async (event, method, input): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame?.url)) return fail('forbidden', FORBIDDEN);
    const open = backend();
    if (!open) return fail('not_found', 'No project is open.');
    const result = await open.invoke(method, input);
    if (result.ok && result.changed) changed(String(method));
    return result;
  });

  ipcMain.handle(EXPORT_CHANNEL, async (event, request): Promise<Result<ExportDone | null>> => {
    if (!isTrustedSender(event.senderFrame?.url)) return fail('forbidden', FORBIDDEN);
    const parsed = exportRequest.safeParse(request);
    if (!parsed.success) return fail('invalid_input', 'That is not an export Gainsay can make.');
    try {
      return ok(await exportWithDialog(parsed.data.format, parsed.data.bom));
    } catch (error) {
      if (error instanceof GainsayError) return fail(error.code, error.message);
      console.error('[gainsay] export failed:', error);
      return fail('internal', 'The export failed; the details are in the log.');
    }
  });

  return { exportWithDialog };
}
