import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANGED_CHANNEL, COMMAND_CHANNEL, INVOKE_CHANNEL, JOB_CHANNEL } from '../../shared/bridge';
import { isMethod } from '../../shared/contract';
import { registerIpcHost } from '../../electron/main/ipc-host';
import { startServer, type RunningServer } from '../../electron/server/server';
import { ROOT } from '../helpers/cli';
import { exportOverHttp } from '../helpers/http-export';
import { tempBackend } from '../helpers/project';

/** Every source file of the renderer, as text. */
function rendererSources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) files.push(fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'renderer', 'src'));
  return files;
}

/** The first group of every match of `pattern` across the renderer's sources, once each. */
const all = (pattern: RegExp) => [...new Set(rendererSources().flatMap((text) => Array.from(text.matchAll(pattern), (m) => m.slice(1).find(Boolean)!)))].sort();

/**
 * What the renderer calls, read from its sources, against what each host serves: a call that one
 * host does not answer is a feature that works in one window and not the other.
 */
describe('every host serves everything the renderer calls', () => {
  let env: ReturnType<typeof tempBackend>;
  let server: RunningServer;
  beforeEach(async () => {
    env = tempBackend();
    server = await startServer({ backend: env.backend, staticDir: path.join(ROOT, 'dist', 'renderer') });
  });
  afterEach(async () => {
    await server.close();
    env.dispose();
  });

  it('only contract methods are called, and every host dispatches the whole contract', () => {
    const methods = all(/api\.call\(\s*'([\w.]+)'/g);
    expect(methods.length).toBeGreaterThan(30);
    for (const method of methods) expect(isMethod(method), method).toBe(true);
  });

  it('the desktop shell handles every channel of the bridge the renderer uses', () => {
    const used = all(/window\.gainsay\.(\w+)|bridge\.(\w+)/g);
    expect(used).toEqual(['invoke', 'onChanged', 'onCommand', 'onJob']);
    const channels: string[] = [];
    registerIpcHost({
      ipcMain: { handle: (channel) => void channels.push(channel) },
      dialog: { showSaveDialog: async () => ({ canceled: true }), showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
      backend: () => env.backend,
      send: () => {},
      changed: () => {},
    });
    // invoke is the request the host answers; onChanged, onJob and onCommand are messages the shell sends.
    expect(channels).toEqual([INVOKE_CHANNEL]);
    expect(fs.readFileSync(path.join(ROOT, 'electron', 'main', 'main.ts'), 'utf8')).toContain('send(CHANGED_CHANNEL');
    expect(fs.readFileSync(path.join(ROOT, 'electron', 'main', 'ipc-host.ts'), 'utf8')).toContain('send(JOB_CHANNEL');
    expect(fs.readFileSync(path.join(ROOT, 'electron', 'main', 'main.ts'), 'utf8')).toContain('send(COMMAND_CHANNEL');
    expect([CHANGED_CHANNEL, JOB_CHANNEL, COMMAND_CHANNEL]).toEqual(['gainsay:changed', 'gainsay:job', 'gainsay:command']);
  });

  it('browser mode answers every API address the renderer fetches', async () => {
    const paths = all(/apiFetch\(\s*['`](api\/\w+)/g);
    expect(paths).toEqual(['api/downloads', 'api/events', 'api/invoke']);
    for (const address of paths) {
      if (address === 'api/downloads') {
        // Fetched once an export job has ended; exportOverHttp fails unless it answers 200.
        expect((await exportOverHttp(new URL(server.url).origin, server.token, 'json')).bytes.length).toBeGreaterThan(0);
        continue;
      }
      const controller = new AbortController();
      const reply = await fetch(new URL(`/${address}`, server.url), {
        method: address === 'api/invoke' ? 'POST' : 'GET',
        headers: { 'X-Gainsay-Token': server.token, 'Content-Type': 'application/json' },
        ...(address === 'api/invoke' ? { body: JSON.stringify({ method: 'project.info', input: {} }) } : {}),
        signal: controller.signal,
      });
      expect(reply.status, address).toBe(200);
      controller.abort(); // the change stream stays open
    }
  });
});
