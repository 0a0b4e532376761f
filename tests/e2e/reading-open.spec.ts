import type { Page } from '@playwright/test';
import { expect, highlightedTexts, invoke, pasteArticle, recordClaim, test } from './fixtures';

const TITLE = 'Ferry operator denies timetable cuts';
const QUOTE = '“no crossing will be dropped this winter”';
const ARTICLE = [
  TITLE,
  'LOWMERE (Island Gazette) — The ferry operator’s director said on Friday that “no crossing will be dropped this winter”.',
  'A councillor for the islands replied that two evening sailings had already gone from the published timetable.',
].join('\n\n');

/** The backend methods the page calls from now on, in order. */
function methodsCalled(page: Page): string[] {
  const methods: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/invoke')) methods.push(request.postDataJSON().method);
  });
  return methods;
}

const OPENING_READS = ['articles.open', 'articles.get', 'highlights.list', 'links.forArticle'];

test('an article opens with one read, asked for as the address changes, and shows its text, claims and paint', async ({ page, app }) => {
  await pasteArticle(page, ARTICLE);
  await recordClaim(page, TITLE, QUOTE, 'Ferry director');
  const articleId = new URL(page.url()).hash.split('/')[2]!;
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Library' }).click();

  const methods = methodsCalled(page);
  await page.getByRole('link', { name: TITLE }).click();
  const items = page.getByRole('listbox', { name: 'Highlights and claims' }).getByRole('option');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Ferry director');
  await expect.poll(async () => (await highlightedTexts(page, /^gs-c\d+-d\d+$/)).map(({ text }) => text)).toEqual([QUOTE]);
  expect(methods.filter((m) => OPENING_READS.includes(m))).toEqual(['articles.open']);

  // Another highlight of the article shown: the view stays, and nothing is read again for it.
  const [claim] = await invoke(page, 'highlights.list', { articleId });
  methods.length = 0;
  await page.evaluate(([article, highlight]) => (window.location.hash = `#/article/${article}/${highlight}`), [articleId, claim.id]);
  await expect(items.first()).toHaveAttribute('aria-selected', 'true');
  expect(methods.filter((m) => OPENING_READS.includes(m))).toEqual([]);

  // Loaded at the article's address (no address change to ask ahead on): the view asks itself.
  methods.length = 0;
  await page.reload();
  await expect(items).toHaveCount(1);
  expect(methods.filter((m) => OPENING_READS.includes(m))).toEqual(['articles.open']);
  expect(app.problems).toEqual([]);
});

test('an opening answered with the article as it was before a change is followed by the change', async ({ page, app }) => {
  await pasteArticle(page, ARTICLE);
  const articleId: string = (await invoke(page, 'articles.list', {}))[0].id;
  // The opening's answer is held back until another page has changed the article's details.
  await page.route('**/api/invoke', async (route) => {
    if (route.request().postDataJSON()?.method !== 'articles.open') return route.continue();
    const before = await route.fetch();
    await page.evaluate(async (id) => {
      const token = sessionStorage.getItem('gainsay.token')!;
      const meta = { title: 'Ferry timetable: operator holds firm', outlet: 'Island Gazette', author: '', publishedAt: '2026-01-09', url: '', language: 'en' };
      await fetch('api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Gainsay-Token': token }, body: JSON.stringify({ method: 'articles.update', input: { id, meta } }) });
    }, articleId);
    await route.fulfill({ response: before });
  });
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.locator('#article-title')).toHaveText('Ferry timetable: operator holds firm');
  await expect(page.getByText('Island Gazette · 9 Jan 2026', { exact: false })).toBeVisible();
  expect(app.problems).toEqual([]);
});
