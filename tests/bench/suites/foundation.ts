import path from 'node:path';
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
    backend = Backend.open(file);
    const infos = await sampleAsync(200, async () => {
      await backend.invoke('project.info', {});
    });

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

    return [
      { name: `open a project (${ACTORS.toLocaleString()} actors), p95`, figure: percentile(opens, 95), unit: 'ms', target: 100, better: 'lower' },
      { name: 'actors.create through dispatch, p95', figure: percentile(creates, 95), unit: 'ms', target: 16, better: 'lower', note: `${ACTORS.toLocaleString()} creates, with duplicate check` },
      { name: 'project.info in-process, p95', figure: percentile(infos, 95), unit: 'ms', target: 5, better: 'lower' },
      { name: 'project.info over browser-mode HTTP, p95', figure: percentile(http, 95), unit: 'ms', target: 10, better: 'lower' },
    ];
  } finally {
    temp.remove();
  }
}
