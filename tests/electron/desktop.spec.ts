import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { ROOT } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/** Electron end-to-end tests need a real Electron runtime, which our own machines cannot download. */
function electronRuntime(): string | null {
  const dir = path.join(ROOT, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const executable = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(executable) ? executable : null;
}

const runtime = electronRuntime();
const NO_RUNTIME = 'no Electron runtime is installed on this machine (node_modules/electron has no binary)';
if (!runtime) console.log(`Skipping the desktop tests: ${NO_RUNTIME}.`);

test.describe('desktop app', () => {
  test.skip(!runtime, NO_RUNTIME);

  test('opens a project in a sandboxed window and creates an actor', async () => {
    const temp = tempDir('gainsay-electron-');
    const projectFile = path.join(temp.dir, 'Desktop.gainsay');
    const app = await electron.launch({ executablePath: runtime!, args: [ROOT, '--project', projectFile] });
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('project-path')).toHaveText(projectFile);
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      const form = window.getByRole('form', { name: 'New actor' });
      await form.getByLabel('Name').fill('Agence Véritas');
      await form.getByRole('button', { name: 'Add actor' }).click();
      await expect(window.getByTestId('count-actors')).toHaveText('1');
    } finally {
      await app.close();
      temp.remove();
    }
  });
});
