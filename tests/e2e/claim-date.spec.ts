import { expect, pasteArticle, select, test } from './fixtures';

test('a claim date the calendar does not have gets the editor’s own message, and nothing is saved', async ({ page, app: _app }) => {
  await pasteArticle(page, 'Depot fire\n\nSpokesman Aurel Cojocaru said the army did not fire.');
  await page.getByRole('link', { name: 'Depot fire' }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();
  await select(page, 'the army did not fire');
  await expect(page.getByTestId('selection-status')).toContainText('Selected 21 characters');
  await page.keyboard.press('c');
  const form = page.getByRole('form', { name: 'Tag as claim' });
  await form.getByRole('combobox', { name: 'Claimed by' }).fill('Aurel Cojocaru');
  await form.getByRole('textbox', { name: /Date the claim/ }).fill('2026-02-30');
  await form.getByRole('button', { name: 'Save as claim' }).click();
  await expect(form.getByRole('alert')).toHaveText('Write the date the claim was made as YYYY-MM-DD, e.g. 2025-05-14, or leave it empty.');
  await expect(page.getByTestId('count-claims')).toHaveText('0');
});
