import { expect, pasteArticle, test } from './fixtures';

test('when Edit details names another line of the text as the title, that line alone is drawn as the headline', async ({ page, app: _app }) => {
  await pasteArticle(page, 'Varnitsa bureau report\nMinistry denies shelling\n\nThe Defence Ministry denied it on Tuesday.');
  await page.getByRole('link', { name: 'Varnitsa bureau report' }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();
  const headlines = page.locator('.article-text .article-headline');
  await expect(headlines).toHaveText(['Varnitsa bureau report']);

  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Article details' });
  await form.getByRole('textbox', { name: 'Title' }).fill('Ministry denies shelling');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ministry denies shelling' })).toBeAttached();
  await expect(headlines).toHaveText(['Ministry denies shelling']);
});
