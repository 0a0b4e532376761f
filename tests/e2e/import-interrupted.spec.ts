import fs from 'node:fs';
import path from 'node:path';
import type { Route } from '@playwright/test';
import { MAX_IMPORT_BYTES } from '../../shared/domain';
import { tempDir } from '../helpers/temp';
import { expect, test } from './fixtures';

/** Holds the page's calls of one method until released (a slow import, made so on purpose). */
async function holdCalls(page: import('@playwright/test').Page, method: string, pass: number) {
  const held: Route[] = [];
  let passed = 0;
  await page.route('**/api/invoke', async (route) => {
    if ((route.request().postData() ?? '').includes(`"method":"${method}"`) && passed++ >= pass) held.push(route);
    else await route.continue();
  });
  return {
    release: async () => Promise.all(held.splice(0).map((route) => route.continue())),
    /** The page that sent them is gone: they never reach Gainsay. */
    drop: async () => Promise.all(held.splice(0).map((route) => route.abort().catch(() => undefined))),
  };
}

test.describe('importing as a new analyst meets it', () => {
  let files: ReturnType<typeof tempDir>;
  let names: string[];
  test.beforeEach(() => {
    files = tempDir('gainsay-e2e-batch-');
    names = ['agency-1.txt', 'agency-2.txt', 'agency-3.txt', 'agency-4.txt'];
    names.forEach((name, i) => fs.writeFileSync(path.join(files.dir, name), `Wire report ${i + 1}\n\nThe spokesman said in report ${i + 1} that no troops would come.\n`));
  });
  test.afterEach(() => files.remove());

  test('a reload mid-import asks first, and afterwards the page says what was and was not imported', async ({ page, app }) => {
    const slow = await holdCalls(page, 'articles.importFile', 1);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import files…' }).click();
    await (await chooser).setFiles(names.map((name) => path.join(files.dir, name)));
    await expect(page.getByText('Importing 2 of 4 — agency-2.txt')).toBeVisible();
    // Leaving is asked about while the import runs.
    const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => void dialog.accept().then(() => resolve(dialog.type()))));
    await Promise.all([page.reload(), asked.then((type) => expect(type).toBe('beforeunload'))]);
    await slow.drop();
    const panel = page.getByRole('region', { name: 'Import' });
    await expect(panel.getByRole('status')).toHaveText('Import interrupted when the page was reloaded: 1 imported, 0 skipped as duplicates, 0 refused.');
    await expect(panel.getByRole('list', { name: 'Not imported' }).getByRole('listitem')).toHaveText(['agency-2.txt', 'agency-3.txt', 'agency-4.txt']);
    await panel.getByRole('button', { name: 'Dismiss' }).click();
    await page.reload();
    await expect(page.getByRole('region', { name: 'Import' })).toHaveCount(0);
    expect(app.problems).toEqual([]);
  });

  test('Cancel import stops before the next file and lists the files not imported', async ({ page, app }) => {
    const slow = await holdCalls(page, 'articles.importFile', 1);
    await page.getByLabel('Choose files to import').setInputFiles(names.map((name) => path.join(files.dir, name)));
    await expect(page.getByText('Importing 2 of 4 — agency-2.txt')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await slow.release();
    const panel = page.getByRole('region', { name: 'Import' });
    await expect(panel.getByRole('status')).toHaveText('Import cancelled: 2 imported, 0 skipped as duplicates, 0 refused.');
    await expect(panel.getByRole('list', { name: 'Not imported' }).getByRole('listitem')).toHaveText(['agency-3.txt', 'agency-4.txt']);
    expect(app.problems).toEqual([]);
  });

  test('a paste over the limit is refused at once in plain words; a large paste shows that it is working', async ({ page, app }) => {
    await page.getByRole('button', { name: 'Paste text…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste an article' });
    const text = dialog.getByLabel('Article text');
    // A paste, as the browser delivers one from the clipboard.
    const paste = (size: number) =>
      text.evaluate((area, size) => {
        const clipboardData = new DataTransfer();
        clipboardData.setData('text/plain', 'Subscribe to our newsletters. '.repeat(Math.ceil(size / 30)));
        area.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
      }, size);
    const started = Date.now();
    await paste(MAX_IMPORT_BYTES + 100_000);
    await expect(dialog.getByRole('alert')).toHaveText('The pasted text is 25.1 MB; Gainsay takes up to 25.0 MB in one article. Paste it in parts, one article each.');
    await expect(dialog.getByRole('group', { name: 'Pasted text' })).toContainText('Pasted 25.1 MB of text, kept out of the box so that the window stays quick. It begins: “Subscribe to our newsletters.');
    await expect(dialog.getByRole('button', { name: 'Add article' })).toBeDisabled();
    expect(Date.now() - started, 'the window answers at once, not after laying out megabytes').toBeLessThan(15_000);
    await dialog.getByRole('button', { name: 'Clear the pasted text' }).click();
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    const slow = await holdCalls(page, 'articles.paste', 0);
    await text.fill('Minister denies troop deal\n\nThe minister denied on Monday that any foreign troops would join.');
    await dialog.getByRole('button', { name: 'Add article' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Adding the article: removing site chrome and indexing its text…');
    await expect(dialog.getByRole('button', { name: 'Adding…' })).toBeDisabled();
    await slow.release();
    await expect(page.getByRole('link', { name: 'Minister denies troop deal' })).toBeVisible();
    expect(app.problems).toEqual([]);
  });
});
