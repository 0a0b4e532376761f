import type { Page } from '@playwright/test';
import { expect, highlightedTexts, pasteArticle, select, test } from './fixtures';

const ARTICLE = [
  'Depot fire in Varnitsa',
  'The spokesman said the army did not fire on the depot.',
  'The governor said an inquiry would open on Monday.',
].join('\n\n');

/** The texts painted as highlights (their colour and depth layers, not the active or flashed one), sorted. */
async function painted(page: Page): Promise<string[]> {
  return (await highlightedTexts(page, /^gs-(c\d+|u)-d\d+$/)).map((h) => h.text).sort();
}

/** Selects `text` and waits until the page has taken the selection, so the next key acts on it. */
async function selectText(page: Page, text: string): Promise<void> {
  await select(page, text);
  await expect(page.getByTestId('selection-status')).toContainText(`Selected ${Array.from(text).length} characters`);
}

test('a highlight added in this visit and then undone, or deleted, leaves the list and the text at once, and comes back with redo', async ({ page, app: _app }) => {
  await pasteArticle(page, ARTICLE);
  await page.getByRole('link', { name: 'Depot fire in Varnitsa' }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();
  const panel = page.getByRole('complementary', { name: /Claims/ });
  const items = panel.getByRole('listbox', { name: 'Highlights and claims' }).getByRole('option');

  // H, then undo: the analyst's quickest correction.
  await selectText(page, 'the army did not fire');
  await page.keyboard.press('h');
  await expect(items).toHaveCount(1);
  await expect.poll(() => painted(page)).toEqual(['the army did not fire']);
  await page.getByRole('heading', { level: 2, name: /Depot fire/ }).focus();
  await page.keyboard.press('Control+z');
  await expect(items).toHaveCount(0);
  await expect.poll(() => painted(page)).toEqual([]);

  // Redo brings it back, from the project.
  await page.keyboard.press('Control+Shift+z');
  await expect(items).toHaveCount(1);
  await expect.poll(() => painted(page)).toEqual(['the army did not fire']);

  // C opens the claim editor on a new highlight; deleting it there takes it out too.
  await selectText(page, 'an inquiry would open');
  await page.keyboard.press('c');
  await expect(items).toHaveCount(2);
  await panel.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(items).toHaveCount(1);
  await expect.poll(() => painted(page)).toEqual(['the army did not fire']);
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('0 of 1');
});
