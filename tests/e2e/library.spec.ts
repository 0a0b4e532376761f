import fs from 'node:fs';
import path from 'node:path';
import { koryoPdf, writeAllFixtures } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';
import { expect, screenshot, test } from './fixtures';

const TITLES = {
  txt: 'No foreign troops will join ceasefire mission, Qadirov says',
  md: 'Observers from three countries to join mission, envoy says',
  html: 'Mission de cessez-le-feu : le porte-parole dément tout accord',
  pdf: 'Mission talks at an impasse, diplomat says',
  docx: 'Minister denies, then hedges, on foreign observers',
};

test.describe('library and reading view', () => {
  let files: ReturnType<typeof tempDir>;
  let fixtures: Record<keyof typeof TITLES, string>;
  test.beforeEach(() => {
    files = tempDir('gainsay-e2e-files-');
    fixtures = writeAllFixtures(files.dir);
  });
  test.afterEach(() => files.remove());

  test('imports every supported type through the UI, with titles, outlets and dates', async ({ page, app }) => {
    const bad = path.join(files.dir, 'scan.exe');
    fs.writeFileSync(bad, 'MZ');
    await page.getByLabel('Choose files to import').setInputFiles([...Object.values(fixtures), bad]);
    await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText('5 imported, 0 skipped as duplicates, 1 refused.');
    const results = page.getByRole('list', { name: 'Import results' });
    await expect(results.getByRole('listitem').filter({ hasText: 'Refused' })).toContainText('“scan.exe” is not a supported file type');

    const table = page.getByRole('table', { name: 'Articles' });
    for (const title of Object.values(TITLES)) await expect(table.getByRole('link', { name: title })).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(`${TITLES.txt}.*Northern Wire.*4 Mar 2026`) })).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(`${TITLES.html}.*Agence Véritas.*5 Mar 2026`) })).toBeVisible();
    await expect(page.getByTestId('count-articles')).toHaveText('5');

    // The same files again are reported as duplicates.
    await page.getByLabel('Choose files to import').setInputFiles(Object.values(fixtures));
    await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText('0 imported, 5 skipped as duplicates, 0 refused.');
    await page.getByRole('button', { name: 'Dismiss' }).click();

    await page.getByLabel('Outlet').selectOption('Meridian Daily');
    await expect(table.getByRole('row')).toHaveCount(2);
    await page.getByLabel('Outlet').selectOption('');
    await page.getByLabel('Sort by').selectOption('title');
    await page.getByRole('button', { name: /Sorted descending/ }).click();
    await expect(table.getByRole('row').nth(1)).toContainText(TITLES.docx);
    await screenshot(page, 'library');
    expect(app.problems).toEqual([]);
  });

  test('during a long import the list shows the articles already imported, not that there are none', async ({ page, app }) => {
    const many = Array.from({ length: 150 }, (_, i) => {
      const file = path.join(files.dir, `report-${String(i).padStart(3, '0')}.txt`);
      fs.writeFileSync(file, `Monitors report ${i}\n\nThe ceasefire held for a ${i}th day, the monitoring mission said in its report number ${i}.`);
      return file;
    });
    await page.getByLabel('Choose files to import').setInputFiles(many);
    const table = page.getByRole('table', { name: 'Articles' });
    await expect(table.getByRole('link', { name: /^Monitors report/ }).first()).toBeVisible();
    // Shown while the import still runs, well before its last file.
    await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
    expect(Number(await page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value'))).toBeLessThan(many.length);
    await expect(page.getByText('No articles yet.')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText('150 imported, 0 skipped as duplicates, 0 refused.', { timeout: 60_000 });
    await expect(table.getByRole('link', { name: /^Monitors report/ })).toHaveCount(150);
    expect(app.problems).toEqual([]);
  });

  test('another window’s Library shows every article a batch import added, once it has ended', async ({ page, app, context }) => {
    const other = await context.newPage();
    await other.goto(app.url);
    // Few enough to be imported within the list's catch-up interval: only a read after the last file shows them all.
    const many = Array.from({ length: 8 }, (_, i) => {
      const file = path.join(files.dir, `bulletin-${String(i).padStart(2, '0')}.txt`);
      fs.writeFileSync(file, `Harbour bulletin ${i}\n\nThe harbour master said the ferry ran on time for a ${i}th day in a row.`);
      return file;
    });
    await page.getByLabel('Choose files to import').setInputFiles(many);
    await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText('8 imported, 0 skipped as duplicates, 0 refused.', { timeout: 60_000 });
    await expect(other.getByRole('table', { name: 'Articles' }).getByRole('link', { name: /^Harbour bulletin/ })).toHaveCount(8);
    expect(app.problems).toEqual([]);
  });

  test('searches without diacritics and across non-breaking spaces, with highlighted snippets', async ({ page, app }) => {
    await page.getByLabel('Choose files to import').setInputFiles(Object.values(fixtures));
    await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toContainText('5 imported');
    const search = page.getByRole('searchbox', { name: 'Search titles and text' });
    const results = page.getByRole('list', { name: 'Search results' });

    await search.fill('odegard');
    await expect(results.getByRole('listitem')).toHaveCount(2);
    await expect(results.locator('mark').first()).toHaveText('Ødegård');

    await search.fill('"48 hours"');
    await expect(results.getByRole('listitem')).toHaveCount(1);
    await expect(results.locator('mark')).toHaveText('48\u00a0hours');
    await expect(results.getByRole('link')).toHaveText(TITLES.txt);

    await search.fill('qadirov');
    await expect(results.getByRole('listitem')).toHaveCount(2);
    await screenshot(page, 'search');
    await search.fill('');
    await expect(page.getByRole('table', { name: 'Articles' })).toBeVisible();
    expect(app.problems).toEqual([]);
  });

  test('reads an article exactly as stored and maps selections to code point offsets', async ({ page, app }) => {
    const text = 'Ceasefire 👍🏽 report\n\nThe envoy 停火 said “no foreign troops”\u00a0today.\n\n[ad_1]\n\nSecond paragraph, é and 🇪🇺 flags.';
    await page.getByRole('button', { name: 'Paste text…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste an article' });
    await dialog.getByLabel('Article text').fill(`Menu\nSubscribe\n\n${text}\n\nSubscribe to our newsletters`);
    await dialog.getByRole('button', { name: 'Add article' }).click();
    await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText('1 imported, 0 skipped as duplicates, 0 refused.');
    await page.getByRole('link', { name: 'Ceasefire 👍🏽 report' }).click();

    await expect(page.getByRole('heading', { level: 2, name: 'Ceasefire 👍🏽 report' })).toBeVisible();
    const body = page.getByRole('textbox', { name: 'Article text' });
    const paragraphs = body.locator('p');
    await expect(paragraphs).toHaveText(['Ceasefire 👍🏽 report', 'The envoy 停火 said “no foreign troops”\u00a0today.', 'Second paragraph, é and 🇪🇺 flags.']);

    // Select “no foreign troops” in the DOM and read back its offsets in code points.
    const stored = text.replace('\n\n[ad_1]', '');
    const quote = '“no foreign troops”';
    const startCp = Array.from(stored.slice(0, stored.indexOf(quote))).length;
    await page.evaluate((q) => {
      const p = Array.from(document.querySelectorAll('.article-text p')).find((el) => el.textContent!.includes(q))!;
      const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const at = node.data.indexOf(q);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + q.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    }, quote);
    await expect(page.getByTestId('selection-status')).toHaveText(`Selected 19 characters (offsets ${startCp}–${startCp + 19})`);

    // A selection from inside the first paragraph to inside the last spans the blank lines too.
    await page.evaluate(() => {
      const ps = document.querySelectorAll('.article-text p');
      const first = document.createTreeWalker(ps[0]!, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const last = document.createTreeWalker(ps[2]!, NodeFilter.SHOW_TEXT).nextNode() as Text;
      const range = document.createRange();
      range.setStart(first, 10); // after "Ceasefire "
      range.setEnd(last, 6); // "Second"
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    const secondStart = Array.from(stored.slice(0, stored.indexOf('Second'))).length;
    await expect(page.getByTestId('selection-status')).toHaveText(`Selected ${secondStart + 6 - 10} characters (offsets 10–${secondStart + 6})`);
    await screenshot(page, 'reading-view');
    expect(app.problems).toEqual([]);
  });

  test('edits details, refuses a bad date, and deletes with a clear warning', async ({ page, app }) => {
    await page.getByLabel('Choose files to import').setInputFiles([fixtures.md]);
    await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toContainText('1 imported');
    await page.getByRole('link', { name: TITLES.md }).click();
    await page.getByRole('button', { name: 'Edit details' }).click();
    const form = page.getByRole('form', { name: 'Article details' });
    await form.getByLabel('Published').fill('5 March');
    await form.getByRole('button', { name: 'Save details' }).click();
    await expect(form.getByRole('alert')).toContainText('must be a date (YYYY-MM-DD)');
    await form.getByLabel('Published').fill('2026-03-06');
    await form.getByLabel('Title').fill('Envoy: three countries will send observers');
    await form.getByRole('button', { name: 'Save details' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Envoy: three countries will send observers' })).toBeVisible();
    await expect(page.getByText('Meridian Daily · by Søren Ødegård · 6 Mar 2026 · EN')).toBeVisible();

    await page.getByRole('button', { name: 'Delete article' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete article?' });
    await expect(confirm).toContainText('“Envoy: three countries will send observers” will be removed from the project, together with 0 highlights, 0 claims and 0 links to other claims. This cannot be undone.');
    await confirm.getByRole('button', { name: 'Keep article' }).click();
    await expect(confirm).toBeHidden();
    await page.getByRole('button', { name: 'Delete article' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete article' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Library' })).toBeVisible();
    await expect(page.getByTestId('count-articles')).toHaveText('0');
    expect(app.problems).toEqual([]);
  });

  test('imports a folder, reports an empty one, and can cancel a long import', async ({ page, app }) => {
    await page.getByLabel('Choose a folder to import').setInputFiles(files.dir);
    await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText('5 imported, 0 skipped as duplicates, 0 refused.');
    await page.getByRole('button', { name: 'Dismiss' }).click();

    const photos = tempDir('gainsay-e2e-photos-');
    fs.writeFileSync(path.join(photos.dir, 'photo.jpg'), 'not an article');
    await page.getByLabel('Choose a folder to import').setInputFiles(photos.dir);
    await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText('0 imported, 0 skipped as duplicates, 1 refused.');
    await expect(page.getByRole('list', { name: 'Import results' })).toContainText(`“${path.basename(photos.dir)}” contains no files Gainsay can import`);
    photos.remove();
    await page.getByRole('button', { name: 'Dismiss' }).click();

    const many = tempDir('gainsay-e2e-many-');
    try {
      for (let i = 0; i < 60; i++) {
        fs.writeFileSync(path.join(many.dir, `report-${String(i).padStart(2, '0')}.pdf`), koryoPdf().toString('latin1').replace('impasse, diplomat', `impasse, diplomat ${i}`), 'latin1');
      }
      await page.getByLabel('Choose files to import').setInputFiles(fs.readdirSync(many.dir).map((f) => path.join(many.dir, f)));
      await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
      await page.getByRole('button', { name: 'Cancel import' }).click();
      const summary = page.getByRole('region', { name: 'Import' }).getByRole('status');
      await expect(summary).toContainText('Import cancelled:');
      const imported = Number(/(\d+) imported/.exec((await summary.textContent())!)![1]);
      expect(imported).toBeLessThan(60);
      await expect(page.getByTestId('count-articles')).toHaveText(String(5 + imported));
    } finally {
      many.remove();
    }
    expect(app.problems).toEqual([]);
  });

  test('imports files dropped onto the library', async ({ page, app }) => {
    const body = fs.readFileSync(fixtures.txt, 'utf8');
    await page.evaluate((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped.txt', { type: 'text/plain' }));
      const target = document.querySelector('.library')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, body);
    await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText('1 imported, 0 skipped as duplicates, 0 refused.');
    await expect(page.getByRole('link', { name: TITLES.txt })).toBeVisible();
    expect(app.problems).toEqual([]);
  });
});
