import type { GainsayBridge } from '../../../shared/bridge';
import type { Result } from '../../../shared/errors';

export type Transport = (method: string, input: unknown) => Promise<Result<unknown>>;

declare global {
  interface Window {
    gainsay?: GainsayBridge;
  }
}

const TOKEN_KEY = 'gainsay.token';

/** This page, among the pages open on the same project. */
export const PAGE_ID = crypto.randomUUID();

/** Browser mode's per-run token: from the printed URL, kept for reloads of this tab. */
function browserToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = browserToken();
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch('api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Gainsay-Token': token, 'X-Gainsay-Client': PAGE_ID },
        body: JSON.stringify({ method, input }),
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Gainsay is not reachable. Is it still running?' } };
    }
    if (!response.ok) {
      const message =
        response.status === 401
          ? 'This page is not authorised. Open the address Gainsay printed when it started.'
          : `Gainsay answered ${response.status} ${response.statusText}.`;
      return { ok: false, error: { code: 'forbidden', message } };
    }
    return (await response.json()) as Result<unknown>;
  };
}

/**
 * Calls `handler` with the method of every change made elsewhere: by another page (browser mode:
 * several tabs or windows on one project) or by the desktop shell (menus, Edit ▸ Undo).
 */
export function onOtherPagesChange(handler: (method: string) => void): void {
  if (window.gainsay) return window.gainsay.onChanged(handler);
  const events = new EventSource('api/events');
  events.onmessage = (message: MessageEvent<string>) => {
    const change = JSON.parse(message.data) as { method: string; client: string | null };
    if (change.client !== PAGE_ID) handler(change.method);
  };
}

/** IPC through the preload in the desktop app, loopback HTTP in browser mode. */
export function defaultTransport(): Transport {
  const bridge = window.gainsay;
  if (bridge) return (method, input) => bridge.invoke(method, input);
  return httpTransport();
}
