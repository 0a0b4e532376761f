/**
 * The only bridge between the sandboxed renderer and the main process: one `invoke` for the
 * contract's methods, the Export… dialog's export to a chosen file, and one notification of changes
 * made by the shell. No raw ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANGED_CHANNEL, EXPORT_CHANNEL, INVOKE_CHANNEL, type GainsayBridge } from '../../shared/bridge';
import type { ExportDone } from '../../shared/export/formats';
import type { Result } from '../../shared/errors';

const bridge: GainsayBridge = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<Result<unknown>>,
  // Only the method name crosses, never the IPC event (which would expose ipcRenderer).
  onChanged: (listener) => {
    ipcRenderer.on(CHANGED_CHANNEL, (_event, method: unknown) => listener(String(method)));
  },
  exportProject: (request) => ipcRenderer.invoke(EXPORT_CHANNEL, request) as Promise<Result<ExportDone | null>>,
};

contextBridge.exposeInMainWorld('gainsay', bridge);
