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

  // Menus are driven through Electron's own Menu API and the native dialogs answered in the main
  // process, as a user's clicks would end.
  test('File menu: New, Open, Import and Export through the native dialogs', async () => {
    const temp = tempDir('gainsay-electron-');
    const first = path.join(temp.dir, 'First.gainsay');
    const second = path.join(temp.dir, 'Second.gainsay');
    const article = path.join(temp.dir, 'wire.txt');
    fs.writeFileSync(article, 'Troops will join, minister says\n\nVELMORA (Northern Wire) — Foreign Minister İlham Qadirov said foreign troops would join the mission.');
    const app = await electron.launch({ executablePath: runtime!, args: [ROOT, '--project', first] });
    const answer = (kind: 'save' | 'open', value: string) =>
      app.evaluate(({ dialog }, { kind, value }) => {
        if (kind === 'save') dialog.showSaveDialog = (async () => ({ canceled: false, filePath: value })) as typeof dialog.showSaveDialog;
        else dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [value] })) as typeof dialog.showOpenDialog;
        dialog.showMessageBox = (async () => ({ response: 0, checkboxChecked: false })) as typeof dialog.showMessageBox;
      }, { kind, value });
    const click = (id: string) => app.evaluate(({ Menu }, id) => Menu.getApplicationMenu()!.getMenuItemById(id)!.click(), id);
    try {
      let window = await app.firstWindow();
      await expect(window.getByTestId('project-path')).toHaveText(first);
      await answer('open', article);
      await click('import-files');
      // The menu starts the same import job as the window's button: the window shows its outcome.
      const jobs = window.getByRole('region', { name: 'Jobs' });
      await expect(jobs).toContainText('1 imported, 0 skipped as duplicates, 0 refused.');
      await expect(window.getByTestId('count-articles')).toHaveText('1');
      await answer('save', path.join(temp.dir, 'first.json'));
      await click('export-json');
      await expect(jobs).toContainText(`Saved to ${path.join(temp.dir, 'first.json')}.`);
      await expect.poll(() => fs.existsSync(path.join(temp.dir, 'first.json'))).toBe(true);
      await answer('save', second);
      await click('new-project');
      window = await app.firstWindow();
      await expect(window.getByTestId('project-path')).toHaveText(second);
      expect(await window.title()).toBe('Second — Gainsay');
      await expect(window.getByTestId('count-articles')).toHaveText('0');
      await answer('open', first);
      await click('open-project');
      await expect(window.getByTestId('project-path')).toHaveText(first);
      await expect(window.getByTestId('count-articles')).toHaveText('1');
    } finally {
      await app.close();
      temp.remove();
    }
  });
});
