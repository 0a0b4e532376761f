import { expect, invoke, test } from './fixtures';

const ARTICLES = 60;

/** Fictional harbour reports, long enough (about 40 KB each) that suggesting them all takes a while. */
function reports(): Array<{ name: string; mimeType: string; buffer: Buffer }> {
  return Array.from({ length: ARTICLES }, (_, i) => {
    const paragraphs = Array.from({ length: 400 }, (_, k) => `“Pier ${k} in Orlova Bay stays closed until the cranes are repaired,” harbour master Ana Moreau said on day ${i}.`);
    return { name: `harbour-report-${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`Harbour report ${i}\n\n${paragraphs.join('\n\n')}`) };
  });
}

test('background suggesting is a job in the jobs panel; stopping it keeps what was suggested', async ({ page, app }) => {
  await page.getByLabel('Choose files to import').setInputFiles(reports());
  // Every file imported (each import starts suggesting again, so the job is stopped after the last).
  await expect(page.getByRole('link', { name: `Harbour report ${ARTICLES - 1}`, exact: true })).toBeVisible({ timeout: 60_000 });
  const jobs = page.getByRole('region', { name: 'Jobs' });
  await expect(jobs).toContainText(/Suggest claims/);
  await expect(jobs.getByRole('status')).toHaveText(/^Suggesting claims: \d+ of \d+ articles$/);
  await jobs.getByRole('button', { name: 'Stop suggesting' }).click();
  await expect(jobs.getByRole('status')).toHaveText(/^Stopped: \d+ of \d+ articles suggested, and kept; the rest when suggesting starts again\.$/);
  const [done, total] = (await jobs.getByRole('status').textContent())!.match(/\d+/g)!.map(Number);
  expect(done).toBeLessThan(total!);

  // What was made before the stop is kept and listed; nothing starts again by itself.
  const progress = await invoke(page, 'suggestions.progress', {});
  expect(progress).toMatchObject({ total: ARTICLES, running: false });
  expect(progress.done).toBeGreaterThanOrEqual(done!);
  expect(progress.done).toBeLessThan(ARTICLES);
  await page.getByRole('link', { name: 'Suggestions', exact: true }).click();
  if (progress.done > 0) await expect(page.getByTestId('suggestions-total')).toHaveText(/^(more than )?[\d,]+ suggested claims$/);
  await page.waitForTimeout(1_500);
  expect(await invoke(page, 'suggestions.progress', {})).toEqual(progress);
  await jobs.getByRole('button', { name: 'Dismiss' }).click();
  await expect(jobs).toHaveCount(0);
  expect(app.problems).toEqual([]);
});
