import { expect, pasteArticle, screenshot, test } from './fixtures';

test('the Suggestions view’s filters fit a laptop window with a long article title: no sideways scrolling, a checkbox the size of one', async ({ page, app: _app }) => {
  await pasteArticle(page, 'Grain depot strike: army admits “possible error” after two days of denials\n\nSpokesman Aurel Cojocaru said the army did not fire.');
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Suggestions' }).click();
    const accept = page.getByRole('button', { name: /Accept all shown/ });
    await expect(accept).toBeVisible();
    const [client, scroll] = await page.evaluate(() => [document.documentElement.clientWidth, document.documentElement.scrollWidth]);
    expect(scroll, `the page at ${width}px`).toBeLessThanOrEqual(client);
    const button = (await accept.boundingBox())!;
    expect(button.x + button.width).toBeLessThanOrEqual(client);
    const checkbox = (await page.getByRole('checkbox', { name: 'Rejected' }).boundingBox())!;
    expect(checkbox.width).toBeLessThan(40);
  }
  await screenshot(page, 'suggestions-filters');
});
