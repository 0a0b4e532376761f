import type { GainsayBridge, WindowCommand } from '../../../shared/bridge';
import type { Result } from '../../../shared/errors';
import { fileSize } from '../../../shared/domain';
import type { JobSnapshot } from '../../../shared/jobs';

export type Transport = (method: string, input: unknown) => Promise<Result<unknown>>;

declare global {
  interface Window {
    gainsay?: GainsayBridge;
  }
}

/** Whether this page is the desktop window (the shell's dialogs choose files) rather than a browser tab. */
export const inDesktopWindow = (): boolean => !!window.gainsay;

const TOKEN_KEY = 'gainsay.token';

const WINDOW_KEY = 'gainsay.window';

/**
 * This tab, among the pages open on the same project: its own undo history is kept under this
 * id, which lasts for the tab across reloads (sessionStorage). A duplicated tab starts with a copy
 * of that storage, so each page asks the others on load whether its id is taken, and takes a new
 * one if it is.
 */
let windowId = ((): string => {
  const kept = sessionStorage.getItem(WINDOW_KEY);
  if (kept && /^[\w-]{1,64}$/.test(kept)) return kept;
  const id = crypto.randomUUID();
  sessionStorage.setItem(WINDOW_KEY, id);
  return id;
})();

if (typeof BroadcastChannel !== 'undefined') {
  const windows = new BroadcastChannel('gainsay.windows');
  windows.onmessage = (event: MessageEvent<{ ask?: string; taken?: string }>) => {
    if (event.data.ask === windowId) windows.postMessage({ taken: windowId });
    else if (event.data.taken === windowId) {
      windowId = crypto.randomUUID();
      sessionStorage.setItem(WINDOW_KEY, windowId);
    }
  };
  windows.postMessage({ ask: windowId });
}

/**
 * Browser mode's per-run token. It comes in the printed address once; the page keeps it for this
 * tab (reloads included) and takes it out of the address bar, so it is not left in the history,
 * a bookmark or a shared screenshot. It is sent only as a header, never as a cookie: the browser
 * sends cookies to every port of 127.0.0.1, so any other local server would receive it.
 */
function browserToken(): string {
  const address = new URL(window.location.href);
  const fromUrl = address.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    address.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', address.pathname + address.search + address.hash);
  }
  return fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let token: string | null = null;

/** A request to browser mode's API, carrying the token and this page's id. */
function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  token ??= browserToken();
  const headers = new Headers(init.headers);
  headers.set('X-Gainsay-Token', token);
  headers.set('X-Gainsay-Client', windowId);
  return fetch(path, { ...init, headers });
}

function httpTransport(): Transport {
  // At once, so the token leaves the address bar before anything else happens on the page.
  token ??= browserToken();
  return async (method, input) => {
    let response: Response;
    try {
      response = await apiFetch('api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
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

/** How long to wait before reconnecting a change stream that ended (Gainsay restarting, say). */
const RECONNECT_MS = 3000;

/** What browser mode's event stream carries: a change made by a page, or a job's progress. */
type ServerEvent = { method: string; client: string | null } | { job: JobSnapshot };

/**
 * Reads browser mode's server-sent events with fetch, which sends the token header (EventSource
 * cannot send headers), and reconnects when the stream ends, as EventSource would.
 */
async function followServerEvents(handler: (event: ServerEvent) => void): Promise<void> {
  for (;;) {
    try {
      const response = await apiFetch('api/events');
      if (response.status === 401) return; // the page is not authorised; its calls say so
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let pending = '';
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        pending += chunk.value;
        const events = pending.split('\n\n');
        pending = events.pop()!;
        for (const event of events) {
          for (const line of event.split('\n')) if (line.startsWith('data: ')) handler(JSON.parse(line.slice(6)));
        }
      }
    } catch {
      // Gainsay stopped or the connection dropped: try again below.
    }
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
  }
}

const changeListeners: Array<(method: string) => void> = [];
const jobListeners: Array<(job: JobSnapshot) => void> = [];
const commandListeners = new Set<(command: WindowCommand) => void>();
let following = false;

/** Starts hearing the host's events once, for every listener of this page. */
function followHost(): void {
  if (following) return;
  following = true;
  if (window.gainsay) {
    window.gainsay.onChanged((method) => changeListeners.forEach((listener) => listener(method)));
    window.gainsay.onJob((job) => jobListeners.forEach((listener) => listener(job)));
    window.gainsay.onCommand((command) => commandListeners.forEach((listener) => listener(command)));
    return;
  }
  void followServerEvents((event) => {
    if ('job' in event) jobListeners.forEach((listener) => listener(event.job));
    else if (event.client !== windowId) changeListeners.forEach((listener) => listener(event.method));
  });
}

/**
 * Calls `handler` with the method of every change made elsewhere: by another page (browser mode:
 * several tabs or windows on one project) or by the desktop shell (menus, Edit ▸ Undo).
 */
export function onOtherPagesChange(handler: (method: string) => void): void {
  changeListeners.push(handler);
  followHost();
}

/** Calls `handler` with every progress event of the project's jobs (exports and imports), wherever they were started. */
export function onJobEvent(handler: (job: JobSnapshot) => void): void {
  jobListeners.push(handler);
  followHost();
}

/**
 * Desktop window: calls `handler` when the shell's menus ask for one of the window's dialogs
 * (browser mode has no menus); returns the function that stops it.
 */
export function onWindowCommand(handler: (command: WindowCommand) => void): () => void {
  commandListeners.add(handler);
  followHost();
  return () => commandListeners.delete(handler);
}

/** IPC through the preload in the desktop app, loopback HTTP in browser mode. */
export function defaultTransport(): Transport {
  const bridge = window.gainsay;
  if (bridge) return (method, input) => bridge.invoke(method, input);
  return httpTransport();
}

/**
 * Browser mode: fetches a finished export job's file and hands it to the browser as a download,
 * reporting the bytes received; resolves with the name and size saved.
 */
export async function fetchDownload(jobId: string, onProgress: (line: string) => void): Promise<string> {
  const response = await apiFetch(`api/downloads/${encodeURIComponent(jobId)}`);
  if (!response.ok) throw new Error(await response.text());
  const total = Number(response.headers.get('Content-Length') ?? 0);
  const reader = response.body!.getReader();
  const parts: Uint8Array[] = [];
  let received = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    parts.push(chunk.value);
    received += chunk.value.length;
    onProgress(`Downloading ${fileSize(received)}${total ? ` of ${fileSize(total)}` : ''}…`);
  }
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'gainsay-export');
  saveBlob(new Blob(parts as BlobPart[], { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }), name);
  return `${name} (${fileSize(received)})`;
}

/** Hands data made or fetched by the page to the browser (or the desktop's save dialog) as a file download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
