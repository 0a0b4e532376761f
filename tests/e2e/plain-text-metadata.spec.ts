import { expect, invoke, pasteArticle, recordClaim, test } from './fixtures';

// Fictional plain-text reports as they come off news sites: the outlet and the date are printed in
// the text (an agency line, a dateline, a "Published" line) and nowhere else.
const HARBOUR = ['Harbour stays open, port authority says', 'Coastline Agency', 'Published September 25,2023', 'The port authority said on Monday that “the harbour stays open to all shipping”.'].join('\n\n');
const LAGOON = ['Port closure ordered, council says', 'Nov. 2, 2023', 'PORT ELLIS, Nov 2 (Lagoon Wire) – A council spokesman said “the harbour will close to cargo ships from Friday”.'].join('\n\n');
const BAY = ['Ferries suspended at the harbour', '2023-12-01', 'ELLIS BAY, December 1. /Bay Post/. The ferry operator said “no ferries will sail this week”.'].join('\n\n');

test('outlet and date are read from pasted plain text, shown as found, and drive the Review’s date order and filters', async ({ page, app }) => {
  await pasteArticle(page, HARBOUR);
  await pasteArticle(page, LAGOON);
  await pasteArticle(page, BAY);

  // The reading view says what it read from the text, and where.
  await page.getByRole('link', { name: 'Port closure ordered, council says' }).click();
  await expect(page.locator('.reading-outlet')).toContainText('Lagoon Wire');
  await expect(page.getByText('Read from the text: outlet from dateline · date from date line')).toBeVisible();
  // …and the details stay editable, with the same note beside each found field.
  await page.getByRole('button', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Article details' });
  await expect(form.getByLabel('Outlet / source')).toHaveValue('Lagoon Wire');
  await expect(form.getByLabel('Published')).toHaveValue('2023-11-02');
  await expect(form.getByText('outlet from dateline')).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();

  const byTitle = new Map<string, string>();
  for (const article of await invoke<Array<{ id: string; title: string; outlet: string; publishedAt: string }>>(page, 'articles.list', {})) byTitle.set(article.title, article.id);
  expect(byTitle.size).toBe(3);

  await recordClaim(page, 'Harbour stays open, port authority says', '“the harbour stays open to all shipping”', 'Port authority');
  await recordClaim(page, 'Port closure ordered, council says', '“the harbour will close to cargo ships from Friday”', 'Council spokesman');
  await recordClaim(page, 'Ferries suspended at the harbour', '“no ferries will sail this week”', 'Ferry operator');
  const claimOf = async (title: string) => (await invoke(page, 'highlights.list', { articleId: byTitle.get(title) }))[0].claim.id;
  const [open, close, ferries] = [await claimOf('Harbour stays open, port authority says'), await claimOf('Port closure ordered, council says'), await claimOf('Ferries suspended at the harbour')];
  await invoke(page, 'links.create', { claimA: open, claimB: close, kind: 'contradicts', rationaleJson: '', rationaleText: '' });
  await invoke(page, 'links.create', { claimA: open, claimB: ferries, kind: 'contradicts', rationaleJson: '', rationaleText: '' });

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Review' }).click();
  const rows = page.getByRole('listbox', { name: 'Contradictions' }).getByRole('option');
  await expect(rows).toHaveCount(2);
  // No "Unknown outlet · Undated": each side shows the outlet and date read from its text.
  await expect(page.getByText('Unknown outlet')).toHaveCount(0);
  await expect(page.getByText('Undated')).toHaveCount(0);
  await expect(rows.first().getByLabel('Earlier claim')).toContainText('Coastline Agency');
  // Newest first, then oldest first.
  await expect(rows.first().getByLabel('Later claim')).toContainText('Bay Post');
  await page.getByRole('button', { name: /^Order: descending/ }).click();
  await expect(rows.first().getByLabel('Later claim')).toContainText('Lagoon Wire');
  // The date filter and the outlet filter now select.
  await page.getByLabel('From').fill('2023-11-15');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByLabel('Later claim')).toContainText('Bay Post');
  await page.getByLabel('From').fill('');
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Outlet').selectOption({ label: 'Lagoon Wire' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Council spokesman');
  expect(app.problems).toEqual([]);
});

test('the headline is shown once, as the article’s heading, and can itself be recorded as a claim', async ({ page, app }) => {
  await pasteArticle(page, HARBOUR);
  await page.getByRole('link', { name: 'Harbour stays open, port authority says' }).click();
  const text = page.getByRole('textbox', { name: 'Article text' });
  const headline = text.locator('.article-headline');
  await expect(headline).toHaveText('Harbour stays open, port authority says');
  // One visible copy: the title above the text is kept for screen readers only.
  await expect(page.getByRole('heading', { name: 'Harbour stays open, port authority says' })).toHaveClass(/visually-hidden/);
  expect(await headline.evaluate((p) => parseFloat(getComputedStyle(p).fontSize))).toBeGreaterThan(24);
  // The headline stays in the stored text and is annotated like any other line, at its own offsets.
  await recordClaim(page, 'Harbour stays open, port authority says', 'Harbour stays open', 'Port authority');
  const [article] = await invoke<Array<{ id: string }>>(page, 'articles.list', {});
  const [claim] = await invoke<Array<{ start: number; end: number; preview: string; status: string }>>(page, 'highlights.list', { articleId: article!.id });
  expect(claim).toMatchObject({ start: 0, end: 18, preview: 'Harbour stays open', status: 'ok' });
  expect(app.problems).toEqual([]);
});
