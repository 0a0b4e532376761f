import path from 'node:path';
import { SUGGEST_WORKER_FILE } from '../backend/features/suggestions/extractor-thread';
import { openProject } from './open-project';
import { startServer, type RunningServer } from '../server/server';

/** The built renderer, next to the bundled Node entry points in dist/. */
export const RENDERER_DIR = path.resolve(__dirname, '..', 'renderer');

/** Opens the project and serves browser mode until the process is stopped. */
export async function serveBrowserMode(projectFile: string, port: number | undefined): Promise<RunningServer> {
  // A long-lived host: imported articles are suggested in the background.
  const backend = openProject(projectFile, { suggestWorker: path.join(__dirname, SUGGEST_WORKER_FILE) });
  let server: RunningServer;
  try {
    server = await startServer({ backend, staticDir: RENDERER_DIR, port });
  } catch (error) {
    backend.close();
    throw error;
  }
  const stop = () => {
    void server.close().finally(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`Gainsay is serving ${backend.project.path}`);
  console.log(`Open ${server.url}`);
  return server;
}

export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, not “${value}”.`);
  }
  return port;
}
