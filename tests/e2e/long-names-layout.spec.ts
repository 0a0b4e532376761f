import type { Page } from '@playwright/test';
import { expect, invoke, pasteArticle, test } from './fixtures';

/** As long as a name or an outlet may be, without a space. */
const LONG = 'Nord'.repeat(75);

async function pageFitsWindow(page: Page, view: string): Promise<void> {
  const [client, scroll] = await page.evaluate(() => [document.documentElement.clientWidth, document.documentElement.scrollWidth]);
  expect(scroll, `the ${view} at ${client}px`).toBeLessThanOrEqual(client);
}

/** Headings and buttons whose words are broken over lines (a word drawn in more than one line box). */
async function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.flatMap((e) => {
      const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
      const broken: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of node.nodeValue!.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index!);
          range.setEnd(node, word.index! + word[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) broken.push(word[0]);
        }
      }
      return broken;
    }),
  );
}

test('an outlet or an actor name as long as the app takes, without a space, does not widen the Library or the Actors view', async ({ page, app: _app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await pasteArticle(page, 'Depot fire\n\nThe spokesman said the army did not fire.');
  const [article] = await invoke<Array<{ id: string }>>(page, 'articles.list', {});
  await invoke(page, 'articles.update', { id: article!.id, meta: { title: 'Depot fire', outlet: LONG, author: '', publishedAt: null, url: '', language: '' } });
  await invoke(page, 'actors.create', { name: LONG, kind: 'outlet' });
  await invoke(page, 'actors.create', { name: 'Organisation for Security and Co-operation in Europe', kind: 'organisation', role: 'monitoring mission' });
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Outlet' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Outlet' }).getByRole('option', { name: LONG })).toBeAttached();
  await pageFitsWindow(page, 'Library');
  expect(await brokenWords(page, 'table th, table button, table td:first-child, table td:not(.name-cell)'), 'headings, buttons, titles and other cells of the Library').toEqual([]);
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Actors' }).click();
  await expect(page.getByRole('table', { name: 'Actors' })).toContainText(LONG);
  await pageFitsWindow(page, 'Actors view');
  expect(await brokenWords(page, 'table th, table button, table td:not(.name-cell)'), 'headings, buttons and other cells of the Actors view').toEqual([]);
});

/**
 * Elements that draw outside their row: wider than the row, or with content wider than themselves
 * that they do not clip (a name cut short with an ellipsis is clipped).
 */
async function overflowing(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((e) => {
        const row = e.closest('[role="option"], li')!.getBoundingClientRect();
        const box = e.getBoundingClientRect();
        const unclipped = getComputedStyle(e).overflowX === 'visible' && e.scrollWidth > e.clientWidth + 1;
        return unclipped || box.left < row.left - 1 || box.right > row.right + 1;
      })
      .map((e) => `${e.className}: ${e.scrollWidth} px of content in ${e.clientWidth}`),
  );
}

test('an actor name and a tag as long as the app takes, without a space, stay inside their row in the Claims list and the Review', async ({ page, app: _app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const text = 'Depot fire\n\nThe spokesman said “the army did not fire on the depot” and the governor said “the army fired first”.';
  await pasteArticle(page, text);
  const [article] = await invoke<Array<{ id: string }>>(page, 'articles.list', {});
  const claim = async (quote: string, actor: string, tag: string) => {
    const start = Array.from(text.slice(0, text.indexOf(quote))).length;
    const highlight = await invoke(page, 'highlights.create', { articleId: article!.id, start, end: start + Array.from(quote).length, quote });
    return (await invoke(page, 'claims.set', { highlightId: highlight.id, actor: { name: actor, kind: 'person' }, tags: [tag] })).claim.id as string;
  };
  const [a, b] = [await claim('“the army did not fire on the depot”', LONG, LONG.slice(0, 100)), await claim('“the army fired first”', 'Regional governor', 'depot')].sort();
  await invoke(page, 'links.create', { claimA: a, claimB: b, kind: 'contradicts', rationaleJson: '', rationaleText: '' });
  await page.reload();

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Claims' }).click();
  await expect(page.getByRole('listbox', { name: 'Claims', exact: true }).getByRole('option')).toHaveCount(2);
  await pageFitsWindow(page, 'Claims list');
  expect(await overflowing(page, '.claim-who, .tag')).toEqual([]);

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Review' }).click();
  await expect(page.getByRole('listbox', { name: 'Contradictions' }).getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /1 link, 1 open/ })).toBeVisible();
  await pageFitsWindow(page, 'Review');
  expect(await overflowing(page, '.review-pair, .claim-who, .pair-names, .tag')).toEqual([]);
});
