import type { Extraction } from '../../shared/assist/attribution/types';
import { expect, invoke, pasteArticle, select, test } from './fixtures';

// A fictional report: speakers whose names carry letters beyond Latin-1, and a bare title after a minister.
const TITLE = 'Depot shelled near the river crossing';
const ARTICLE = [
  TITLE,
  'Minister Karel Dvořák told reporters that “the depot was hit by rebel artillery”.',
  'Minister Ştefan Dumitrescu told reporters that “the rebels fired first”.',
  'The depot held 4 000 tonnes of wheat, according to the regional governor.',
  'Envoy Дмитрий Песков said that the convoy had turned back at the bridge.',
].join('\n\n');

test('suggestions and the claim editor fill in names with letters beyond Latin-1 whole, and no one for a governor after a minister', async ({ page, app }) => {
  await pasteArticle(page, ARTICLE);
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Песков');
  const panel = page.getByRole('complementary', { name: /Claims/ });

  // The article's suggestions name the speakers in full, and the governor as no one.
  const articleId = page.url().match(/article\/([\w-]+)/)![1]!;
  const { suggestions } = await invoke<Extraction>(page, 'suggestions.forArticle', { articleId });
  expect(suggestions.map((s) => [s.source.text, s.source.actor?.name ?? null])).toEqual([
    ['Minister Karel Dvořák', 'Karel Dvořák'],
    ['Minister Ştefan Dumitrescu', 'Ştefan Dumitrescu'],
    ['the regional governor', null],
    ['Envoy Дмитрий Песков', 'Дмитрий Песков'],
  ]);

  const prefilled = async (quote: string) => {
    await select(page, quote);
    await expect(page.getByTestId('selection-status')).toContainText(`Selected ${Array.from(quote).length} characters`);
    await page.keyboard.press('c');
    return panel.getByRole('form', { name: 'Tag as claim' }).getByRole('combobox', { name: 'Claimed by' });
  };

  // Select, C, Enter: the claim is Ştefan Dumitrescu's, a new actor of that name (not “Dumitrescu”).
  await expect(await prefilled('“the rebels fired first”')).toHaveValue('Ştefan Dumitrescu');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('form', { name: 'Edit claim' })).toBeVisible();
  expect((await invoke<{ name: string }[]>(page, 'actors.list', {})).map((a) => a.name)).toEqual(['Ştefan Dumitrescu']);

  await expect(await prefilled('the convoy had turned back at the bridge')).toHaveValue('Дмитрий Песков');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('form', { name: 'Edit claim' })).toBeVisible();

  const governor = await prefilled('The depot held 4 000 tonnes of wheat');
  await expect(governor).toHaveAccessibleDescription('‘according to the regional governor’ names no one in particular');
  await expect(governor).toHaveValue('');

  expect(app.problems).toEqual([]);
});
