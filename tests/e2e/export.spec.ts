import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, screenshot, test } from './fixtures';
import { REPORTS, seed } from './seed';

const CLAIMS = [
  { article: 0, quote: '“foreign troops will join the ceasefire-monitoring mission within weeks”', actor: 'İlham Qadirov', tags: ['foreign troops'] },
  { article: 1, quote: '“There is no agreement on foreign troops and there will be none.”', actor: 'Dmitri Pelkov', via: 'Tass', tags: ['denial'] },
  { article: 1, quote: '“No decision on foreign participation has been taken.”', actor: 'Dmitri Pelkov', via: 'Interfax', tags: ['denial'] },
  { article: 2, quote: 'the mission “will not include a single armed soldier”', actor: 'Søren Ødegård' },
  { article: 2, quote: '“troops from three countries”', actor: 'İlham Qadirov' },
  { article: 3, quote: '“no foreign soldiers will be deployed”', actor: 'Dmitri Pelkov' },
];
const LINKS: Array<[number, number, string, string, string]> = [
  [0, 1, 'contradicts', 'confirmed', 'Qadirov announces foreign troops; the Kremlin, via Tass, denies any agreement a day later.'],
  [0, 2, 'contradicts', 'open', 'Interfax’s wording is softer (“no decision”), but it still contradicts a firm announcement.'],
  [4, 3, 'contradicts', 'open', 'The envoy says no armed soldiers; the minister speaks of troops from three countries.'],
  [4, 5, 'contradicts', 'dismissed', 'Different deployments: the Koryo Times report is about a later phase.'],
  [1, 2, 'corroborates', 'confirmed', 'The same denial reported by two agencies in two wordings.'],
];

test('exports every format from the Export dialog, and the report reads as a briefing', async ({ page, app }, testInfo) => {
  await seed(page, REPORTS, CLAIMS, LINKS);
  await page.reload();
  const downloads: Record<string, Buffer> = {};
  for (const label of ['Project file copy', 'Gainsay project JSON', 'CSV tables', 'W3C Web Annotation', 'brat standoff', 'REFI-QDA project', 'Review report']) {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the project' });
    await dialog.getByRole('radio', { name: new RegExp(label) }).check();
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const file = await download;
    await expect(dialog.getByRole('status')).toContainText('Downloaded');
    const saved = testInfo.outputPath(file.suggestedFilename());
    await file.saveAs(saved);
    downloads[label] = fs.readFileSync(saved);
    await dialog.getByRole('button', { name: 'Close' }).click();
  }
  expect(downloads['Project file copy']!.subarray(0, 16).toString()).toBe('SQLite format 3\u0000');
  // The formats that are folders say they arrive as a zip; CSV for Excel starts with a byte-order mark.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the project' });
  for (const zipped of ['CSV tables (.zip)', 'brat standoff (.zip)', 'Review report (HTML and Markdown) (.zip)']) await expect(dialog.getByRole('radio', { name: new RegExp(zipped.replace(/[()]/g, '\\$&')) })).toBeVisible();
  await dialog.getByRole('radio', { name: /CSV tables/ }).check();
  await dialog.getByRole('checkbox', { name: 'Add a byte-order mark (for Excel)' }).check();
  const withBom = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const bomZip = testInfo.outputPath('with-bom.zip');
  await (await withBom).saveAs(bomZip);
  expect(Array.from(unzipSync(fs.readFileSync(bomZip))['claims.csv']!.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
  expect(Array.from(unzipSync(downloads['CSV tables']!)['claims.csv']!.subarray(0, 3))).not.toEqual([0xef, 0xbb, 0xbf]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  const json = JSON.parse(downloads['Gainsay project JSON']!.toString('utf8'));
  expect(json).toMatchObject({ format: 'gainsay-project', formatVersion: 1 });
  expect(json.links).toHaveLength(5);
  expect(Object.keys(unzipSync(downloads['CSV tables']!)).sort()).toEqual(expect.arrayContaining(['claims.csv', 'links.csv']));
  expect(JSON.parse(downloads['W3C Web Annotation']!.toString('utf8')).type).toBe('AnnotationCollection');
  expect(Object.keys(unzipSync(downloads['brat standoff']!))).toContain('annotation.conf');
  expect(Object.keys(unzipSync(downloads['REFI-QDA project']!))).toContain('project.qde');
  const report = unzipSync(downloads['Review report']!);
  const html = strFromU8(report['Ceasefire monitoring review report.html']!);
  const markdown = strFromU8(report['Ceasefire monitoring review report.md']!);
  expect(markdown).toContain('### Dmitri Pelkov vs İlham Qadirov (3: 1 open, 1 confirmed, 1 dismissed)');
  // Self-contained: nothing is loaded from anywhere.
  expect(html).not.toMatch(/<(link|script|img)\b|url\(|@import/i);

  const viewer = await page.context().newPage();
  await viewer.setViewportSize({ width: 1100, height: 1400 });
  await viewer.setContent(html);
  await expect(viewer.getByRole('heading', { level: 1 })).toHaveText('Ceasefire monitoring: who contradicts whom');
  await expect(viewer.getByRole('heading', { name: /Dmitri Pelkov vs İlham Qadirov/ })).toBeVisible();
  await expect(viewer.getByText('Qadirov announces foreign troops; the Kremlin, via Tass, denies any agreement a day later.')).toBeVisible();
  await screenshot(viewer, 'review-report');
  fs.writeFileSync(path.join('screenshots', 'review-report.pdf'), await viewer.pdf({ format: 'A4' }));
  expect(app.problems).toEqual([]);
});

test('merges a colleague’s project JSON through Import files…, listing the conflicts', async ({ page, app }, testInfo) => {
  await seed(page, REPORTS, CLAIMS, LINKS);
  await page.reload();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the project' });
  await dialog.getByRole('radio', { name: /Gainsay project JSON/ }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const json = JSON.parse(fs.readFileSync(await (await download).path(), 'utf8'));
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The colleague added a report and spelled one actor differently.
  json.articles.push({ ...json.articles[0], id: '6f1c1a52-3a8e-4c59-9d3c-0b7b6a1e2f40', title: 'Later: envoy clarifies the mission', text: 'The envoy said on Friday that the mission would stay unarmed.' });
  const renamed = json.actors.find((a: { name: string }) => a.name === 'Søren Ødegård');
  renamed.name = 'Soren Odegard';
  const file = testInfo.outputPath('colleague.json');
  fs.writeFileSync(file, JSON.stringify(json));

  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByLabel('Choose files to import').setInputFiles(file);
  await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText('1 imported, 0 skipped as duplicates, 0 refused.');
  const outcome = page.getByRole('list', { name: 'Import results' }).getByRole('listitem').first();
  await expect(outcome).toContainText('merged: added 1 article (+4 already there)');
  await outcome.getByText(/conflicts? \(this project’s records were kept\)/).click();
  await expect(outcome.getByRole('listitem').first()).toContainText(`actor ${renamed.id} differs from the project’s; the project’s is kept`);
  await expect(page.getByRole('table', { name: 'Articles' }).getByRole('link', { name: 'Later: envoy clarifies the mission' })).toBeVisible();
  await screenshot(page, 'json-merge');
  expect(app.problems).toEqual([]);
});
