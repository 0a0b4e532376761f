import type { Input, Method, Output } from '../../../shared/contract';
import type { ErrorCode } from '../../../shared/errors';
import { defaultTransport, onOtherPagesChange, type Transport } from './transport';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Client {
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
}

/** The renderer's one typed client for the backend contract. */
export function createClient(transport: Transport = defaultTransport()): Client {
  return {
    async call(method, input) {
      const result = await transport(method, input);
      if (!result.ok) {
        if (result.error.code === 'file_gone') announceFileGone(result.error.message);
        throw new ApiError(result.error.code, result.error.message);
      }
      if (result.changed) announceChange(method, input);
      return result.value as never;
    },
  };
}

const CHANGED = 'gainsay:changed';

interface Change {
  method: Method;
  /** The call's input, when this page made the change (another page's changes come without). */
  input?: unknown;
}

/** Tells every open view that the project changed, so it can re-read what it shows. */
export function announceChange(method: Method, input?: unknown): void {
  window.dispatchEvent(new CustomEvent<Change>(CHANGED, { detail: { method, input } }));
}

export function onProjectChanged(handler: (method: Method, input?: unknown) => void): () => void {
  const listener = (event: Event) => {
    const { method, input } = (event as CustomEvent<Change>).detail;
    handler(method, input);
  };
  window.addEventListener(CHANGED, listener);
  return () => window.removeEventListener(CHANGED, listener);
}

const FILE_GONE = 'gainsay:file-gone';

/** Tells the app that the project file went away while open, so it can offer to save a copy. */
function announceFileGone(message: string): void {
  window.dispatchEvent(new CustomEvent(FILE_GONE, { detail: message }));
}

export function onFileGone(handler: (message: string) => void): () => void {
  const listener = (event: Event) => handler((event as CustomEvent<string>).detail);
  window.addEventListener(FILE_GONE, listener);
  return () => window.removeEventListener(FILE_GONE, listener);
}

export const api = createClient();

// Views refresh after another window's changes as after their own (last write wins; a record
// deleted elsewhere then disappears instead of failing on the next click).
onOtherPagesChange((method) => announceChange(method as Method));
