import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { parse } from 'csv-parse/sync';
import type { Page } from '@playwright/test';
import { expect, invoke, pasteArticle, recordClaim, screenshot, select, test } from './fixtures';

// A fictional report with three speakers and a sentence nobody has claimed yet.
const REPORT = [
  'Harbour dispute deepens',
  'Coastline Agency',
  'Published 12 May 2026',
  'The mayor said “the harbour will reopen next week”. The port authority said “no ships will dock before June”.',
  'A fisherman said “the boats have not moved for a month”. The weather was calm.',
].join('\n\n');

/** The Custom Highlight API names painted over the text (one per actor style and overlap depth), those with ranges. */
function painted(page: Page): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights].filter(([name, highlight]) => name.startsWith('gs-') && highlight.size > 0).map(([name]) => name).sort());
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
  // H acts on the selection the view has taken (as an analyst's H follows the drag that made it).
  await expect(page.getByTestId('selection-status')).toContainText('Selected 21 characters');
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

test('past eight speakers the colours go round again with a mark: a line over the text and a chip of another shape, in the report too', async ({ page, app }, testInfo) => {
  const speakers = Array.from({ length: 12 }, (_, i) => `Delegate ${String.fromCharCode(65 + i)}`);
  const text = `Twelve delegations at the harbour talks\n\n${speakers.map((s) => `${s} said “the talks are at an end for us”.`).join('\n\n')}`;
  const { articleId } = await invoke(page, 'articles.paste', { text, title: '' });
  const stored: string = (await invoke(page, 'articles.get', { id: articleId })).text;
  for (const speaker of speakers) {
    const from = stored.indexOf(`${speaker} said`);
    const quoteAt = stored.indexOf('“', from);
    const quote = stored.slice(quoteAt, stored.indexOf('”', quoteAt) + 1);
    const start = Array.from(stored.slice(0, quoteAt)).length;
    const highlight = await invoke(page, 'highlights.create', { articleId, start, end: start + Array.from(quote).length, quote });
    await invoke(page, 'claims.set', { highlightId: highlight.id, actor: { name: speaker, kind: 'person', role: '' } });
  }
  await page.goto(`${app.url}#/article/${articleId}`);
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Delegate L said');

  // Twelve speakers, twelve styles: eight plain colours, then the first four colours again, overlined.
  await expect.poll(async () => (await painted(page)).filter((name) => /^gs-c\d+-d1$/.test(name)).length).toBe(12);
  const styles = await page.evaluate(() => ['gs-c0-d1', 'gs-c8-d1'].map((name) => {
    const style = getComputedStyle(document.querySelector('.article-text')!, `::highlight(${name})`);
    return { background: style.backgroundColor, line: style.textDecorationLine };
  }));
  expect(styles[0]!.background).toBe(styles[1]!.background);
  expect(styles[0]!.line).toBe('none');
  expect(styles[1]!.line).toBe('overline');

  // In the claims list the ninth speaker's chip is square where the first's is round.
  const panel = page.getByRole('complementary', { name: /Claims/ });
  const chipRadius = (speaker: string) => panel.getByRole('option', { name: new RegExp(speaker) }).locator('.actor-chip').evaluate((chip) => getComputedStyle(chip).borderTopLeftRadius);
  expect(await chipRadius('Delegate A')).toBe('50%');
  expect(await chipRadius('Delegate I')).toBe('1px');
  await screenshot(page, 'reading-view-twelve-speakers');

  // The report: the ninth speaker's quote has the first's colour, with a double bar beside it.
  const report = await exported(page, 'Review report', testInfo.outputPath('report.zip'));
  const viewer = await page.context().newPage();
  await viewer.setContent(strFromU8(Object.entries(report).find(([name]) => name.endsWith('.html'))![1]));
  const bar = (speaker: string) => viewer.locator('h3', { hasText: speaker }).locator('xpath=following-sibling::ol[1]').locator('blockquote').evaluate((q) => [getComputedStyle(q).borderLeftColor, getComputedStyle(q).borderLeftStyle]);
  const [first, ninth] = [await bar('Delegate A'), await bar('Delegate I')];
  expect(ninth[0]).toBe(first[0]);
  expect([first[1], ninth[1]]).toEqual(['solid', 'double']);
  await viewer.close();
  expect(app.problems).toEqual([]);
});
