import fs from 'node:fs';
import type { Page, Route } from '@playwright/test';
import { expect, highlightedTexts, pasteArticle, select, test } from './fixtures';

const TITLE = 'Harbour envoy rejects patrol report';
const ARTICLE = [
  TITLE,
  'KELD (Baltic Courier) — The harbour envoy said on Monday that no patrol boats had entered the bay 🚤 since the truce.',
  'A port spokeswoman told reporters that “two boats were seen near the breakwater at dawn”.',
].join('\n\n');
const QUOTE = '“two boats were seen near the breakwater at dawn”';

/** The text under every painted highlight (the painter's layers only). */
async function paintedText(page: Page): Promise<string[]> {
  return (await highlightedTexts(page, /^gs-(c\d|u)-d\d+$/)).map(({ text }) => text);
}

async function openArticle(page: Page) {
  await pasteArticle(page, ARTICLE);
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();
  await select(page, QUOTE);
  await expect(page.getByTestId('selection-status')).toContainText(`Selected ${Array.from(QUOTE).length} characters`);
  return page.getByRole('listbox', { name: 'Highlights and claims' }).getByRole('option');
}

test('a new highlight is listed and painted before the backend answers, and becomes the saved one when it does', async ({ page, app }) => {
  const items = await openArticle(page);
  // Hold the backend's answer to the create call, to see what the page shows meanwhile.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let caught!: (route: Route) => void;
  const holding = new Promise<Route>((resolve) => (caught = resolve));
  // Registered before H is pressed: a route still being set up would let the call through unheld.
  await page.route('**/api/invoke', async (route) => {
    if (route.request().postDataJSON()?.method !== 'highlights.create') return route.continue();
    caught(route);
    await held;
    await route.continue();
  });
  await page.keyboard.press('h');
  await holding;
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('two boats were seen');
  await expect.poll(() => paintedText(page)).toEqual([QUOTE]);
  // Not yet saved: it is not opened for editing.
  await expect(page.getByRole('region', { name: 'Selected highlight' })).toHaveCount(0);

  release();
  await expect(page.getByRole('region', { name: 'Selected highlight' })).toBeVisible();
  await expect(items.first()).toHaveAttribute('aria-selected', 'true');
  // The route now lets every call through, and stays: in one CI run page.unroute never returned
  // (the page's state showed every step before it done), as Playwright's unroute can (issue 38674).
  await page.reload();
  await expect(items).toHaveCount(1);
  await expect.poll(() => paintedText(page)).toEqual([QUOTE]);
  expect(app.problems).toEqual([]);
});

test('a highlight the backend refuses is taken back: unlisted, unpainted, the reason shown and the text selected again', async ({ page, app }) => {
  const items = await openArticle(page);
  fs.rmSync(app.projectFile);
  await page.keyboard.press('h');
  await expect(page.locator('.reading').getByRole('alert')).toHaveText(/^This change was not saved: “Ceasefire monitoring\.gainsay” was deleted or moved while open\./);
  await expect(items).toHaveCount(0);
  await expect.poll(() => paintedText(page)).toEqual([]);
  await expect(page.getByTestId('selection-status')).toContainText(`Selected ${Array.from(QUOTE).length} characters`);
  expect(await page.evaluate(() => document.getSelection()!.toString())).toBe(QUOTE);
  expect(app.problems).toEqual([]);
});
