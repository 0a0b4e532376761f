import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/server/server';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { tempBackend } from '../helpers/project';
import { exportOverHttp } from '../helpers/http-export';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so Host and Origin can be set to anything (fetch forbids that). */
function request(port: number, options: { path?: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: options.path ?? '/', method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode server', () => {
  let env: ReturnType<typeof tempBackend>;
  let server: RunningServer;
  let host: string;
  const invoke = (headers: Record<string, string>, body = JSON.stringify({ method: 'project.info', input: {} })) =>
    request(server.port, { path: '/api/invoke', method: 'POST', headers: { 'Content-Type': 'application/json', Host: host, ...headers }, body });

  beforeEach(async () => {
    env = tempBackend();
    const staticDir = path.join(env.dir, 'renderer');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Gainsay</title>');
    server = await startServer({ backend: env.backend, staticDir });
    host = `127.0.0.1:${server.port}`;
  });
  afterEach(async () => {
    await server.close();
    env.dispose();
  });

  it('listens on loopback with a long random token in its address', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[\\w-]{32,}$`));
  });

  it('answers a request with the token, and sends the CSP but no CORS headers', async () => {
    const reply = await invoke({ 'X-Gainsay-Token': server.token, Origin: `http://${host}` });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { path: env.file } });
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('answers nothing useful without the token or with a wrong one', async () => {
    const attempts: Array<Record<string, string>> = [{}, { 'X-Gainsay-Token': 'wrong' }, { 'X-Gainsay-Token': `${server.token}x` }];
    for (const headers of attempts) {
      const reply = await invoke(headers);
      expect(reply.status).toBe(401);
      expect(reply.body).not.toContain(env.file);
    }
  });

  it('refuses a foreign Host header even with the token (DNS rebinding)', async () => {
    for (const foreign of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`]) {
      host = foreign;
      const reply = await invoke({ 'X-Gainsay-Token': server.token });
      expect(reply.status).toBe(403);
      expect(reply.body).toBe('Forbidden');
    }
  });

  it('refuses a foreign Origin even with the token', async () => {
    for (const origin of ['http://evil.example', 'null', `https://${host}`]) {
      const reply = await invoke({ 'X-Gainsay-Token': server.token, Origin: origin });
      expect(reply.status).toBe(403);
    }
  });

  it('does not accept the token from a cookie or the query for API calls', async () => {
    const reply = await request(server.port, {
      path: `/api/invoke?token=${server.token}`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Host: host, Cookie: `gainsay_token_${server.port}=${server.token}` },
      body: JSON.stringify({ method: 'project.info', input: {} }),
    });
    expect(reply.status).toBe(401);
  });

  it('serves the app’s files without the token and never sets a cookie, while every API path demands the header', async () => {
    for (const path of ['/', `/?token=${server.token}`]) {
      const page = await request(server.port, { path, headers: { Host: host } });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>Gainsay</title>');
      expect(page.body).not.toContain(server.token);
      expect(page.headers['set-cookie']).toBeUndefined();
      // Asked for again every time, so a new build is seen at once.
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    for (const path of ['/api/events', '/api/downloads/x', '/api/nothing', `/api/invoke?token=${server.token}`]) {
      const refused = await request(server.port, { path, headers: { Host: host, Cookie: `gainsay_token_${server.port}=${server.token}` } });
      expect(refused.status, path).toBe(401);
    }
    const exported = await exportOverHttp(`http://127.0.0.1:${server.port}`, server.token, 'json');
    expect(JSON.parse(exported.bytes.toString('utf8'))).toMatchObject({ format: 'gainsay-project' });
    const fetchedTwice = await request(server.port, { path: `/api/downloads/${exported.job.id}`, headers: { Host: host, 'X-Gainsay-Token': server.token } });
    expect(fetchedTwice.status).toBe(404);
    expect(fetchedTwice.headers['set-cookie']).toBeUndefined();
  });

  it('answers malformed requests with one clear error', async () => {
    const token = { 'X-Gainsay-Token': server.token };
    expect(JSON.parse((await invoke(token, '{not json')).body)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The request was not valid JSON.' } });
    expect(JSON.parse((await invoke(token, 'null')).body).error.code).toBe('invalid_input');
    expect((await invoke({ ...token, 'Content-Type': 'text/plain' })).status).toBe(415);
    expect(JSON.parse((await invoke(token, JSON.stringify({ method: 'nope' }))).body).error.code).toBe('unknown_method');
  });

  it('streams each change to the other pages, naming the page that made it, and only to pages with the token', async () => {
    expect((await request(server.port, { path: '/api/events', headers: { Host: host } })).status).toBe(401);
    const received: string[] = [];
    const stream = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { Host: host, 'X-Gainsay-Token': server.token } }, resolve);
      req.on('error', reject);
      req.end();
    });
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => received.push(chunk));
    // A read is not announced; a change is, with the id of the page that made it.
    await invoke({ 'X-Gainsay-Token': server.token });
    await invoke({ 'X-Gainsay-Token': server.token, 'X-Gainsay-Client': 'page-1' }, JSON.stringify({ method: 'actors.create', input: { name: 'Dmitri Pelkov', kind: 'person' } }));
    await expect.poll(() => received.join('')).toContain('data: {"method":"actors.create","client":"page-1"}');
    expect(received.join('')).not.toContain('project.info');
    stream.destroy();
  });
});
