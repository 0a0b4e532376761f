import fs from 'node:fs';
import path from 'node:path';
import { expect, invoke, test } from './fixtures';

const TEXTS = path.join(import.meta.dirname, '..', 'fixtures', 'attribution', 'text');
const FILES = ['ceasefire-monitors.txt', 'prisoner-talks.txt'].map((name) => ({ name, mimeType: 'text/plain', buffer: fs.readFileSync(path.join(TEXTS, name)) }));

test('the project-wide list accepts every suggestion its filters show, across articles, after confirming the count and the new actors it names, as one undoable step', async ({ page, app }) => {
  await page.getByLabel('Choose files to import').setInputFiles(FILES);
  // Every article suggested before the list is read.
  await expect.poll(() => invoke(page, 'suggestions.progress', {}), { timeout: 30_000 }).toMatchObject({ done: 2, total: 2 });
  await page.getByRole('link', { name: 'Suggestions', exact: true }).click();
  const total = page.getByTestId('suggestions-total');
  await expect(total).toHaveText(/^[1-9]\d* suggested claims$/);
  const all = Number((await total.textContent())!.replace(/\D/g, ''));

  await page.getByLabel('Lowest confidence shown, in percent').fill('50');
  await expect(total).not.toHaveText(`${all} suggested claims`);
  const shown = Number((await total.textContent())!.replace(/\D/g, ''));
  expect(shown).toBeGreaterThan(1);
  // Shown from both articles.
  const titles = await page.getByRole('listbox', { name: 'Suggested claims' }).getByRole('option').locator('.claim-who').allTextContents();
  expect(titles.some((t) => t.includes('Monitors report shelling'))).toBe(true);
  expect(titles.some((t) => !t.includes('Monitors report shelling'))).toBe(true);

  // Cancel changes nothing.
  await page.getByRole('button', { name: 'Accept all shown…' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Accept ${shown} suggested claims?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(total).toHaveText(`${shown} suggested claims`);

  // The confirmation names every actor it will create (the project has none yet), and those are the ones made.
  await page.getByRole('button', { name: 'Accept all shown…' }).click();
  await expect(dialog.getByRole('list', { name: 'New actors' }).getByRole('listitem').first()).toBeVisible();
  const named = (await dialog.getByRole('list', { name: 'New actors' }).getByRole('listitem').allTextContents()).sort();
  expect(named.length).toBeGreaterThan(0);
  await expect(dialog).toContainText(named.length === 1 ? 'It creates one new actor:' : `It creates ${named.length} new actors:`);
  await dialog.getByRole('button', { name: `Accept ${shown}` }).click();
  await expect(page.getByText('No suggested claims match these filters.', { exact: false })).toBeVisible();
  await expect(page.getByTestId('count-claims')).toHaveText(String(shown));
  expect((await invoke<Array<{ name: string }>>(page, 'actors.list', {})).map((a) => a.name).sort()).toEqual(named);

  // One step: one undo brings them all back as suggestions.
  const undo = page.getByRole('group', { name: 'Undo and redo' });
  await undo.getByRole('button', { name: `Undo Accept ${shown} suggested claims` }).click();
  await expect(total).toHaveText(`${shown} suggested claims`);
  await expect(page.getByTestId('count-claims')).toHaveText('0');
  expect(app.problems).toEqual([]);
});
