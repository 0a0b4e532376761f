import type { Result } from './errors';

/** What the desktop preload exposes to the renderer as `window.gainsay`, and nothing more. */
export interface GainsayBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
}

/** The IPC channel the preload and the main process share. */
export const INVOKE_CHANNEL = 'gainsay:invoke';
