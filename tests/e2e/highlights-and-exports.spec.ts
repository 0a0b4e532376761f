import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import { expect, pasteArticle, recordClaim, screenshot, select, test } from './fixtures';

// A fictional report with three speakers and a sentence nobody has claimed yet.
const REPORT = [
  'Harbour dispute deepens',
  'Coastline Agency',
  'Published 12 May 2026',
  'The mayor said “the harbour will reopen next week”. The port authority said “no ships will dock before June”.',
  'A fisherman said “the boats have not moved for a month”. The weather was calm.',
].join('\n\n');

/** The Custom Highlight API names painted over the text (one per actor colour and overlap depth). */
function painted(page: Page): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('gs-')).sort());
}

async function exported(page: Page, label: string, path: string): Promise<Record<string, Uint8Array>> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the project' });
  await dialog.getByRole('radio', { name: new RegExp(label) }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  await file.saveAs(path);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return unzipSync(fs.readFileSync(path));
}

test('each speaker’s claims are painted in their own colour, a plain highlight is clearly marked, and the report and links.csv carry notes, colours and each side’s article', async ({ page, app }, testInfo) => {
  await pasteArticle(page, REPORT);
  await recordClaim(page, 'Harbour dispute deepens', '“the harbour will reopen next week”', 'The mayor');
  // A note on the mayor's claim, for the report.
  const editor = page.getByRole('form', { name: 'Edit claim' });
  await editor.getByRole('textbox', { name: 'Note' }).fill('Said on local radio; no date given for the repairs.');
  await editor.getByRole('button', { name: /^Save/ }).click();
  await recordClaim(page, 'Harbour dispute deepens', '“no ships will dock before June”', 'Port authority');
  await recordClaim(page, 'Harbour dispute deepens', '“the boats have not moved for a month”', 'A fisherman');
  await select(page, 'The weather was calm.');
  await page.keyboard.press('h');

  // Three actors, three colours; the plain highlight has its own, underlined style.
  await expect.poll(() => painted(page)).toEqual(expect.arrayContaining(['gs-u-d1', 'gs-active']));
  const actorColours = (await painted(page)).filter((name) => /^gs-c\d-d1$/.test(name));
  expect(actorColours).toHaveLength(3);
  await page.keyboard.press('Escape');
  await screenshot(page, 'reading-view-highlights');

  // The Claims panel's link to contradict: the port authority contradicts the mayor.
  const panel = page.getByRole('complementary', { name: /Claims/ });
  await panel.getByRole('option', { name: /The mayor/ }).click();
  await panel.getByRole('button', { name: 'Contradicts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Contradicts…' });
  await dialog.getByRole('combobox', { name: 'Find the other claim' }).fill('port authority');
  await expect(dialog.getByRole('listbox', { name: 'Matching claims' }).getByRole('option')).toHaveCount(1);
  await dialog.getByRole('combobox', { name: 'Find the other claim' }).press('Enter');
  await dialog.getByRole('button', { name: 'Link as contradicting' }).click();
  await expect(dialog).toBeHidden();

  // The report: the note beside the mayor's quote, and each actor's quotes in that actor's colour.
  const report = await exported(page, 'Review report', testInfo.outputPath('report.zip'));
  const html = strFromU8(Object.entries(report).find(([name]) => name.endsWith('.html'))![1]);
  const markdown = strFromU8(Object.entries(report).find(([name]) => name.endsWith('.md'))![1]);
  expect(markdown).toContain('Note: Said on local radio; no date given for the repairs.');
  const viewer = await page.context().newPage();
  await viewer.setContent(html);
  await expect(viewer.locator('.note').first()).toHaveText('Note Said on local radio; no date given for the repairs.');
  const quoteColours = await viewer.locator('.side blockquote').evaluateAll((quotes) => quotes.map((q) => getComputedStyle(q).backgroundColor));
  expect(quoteColours).toHaveLength(2);
  expect(quoteColours[0]).not.toBe(quoteColours[1]);
  await viewer.close();

  // links.csv: each side's article, outlet and date.
  const tables = await exported(page, 'CSV tables', testInfo.outputPath('tables.zip'));
  const links = parse(strFromU8(tables['links.csv']!), { columns: true, bom: true }) as Array<Record<string, string>>;
  expect(links).toHaveLength(1);
  expect(links[0]).toMatchObject({ article_a: 'Harbour dispute deepens', outlet_a: 'Coastline Agency', date_a: '2026-05-12', article_b: 'Harbour dispute deepens', outlet_b: 'Coastline Agency', date_b: '2026-05-12' });
  expect(app.problems).toEqual([]);
});
