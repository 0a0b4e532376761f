import type { Page } from '@playwright/test';
import { expect, invoke, pasteArticle, test } from './fixtures';

/** As long as a name or an outlet may be, without a space. */
const LONG = 'Nord'.repeat(75);

async function pageFitsWindow(page: Page, view: string): Promise<void> {
  const [client, scroll] = await page.evaluate(() => [document.documentElement.clientWidth, document.documentElement.scrollWidth]);
  expect(scroll, `the ${view} at ${client}px`).toBeLessThanOrEqual(client);
}

test('an outlet or an actor name as long as the app takes, without a space, does not widen the Library or the Actors view', async ({ page, app: _app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await pasteArticle(page, 'Depot fire\n\nThe spokesman said the army did not fire.');
  const [article] = await invoke<Array<{ id: string }>>(page, 'articles.list', {});
  await invoke(page, 'articles.update', { id: article!.id, meta: { title: 'Depot fire', outlet: LONG, author: '', publishedAt: null, url: '', language: '' } });
  await invoke(page, 'actors.create', { name: LONG, kind: 'outlet' });
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Outlet' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Outlet' }).getByRole('option', { name: LONG })).toBeAttached();
  await pageFitsWindow(page, 'Library');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Actors' }).click();
  await expect(page.getByRole('table', { name: 'Actors' })).toContainText(LONG);
  await pageFitsWindow(page, 'Actors view');
});
