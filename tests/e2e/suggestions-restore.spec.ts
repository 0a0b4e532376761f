import fs from 'node:fs';
import path from 'node:path';
import { expect, invoke, test } from './fixtures';

const FILE = path.join(import.meta.dirname, '..', 'fixtures', 'attribution', 'text', 'prisoner-talks.txt');

test('a rejected suggestion is shown under Rejected and restored by keyboard; Undo rejects it again', async ({ page, app }) => {
  await page.getByLabel('Choose files to import').setInputFiles([{ name: 'prisoner-talks.txt', mimeType: 'text/plain', buffer: fs.readFileSync(FILE) }]);
  // Every article suggested before the list is read.
  await expect.poll(() => invoke(page, 'suggestions.progress', {}), { timeout: 30_000 }).toMatchObject({ done: 1, total: 1 });
  await page.getByRole('link', { name: 'Suggestions', exact: true }).click();
  const total = page.getByTestId('suggestions-total');
  await expect(total).toHaveText(/^[1-9]\d* suggested claims$/);
  const all = Number((await total.textContent())!.replace(/\D/g, ''));
  const list = page.getByRole('listbox', { name: 'Suggested claims' });
  const quote = (await list.getByRole('option').first().locator('.claim-quote').textContent())!;

  await list.focus();
  await page.keyboard.press('x');
  await expect(total).toHaveText(`${all - 1} suggested claims`);
  await expect(list).not.toContainText(quote);

  const rejected = page.getByRole('checkbox', { name: 'Rejected' });
  await rejected.check();
  await expect(total).toHaveText('1 rejected suggestion');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list).toContainText(quote);
  await list.focus();
  await page.keyboard.press('r');
  await expect(total).toHaveText('0 rejected suggestions');
  await expect(page.getByText('No rejected suggestions.')).toBeVisible();
  await rejected.uncheck();
  await expect(total).toHaveText(`${all} suggested claims`);
  await expect(list).toContainText(quote);

  // Restoring is one step of the app's undo: undone, the suggestion is rejected again.
  const undo = page.getByRole('group', { name: 'Undo and redo' });
  await undo.getByRole('button', { name: /^Undo Restore a rejected suggestion/ }).click();
  await expect(total).toHaveText(`${all - 1} suggested claims`);
  await undo.getByRole('button', { name: /^Undo Reject a suggested claim/ }).click();
  await expect(total).toHaveText(`${all} suggested claims`);
  expect(app.problems).toEqual([]);
});
