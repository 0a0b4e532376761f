import fs from 'node:fs';
import Database from 'better-sqlite3';
import { expect, screenshot, test } from './fixtures';

async function paste(page: import('@playwright/test').Page, text: string) {
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste an article' });
  await dialog.getByLabel('Article text').fill(text);
  await dialog.getByRole('button', { name: 'Add article' }).click();
  return dialog;
}

test('when the project file is deleted while open, a change is refused and Save a copy… keeps everything before it', async ({ page, app }, testInfo) => {
  await paste(page, 'Envoy: three countries will send observers\n\nThe envoy said on Friday that the mission would stay unarmed.');
  await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText('1 imported, 0 skipped as duplicates, 0 refused.');

  fs.rmSync(app.projectFile);
  const dialog = await paste(page, 'Kremlin denies any agreement\n\nTass cited the spokesman as saying there was no agreement.');
  await expect(dialog.getByRole('alert')).toHaveText(/^This change was not saved: “Ceasefire monitoring\.gainsay” was deleted or moved while open\./);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const banner = page.getByRole('alert').filter({ hasText: 'This change was not saved' });
  await expect(banner).toBeVisible();
  await screenshot(page, 'file-gone');
  await banner.getByRole('button', { name: 'Save a copy…' }).click();
  const exporting = page.getByRole('dialog', { name: 'Export the project' });
  await expect(exporting.getByRole('radio', { name: /Project file copy/ })).toBeChecked();
  const download = page.waitForEvent('download');
  await exporting.getByRole('button', { name: 'Export', exact: true }).click();
  const saved = testInfo.outputPath('saved copy.gainsay');
  await (await download).saveAs(saved);

  const db = new Database(saved, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT title FROM articles').pluck().all()).toEqual(['Envoy: three countries will send observers']);
  } finally {
    db.close();
  }
  expect(app.problems).toEqual([]);
});
