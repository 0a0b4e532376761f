import fs from 'node:fs';
import path from 'node:path';
import { expect, invoke, pasteArticle, screenshot, test } from './fixtures';

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

test('a Markdown article’s `# ` heading is its one headline: the title is not drawn again above it', async ({ page, app: _app }) => {
  const markdown = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'articles', 'meridian-daily.md'));
  await invoke(page, 'articles.importFile', { name: 'meridian-daily.md', dataBase64: markdown.toString('base64') });
  await page.reload();
  const title = 'Observers from three countries to join mission, envoy says';
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();
  await expect(page.locator('.article-text .article-headline')).toHaveText([`# ${title}`]);
  // The heading stays for screen readers (the page's h2) but is not shown a second time.
  await expect(page.getByRole('heading', { level: 2, name: title })).toHaveClass(/visually-hidden/);
  await screenshot(page, 'markdown-headline');
});
