/**
 * The only bridge between the sandboxed renderer and the main process: one `invoke` for the
 * contract's methods. No raw ipcRenderer, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL, type GainsayBridge } from '../../shared/bridge';
import type { Result } from '../../shared/errors';

const bridge: GainsayBridge = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<Result<unknown>>,
};

contextBridge.exposeInMainWorld('gainsay', bridge);
