/**
 * The only bridge between the sandboxed renderer and the main process: one `invoke` for the
 * contract's methods, and the shell's notifications of changes, of jobs' progress and of menu
 * items meant for the window. No raw ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANGED_CHANNEL, INVOKE_CHANNEL, JOB_CHANNEL, MENU_CHANNEL, isMenuCommand, type GainsayBridge } from '../../shared/bridge';
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
  onMenu: (listener) => {
    ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    });
  },
};

contextBridge.exposeInMainWorld('gainsay', bridge);
