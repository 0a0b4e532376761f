import fs from 'node:fs';
import path from 'node:path';
import { expect, highlightedTexts, invoke, test } from './fixtures';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'attribution', 'text', 'ceasefire-monitors.txt');

test('shows an imported article’s suggestions; three accepted by keyboard become claims with actor and channel, one rejected stays gone', async ({ page, app }) => {
  await invoke(page, 'articles.importFile', { name: 'ceasefire-monitors.txt', dataBase64: fs.readFileSync(FIXTURE).toString('base64') });
  await page.reload();
  await page.getByRole('link', { name: 'Monitors report shelling near the demarcation line' }).click();

  const list = page.getByRole('listbox', { name: 'Suggested claims' });
  const options = list.getByRole('option');
  await expect(options.first()).toContainText('that its patrol had recorded 41 explosions');
  const total = await options.count();
  expect(total).toBeGreaterThanOrEqual(8);
  // Every suggestion is outlined in the text.
  const outlined = (await highlightedTexts(page, /^suggestion-outline$/)).map(({ text }) => text);
  expect(outlined).toContain('Moscow had no information about the incident');

  await list.focus();
  await page.keyboard.press('Enter'); // the monitoring mission
  await expect(options).toHaveCount(total - 1);
  await expect(options.first()).toContainText('Elena Marsh');
  await page.keyboard.press('Enter'); // Elena Marsh's quotations
  await expect(options).toHaveCount(total - 2);
  await expect(options.first()).toContainText('Moscow had no information');
  await page.keyboard.press('x'); // rejected
  await expect(options).toHaveCount(total - 3);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(list.getByRole('option', { selected: true })).toContainText('that Russian forces were involved');
  await page.keyboard.press('Enter'); // Pelkov, via Tass
  await expect(options).toHaveCount(total - 4);

  const claims = page.getByRole('listbox', { name: 'Highlights and claims' }).getByRole('option');
  await expect(claims).toHaveCount(3);
  await expect(claims.nth(0)).toContainText('The monitoring mission');
  await expect(claims.nth(1)).toContainText('Elena Marsh');
  await expect(claims.nth(2)).toContainText('Dmitry Pelkov via Tass');

  // After a reload the rejected suggestion is still gone and the accepted ones are claims, not suggestions.
  await page.reload();
  await expect(options).toHaveCount(total - 4);
  await expect(list).not.toContainText('Moscow had no information');
  expect(app.problems).toEqual([]);
});

test('accepts every suggestion above a confidence in one step that Undo takes back, after naming the actors it creates, and E opens one in the claim editor first', async ({ page, app }) => {
  await invoke(page, 'articles.importFile', { name: 'ceasefire-monitors.txt', dataBase64: fs.readFileSync(FIXTURE).toString('base64') });
  await page.reload();
  await page.getByRole('link', { name: 'Monitors report shelling near the demarcation line' }).click();
  const options = page.getByRole('listbox', { name: 'Suggested claims' }).getByRole('option');
  await expect(options.first()).toBeVisible();
  const total = await options.count();

  await page.getByRole('spinbutton', { name: 'Lowest confidence to accept, in percent' }).fill('80');
  const acceptAll = page.getByRole('button', { name: /^Accept all \d+$/ });
  const many = Number((await acceptAll.textContent())!.replace(/\D/g, ''));
  expect(many).toBeGreaterThanOrEqual(3);
  await acceptAll.click();
  // The project has no actors yet: the speakers and channels it would create are named first.
  const dialog = page.getByRole('alertdialog', { name: `Accept ${many} suggested claims?` });
  await expect(dialog.getByRole('list', { name: 'New actors' }).getByRole('listitem').first()).toBeVisible();
  const named = (await dialog.getByRole('list', { name: 'New actors' }).getByRole('listitem').allTextContents()).sort();
  expect(named.length).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: `Accept ${many}` }).click();
  await expect(options).toHaveCount(total - many);
  expect((await invoke<Array<{ name: string }>>(page, 'actors.list', {})).map((a) => a.name).sort()).toEqual(named);
  const claims = page.getByRole('listbox', { name: 'Highlights and claims' }).getByRole('option');
  await expect(claims).toHaveCount(many);

  await page.getByRole('button', { name: /^Undo Accept \d+ suggested claims$/ }).click();
  await expect(claims).toHaveCount(0);
  await expect(options).toHaveCount(total);

  // E: the span becomes a highlight, opened in the claim editor with the actor field focused.
  await page.getByRole('listbox', { name: 'Suggested claims' }).focus();
  await page.keyboard.press('e');
  await expect(claims).toHaveCount(1);
  await expect(page.getByRole('combobox', { name: 'Claimed by' })).toBeFocused();
  expect(app.problems).toEqual([]);
});
