import path from 'node:path';
import { Backend } from '../../electron/backend/backend';
import { tempDir } from './temp';

/** A real project file in a fresh temp folder, opened through the real backend. */
export function tempBackend(): { backend: Backend; file: string; dir: string; dispose: () => void } {
  const temp = tempDir();
  const file = path.join(temp.dir, 'test.gainsay');
  // The analyst's preferences too, so a name set on this machine never reaches a test.
  const backend = Backend.open(file, { preferencesFile: path.join(temp.dir, 'preferences.json') });
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
