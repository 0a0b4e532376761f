import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Backend } from '../../../electron/backend/backend';
import { startServer } from '../../../electron/server/server';
import { percentile, sample, sampleAsync, type BenchRow } from '../harness';
import { tempDir } from '../../helpers/temp';

const ACTORS = 10_000;

/** The foundation: opening a project, one backend call in-process and over browser mode's HTTP. */
export async function foundationBench(): Promise<BenchRow[]> {
  const temp = tempDir();
  try {
    const file = path.join(temp.dir, 'bench.gainsay');
    let backend = Backend.open(file);
    const creates = await sampleAsync(ACTORS, async (i) => {
      const result = await backend.invoke('actors.create', { name: `Actor ${i} Łukasiewicz`, kind: 'person' });
      if (!result.ok) throw new Error(result.error.message);
    }, 0);
    backend.close();

    const opens = sample(20, () => Backend.open(file).close());
    // The physical limit of opening: better-sqlite3 opening the same file and reading its version.
    const bareOpens = sample(20, () => {
      const db = new Database(file);
      db.pragma('user_version', { simple: true });
      db.close();
    });
    backend = Backend.open(file);
    const infos = await sampleAsync(200, async () => {
      await backend.invoke('project.info', {});
    });

    // The physical limit of a write: one bare INSERT in a transaction of its own, on another file.
    const bare = new Database(path.join(temp.dir, 'bare.sqlite'));
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = NORMAL');
    bare.exec('CREATE TABLE actors (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL) STRICT');
    const insert = bare.prepare('INSERT INTO actors VALUES (?, ?, ?)');
    const bareCreates = sample(2000, (i) => void bare.transaction(() => insert.run(`id-${i}`, `Actor ${i}`, 'person'))(), 0);
    bare.close();

    const server = await startServer({ backend, staticDir: temp.dir });
    const http = await sampleAsync(200, async () => {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/invoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Gainsay-Token': server.token },
        body: JSON.stringify({ method: 'project.info', input: {} }),
      });
      await response.json();
    });
    await server.close();
    backend.close();
    const empty = await emptyHttpRoundTrips();

    return [
      {
        name: `open a project (${ACTORS.toLocaleString()} actors), p95`,
        figure: percentile(opens, 95),
        unit: 'ms',
        target: 100,
        better: 'lower',
        baseline: { figure: percentile(bareOpens, 95), name: 'bare open + user_version + close' },
        // Set from a measured run (846×) with room for a machine twice as slow in either part.
        ratioTarget: 2000,
        note: 'schema check, migrations check, lock, search keys',
      },
      {
        name: 'actors.create through dispatch, p95',
        figure: percentile(creates, 95),
        unit: 'ms',
        target: 16,
        better: 'lower',
        baseline: { figure: percentile(bareCreates, 95), name: 'bare INSERT in its own transaction' },
        // Set from a measured run (260×), with room.
        ratioTarget: 500,
        note: `${ACTORS.toLocaleString()} creates, with duplicate check and undo log`,
      },
      { name: 'project.info in-process, p95', figure: percentile(infos, 95), unit: 'ms', target: 5, better: 'lower' },
      {
        name: 'project.info over browser-mode HTTP, p95',
        figure: percentile(http, 95),
        unit: 'ms',
        target: 10,
        better: 'lower',
        baseline: { figure: percentile(empty, 95), name: 'POST to a bare node:http server answering {}' },
        ratioTarget: 10,
      },
    ];
  } finally {
    temp.remove();
  }
}

/** The transport's physical limit: the same POST to a bare node:http server that answers {} at once. */
async function emptyHttpRoundTrips(): Promise<number[]> {
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await sampleAsync(200, async () => {
      const response = await fetch(`http://127.0.0.1:${port}/api/invoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ method: 'project.info', input: {} }),
      });
      await response.json();
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
