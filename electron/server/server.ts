import fs from 'node:fs';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { GainsayError } from '../../shared/errors';
import type { Download } from '../backend/export/download';
import { windowId, type Backend } from '../backend/backend';
import type { Host } from '../backend/host';
import {
  CLIENT_HEADER,
  TOKEN_HEADER,
  isAllowedHost,
  isAllowedOrigin,
  tokenMatches,
} from './request-guard';
import { readStaticFile } from './static-files';

/** Largest request body accepted (imports send file contents). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** How long a finished export waits for its page to fetch it before it is removed. */
const DOWNLOAD_KEPT_MS = 10 * 60_000;

export interface ServerOptions {
  backend: Backend;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/**
 * Browser mode: the same backend methods over loopback HTTP. Binds to 127.0.0.1 only; every
 * request must carry a Host (and Origin, when sent) naming this server, and every API request this
 * run's token in the X-Gainsay-Token header (never a cookie or an address).
 * No CORS headers are ever sent, so other origins cannot read answers.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  /** Open change streams: every page of this project, so each sees the others' changes. */
  const streams = new Set<http.ServerResponse>();
  /** Finished exports waiting to be fetched, by job id. */
  const downloads = new Map<string, Download>();

  /**
   * Browser mode as a host: an export becomes a download, kept until its page fetches it. Files
   * to import are chosen in the page and sent one by one (articles.importFile): the server never
   * reads a path a page names.
   */
  const host: Host = {
    exportTarget: async () => ({ kind: 'download' }),
    importPaths: () => Promise.reject(new GainsayError('invalid_input', 'In the browser, choose the files in the Import panel; they are sent one at a time.')),
    keepDownload: (jobId, download) => {
      downloads.set(jobId, download);
      setTimeout(() => {
        if (downloads.get(jobId) === download) {
          downloads.delete(jobId);
          download.dispose();
        }
      }, DOWNLOAD_KEPT_MS).unref();
    },
  };
  // Every page hears every job's progress; the page that started a job fetches its download.
  const stopFollowingJobs = options.backend.jobs.onEvent((job) => broadcast({ job }));

  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    handle(req, res).catch((error) => {
      console.error('[gainsay] request failed:', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    }
    // The app's own files are served without the token: they are the built renderer, the same for
    // everyone, and hold no token and no project data (the page reads its token from the printed
    // address). Everything of the project is under /api/, which demands the token in a header.
    // Keeping the token out of cookies matters because cookies are not port-scoped: the browser
    // would send one to every other server on 127.0.0.1.
    const file = readStaticFile(options.staticDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    send(res, 200, file.type, req.method === 'HEAD' ? '' : file.body, { 'Cache-Control': file.cacheControl });
  }

  /**
   * Every API request carries the token in a header: a cross-site page cannot set one without a
   * CORS preflight, which this server never grants, and headers, unlike cookies, go nowhere else.
   */
  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const given = req.headers[TOKEN_HEADER];
    if (!tokenMatches(Array.isArray(given) ? given[0] : given, token)) {
      return send(res, 401, 'text/plain; charset=utf-8', 'Open the address Gainsay printed when it started; it contains the access token.');
    }
    if (url.pathname === '/api/invoke') return handleInvoke(req, res);
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    if (url.pathname === '/api/events') return openStream(req, res);
    const download = /^\/api\/downloads\/([\w-]{1,64})$/.exec(url.pathname);
    if (download) return sendDownload(download[1]!, res);
    send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  }

  async function handleInvoke(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, 'text/plain; charset=utf-8', 'Expected application/json');
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) return send(res, 413, 'text/plain; charset=utf-8', 'Request too large');
    let request: { method?: unknown; input?: unknown };
    try {
      request = JSON.parse(body.toString('utf8')) as typeof request;
    } catch {
      return sendJson(res, { ok: false, error: { code: 'invalid_input', message: 'The request was not valid JSON.' } });
    }
    if (typeof request !== 'object' || request === null) {
      return sendJson(res, { ok: false, error: { code: 'invalid_input', message: 'The request must be an object.' } });
    }
    // Each tab is a window of its own, with its own undo history.
    const client = req.headers[CLIENT_HEADER];
    const result = await options.backend.invoke(request.method, request.input, windowId(client), host);
    sendJson(res, result);
    if (result.ok && result.changed) {
      broadcast({ method: request.method, client: typeof client === 'string' ? client.slice(0, 64) : null });
    }
  }

  /** A finished export's file, sent once and then removed. */
  function sendDownload(jobId: string, res: http.ServerResponse): void {
    const download = downloads.get(jobId);
    if (!download) return send(res, 404, 'text/plain; charset=utf-8', 'This export is not waiting to be downloaded (it was fetched already, or it is over ten minutes old).');
    downloads.delete(jobId);
    res.writeHead(200, {
      'Content-Type': download.type,
      'Content-Length': fs.statSync(download.file).size,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(download.name)}`,
    });
    const stream = fs.createReadStream(download.file);
    stream.pipe(res);
    stream.on('close', download.dispose);
  }

  /**
   * A server-sent event stream telling a page about changes made by other pages. The page reads it
   * with fetch (which can send the token header), not EventSource (which cannot).
   */
  function openStream(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8' });
    res.write(': changes of this project\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
  }

  function broadcast(message: unknown): void {
    const event = `data: ${JSON.stringify(message)}\n\n`;
    for (const stream of streams) stream.write(event);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        stopFollowingJobs();
        for (const download of downloads.values()) download.dispose();
        downloads.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, headers: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { ...headers, 'Content-Type': type });
  res.end(body);
}

function sendJson(res: http.ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
