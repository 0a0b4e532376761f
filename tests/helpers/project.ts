import path from 'node:path';
import { Backend } from '../../electron/backend/backend';
import { SUGGEST_WORKER_FILE } from '../../electron/backend/features/suggestions/extractor-thread';
import type { ProjectOptions } from '../../electron/backend/project';
import { ROOT } from './cli';
import { tempDir } from './temp';

/** Background suggesting's worker as `npm run build` bundles it (like the CLI, tests run the built one). */
export const BUILT_SUGGEST_WORKER = path.join(ROOT, 'dist', 'node', SUGGEST_WORKER_FILE);

/** A real project file in a fresh temp folder, opened through the real backend. */
export function tempBackend(options: ProjectOptions = {}): { backend: Backend; file: string; dir: string; dispose: () => void } {
  const temp = tempDir();
  const file = path.join(temp.dir, 'test.gainsay');
  // The analyst's preferences too, so a name set on this machine never reaches a test.
  const backend = Backend.open(file, { preferencesFile: path.join(temp.dir, 'preferences.json'), ...options });
  return {
    backend,
    file,
    dir: temp.dir,
    dispose: () => {
      backend.close();
      temp.remove();
    },
  };
}

/** Invokes a method and returns its value, failing the test with the backend's message otherwise. */
export async function call(backend: Backend, method: string, input: unknown): Promise<any> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}
