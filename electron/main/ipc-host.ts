import { JOB_CHANNEL, INVOKE_CHANNEL } from '../../shared/bridge';
import { fail, type Result } from '../../shared/errors';
import { EXPORT_FILES, EXPORT_LABELS, type ExportFormat } from '../../shared/export/formats';
import type { JobSnapshot } from '../../shared/jobs';
import type { Backend } from '../backend/backend';
import type { ExportTarget, Host, ImportChoice, ImportSources } from '../backend/host';
import { isTrustedSender } from './guards';

/**
 * The desktop shell's side of the window's calls, written against the few things of Electron it
 * uses (so that tests can run it in Node with stand-ins): `ipcMain.handle`, the sender's frame,
 * the save and open dialogs, and sending to the window. main.ts passes Electron's own objects.
 */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame?: { url: string } | null }, ...args: unknown[]) => unknown): void;
}

export interface DialogLike {
  showSaveDialog(options: {
    title: string;
    defaultPath: string;
    filters?: Array<{ name: string; extensions: string[] }>;
    buttonLabel?: string;
  }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: { title: string; properties: Array<'openFile' | 'openDirectory' | 'multiSelections'> }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface IpcHostOptions {
  ipcMain: IpcMainLike;
  dialog: DialogLike;
  /** The open project's backend, if any. */
  backend: () => Backend | null;
  /** Sends a message to the window. */
  send: (channel: string, payload: unknown) => void;
  /** Called after a call or a job changed the project (the shell refreshes its menus). */
  changed: (method: string) => void;
  /** The taskbar's progress: 0..1, above 1 for work of unknown length, below 0 for none. */
  progress?: (fraction: number) => void;
}

export interface IpcHost {
  /** The shell's own calls (File ▸ Import…, File ▸ Export): the same methods the window calls. */
  invoke(method: 'exports.start' | 'imports.start', input: unknown): Promise<Result<unknown>>;
}

const FORBIDDEN = 'This window may not call Gainsay.';

/** The desktop as a host: exports go where the save dialog says, imports are chosen in the open dialog. */
function desktopHost(dialog: DialogLike): Host {
  return {
    async exportTarget(format: ExportFormat, projectName: string): Promise<ExportTarget | null> {
      const file = EXPORT_FILES[format];
      const { canceled, filePath } = await dialog.showSaveDialog({
        title: `Export as ${EXPORT_LABELS[format]}`,
        defaultPath: `${projectName}${file ? `.${file.extension}` : ` ${format}`}`,
        ...(file ? { filters: [{ name: EXPORT_LABELS[format], extensions: [file.extension] }] } : { buttonLabel: 'Export to this new folder' }),
      });
      return canceled || !filePath ? null : { kind: 'path', path: filePath };
    },
    async importPaths(choose: ImportChoice): Promise<ImportSources | null> {
      const { canceled, filePaths } = await dialog.showOpenDialog({
        title: 'Import into the project',
        properties: choose === 'folder' ? ['openDirectory'] : ['openFile', 'multiSelections'],
      });
      return canceled ? null : { paths: filePaths };
    },
    keepDownload: (_jobId, download) => download.dispose(),
  };
}

/** Registers the window's channel into the contract, and passes the project's job events to the window. */
export function registerIpcHost({ ipcMain, dialog, backend, send, changed, progress }: IpcHostOptions): IpcHost {
  const host = desktopHost(dialog);
  const followed = new WeakSet<Backend>();

  /** Job events go to the window (and the taskbar); an import's end refreshes the menus. */
  function follow(open: Backend): void {
    if (followed.has(open)) return;
    followed.add(open);
    open.jobs.onEvent((job: JobSnapshot) => {
      send(JOB_CHANNEL, job);
      const running = open.jobs.list().filter((j) => j.state === 'running');
      progress?.(running.length === 0 ? -1 : running.length === 1 && running[0]!.total ? running[0]!.done / running[0]!.total : 2);
      if (job.kind === 'import' && job.state !== 'running') changed('imports.start');
    });
  }

  async function invoke(method: unknown, input: unknown): Promise<Result<unknown>> {
    const open = backend();
    if (!open) return fail('not_found', 'No project is open.');
    follow(open);
    const result = await open.invoke(method, input, undefined, host);
    if (result.ok && result.changed) changed(String(method));
    return result;
  }

  ipcMain.handle(INVOKE_CHANNEL, async (event, method, input): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame?.url)) return fail('forbidden', FORBIDDEN);
    return invoke(method, input);
  });

  return { invoke };
}
