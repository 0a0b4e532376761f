import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'attribution', 'text', 'ceasefire-monitors.txt');
const TITLE = 'Monitors report shelling near the demarcation line';

/** The fictional fixture and variants of it (another title and count each, so none is a duplicate). */
function articles(count: number): Array<{ name: string; mimeType: string; buffer: Buffer }> {
  const text = fs.readFileSync(FIXTURE, 'utf8');
  return Array.from({ length: count }, (_, i) => ({
    name: i === 0 ? 'ceasefire-monitors.txt' : `ceasefire-monitors-${i}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(i === 0 ? text : text.replace(TITLE, `${TITLE}, report ${i}`).replace('41 explosions', `${41 + i} explosions`)),
  }));
}

test('imported articles are suggested in the background with progress shown; the project-wide list triages them by keyboard', async ({ page, app }) => {
  await page.getByLabel('Choose files to import').setInputFiles(articles(40));
  // Progress is the suggesting job's, in the jobs panel, said once; the job leaves the panel when done.
  const jobs = page.getByRole('region', { name: 'Jobs' });
  await expect(jobs.getByRole('status')).toHaveText(/^Suggesting claims: \d+ of \d+ articles$/);
  await expect(page.getByText(/^Suggesting claims: \d+ of \d+ articles$/)).toHaveCount(1);
  await expect(page.getByText(/^Suggesting claims: \d+ of \d+ articles$/)).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('status', { name: 'Suggesting claims in the background' })).toHaveText('');

  // No article was opened: what the list shows was made in the background and stored.
  await page.getByRole('link', { name: 'Suggestions', exact: true }).click();
  const total = page.getByTestId('suggestions-total');
  await expect(total).toHaveText(/^[\d,]+ suggested claims$/);
  expect(Number((await total.textContent())!.replace(/\D/g, ''))).toBeGreaterThanOrEqual(40 * 8);

  await page.getByRole('combobox', { name: 'Article' }).selectOption({ label: TITLE });
  await expect(total).toHaveText(/^\d suggested claims$/);
  const inArticle = Number((await total.textContent())!.replace(/\D/g, ''));
  const list = page.getByRole('listbox', { name: 'Suggested claims' });
  const options = list.getByRole('option');
  await expect(options).toHaveCount(inArticle);
  const speakers = (await options.locator('.claim-who').allTextContents()).map((who) => who.split(' · ')[0]!.split(' via ')[0]!);
  const quotes = await options.locator('.claim-quote').allTextContents();

  await list.focus();
  for (let i = 1; i <= 3; i++) {
    await page.keyboard.press('Enter');
    await expect(options).toHaveCount(inArticle - i);
  }
  await expect(options.first()).toContainText(quotes[3]!);
  await page.keyboard.press('x');
  await expect(options).toHaveCount(inArticle - 4);
  await expect(list).not.toContainText(quotes[3]!);

  // The accepted ones are claims of the speakers the list showed.
  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByRole('link', { name: TITLE, exact: true }).click();
  const claims = page.getByRole('listbox', { name: 'Highlights and claims' }).getByRole('option');
  await expect(claims).toHaveCount(3);
  const claimed = await claims.locator('.claim-who').allTextContents();
  for (const speaker of speakers.slice(0, 3)) expect(claimed.some((who) => who.toLowerCase().includes(speaker.toLowerCase()))).toBe(true);
  // The rejected one is gone from the article's own list as well.
  await expect(page.getByRole('listbox', { name: 'Suggested claims' })).not.toContainText(quotes[3]!);
  expect(app.problems).toEqual([]);
});
