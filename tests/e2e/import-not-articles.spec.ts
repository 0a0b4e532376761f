import fs from 'node:fs';
import path from 'node:path';
import { expect, screenshot, test } from './fixtures';

const PAGE = fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'articles', 'danube-courier.html'));
const CONTACT =
  '<html><head><title>Contact Us | Danube Courier</title></head><body><nav><a href="/">Home</a></nav><h1>Contact Us</h1>' +
  '<form><label>Name <input></label><label>Email <input></label><button>Send</button></form><footer>© 2026 Danube Courier</footer></body></html>';

test('a saved page imports without its cookie banner and photo credits, and a contact page and a lone "." are refused in one line each', async ({ page, app }) => {
  await page.getByLabel('Choose files to import').setInputFiles([
    { name: 'danube-courier.html', mimeType: 'text/html', buffer: PAGE },
    { name: 'contact.html', mimeType: 'text/html', buffer: Buffer.from(CONTACT) },
    { name: 'near-empty.txt', mimeType: 'text/plain', buffer: Buffer.from('  \n.\n') },
  ]);
  await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText('1 imported, 0 skipped as duplicates, 2 refused.');
  const refused = page.getByRole('list', { name: 'Import results' }).getByRole('listitem').filter({ hasText: 'Refused' });
  await expect(refused).toHaveCount(2);
  await expect(refused.filter({ hasText: 'contact.html' })).toContainText('“contact.html” has no article text that Gainsay could find.');
  await expect(refused.filter({ hasText: 'near-empty.txt' })).toContainText('“near-empty.txt” has no sentence (3 or more words in a row), so it is not taken for an article.');
  await expect(page.getByTestId('count-articles')).toHaveText('1');
  await screenshot(page, 'import-not-articles');

  await page.getByRole('link', { name: 'Harbour minister rejects monitors at river crossing' }).click();
  const text = page.getByRole('textbox', { name: 'Article text' });
  await expect(text).toContainText('LISTRA, April 2 (Danube Courier) — Harbour Minister Petra Sollen said on Wednesday');
  for (const clutter of ['cookies', 'Photo:', 'speaks at the river crossing']) await expect(text).not.toContainText(clutter);
  expect(app.problems).toEqual([]);
});
