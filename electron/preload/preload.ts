/**
 * The only bridge between the sandboxed renderer and the main process: one `invoke` for the
 * contract's methods, the shell's notifications of changes and of jobs' progress, and its menus'
 * requests for the window's dialogs. No raw
 * ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANGED_CHANNEL, COMMAND_CHANNEL, INVOKE_CHANNEL, JOB_CHANNEL, isWindowCommand, type GainsayBridge } from '../../shared/bridge';
import type { Result } from '../../shared/errors';
import type { JobSnapshot } from '../../shared/jobs';

const bridge: GainsayBridge = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<Result<unknown>>,
  // Only the payload crosses, never the IPC event (which would expose ipcRenderer).
  onChanged: (listener) => {
    ipcRenderer.on(CHANGED_CHANNEL, (_event, method: unknown) => listener(String(method)));
  },
  onJob: (listener) => {
    ipcRenderer.on(JOB_CHANNEL, (_event, job: JobSnapshot) => listener(job));
  },
  onCommand: (listener) => {
    ipcRenderer.on(COMMAND_CHANNEL, (_event, command: unknown) => {
      if (isWindowCommand(command)) listener(command);
    });
  },
};

contextBridge.exposeInMainWorld('gainsay', bridge);
