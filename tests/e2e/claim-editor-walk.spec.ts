import type { Page } from '@playwright/test';
import { expect, invoke, pasteArticle, select, test } from './fixtures';

// Fictional reports: the outlets, officials and places are invented.
const DEPOT = ['Depot fire at Karvel', 'The spokesman said the army did not fire on the depot.', 'The governor said an inquiry would open on Monday.'].join('\n\n');
const STRIKE = [
  'Depot strike near Orsava',
  'Defence minister Shtefan Dumitresku conceded that an army unit “may have struck the depot by mistake”.',
  'Shtefan Dumitresku later said the unit had been withdrawn.',
].join('\n\n');

async function openArticle(page: Page, text: string): Promise<string> {
  await pasteArticle(page, text);
  const title = text.split('\n')[0]!;
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText(title);
  const [article] = await invoke(page, 'articles.list', {});
  return article.id;
}

async function selectQuote(page: Page, quote: string): Promise<void> {
  await select(page, quote);
  await expect(page.getByTestId('selection-status')).toContainText(`Selected ${Array.from(quote).length} characters`);
}

const stored = async (page: Page, articleId: string, words: string) =>
  (await invoke(page, 'highlights.list', { articleId })).find((h: { preview: string }) => h.preview.includes(words)).claim;

test('a speaker filled in from the sentence in another spelling of a known actor is offered as that actor, and the analyst can choose otherwise', async ({ page, app }) => {
  await invoke(page, 'actors.create', { name: 'Ştefan Dumitrescu', kind: 'person', role: 'Defence minister' });
  const articleId = await openArticle(page, STRIKE);
  const form = page.getByRole('form', { name: 'Tag as claim' });
  const claimedBy = form.getByRole('combobox', { name: 'Claimed by' });
  const asAlias = form.getByRole('option', { name: 'Ştefan Dumitrescu, and add “Shtefan Dumitresku” as an alias' });
  const asNew = form.getByRole('option', { name: 'Create new actor “Shtefan Dumitresku”' });

  // Select, C: the name as written, with the known actor offered first, as typing the name offers it.
  await selectQuote(page, 'an army unit “may have struck the depot by mistake”');
  await page.keyboard.press('c');
  await expect(claimedBy).toHaveValue('Shtefan Dumitresku');
  await expect(asAlias).toHaveAttribute('aria-selected', 'true');
  await expect(asNew).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(claimedBy).toHaveValue('Ştefan Dumitrescu');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'Edit claim' })).toBeVisible();
  let actors = await invoke(page, 'actors.list', {});
  expect(actors.map((a: { name: string; aliases: string[] }) => [a.name, a.aliases])).toEqual([['Ştefan Dumitrescu', ['Shtefan Dumitresku']]]);
  expect((await stored(page, articleId, 'may have struck')).actor.name).toBe('Ştefan Dumitrescu');

  // Enter before the sentence has been read saves nothing while there is an offer to see.
  // (The alias taken away again, so that the name is once more only a variant.)
  await invoke(page, 'actors.removeAlias', { id: actors[0].id, alias: 'Shtefan Dumitresku' });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/invoke', async (route) => {
    if (route.request().postDataJSON()?.method === 'suggestions.prefill') await held;
    await route.continue();
  });
  await selectQuote(page, 'the unit had been withdrawn');
  await page.keyboard.press('c');
  await expect(claimedBy).toBeFocused();
  await page.keyboard.press('Enter');
  release();
  await expect(asAlias).toBeVisible();
  expect((await stored(page, articleId, 'withdrawn'))).toBeNull();
  await page.unroute('**/api/invoke');

  // The analyst knows better: the new actor instead.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(form.getByText('New actor: Shtefan Dumitresku (person)')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'Edit claim' })).toBeVisible();
  expect((await stored(page, articleId, 'withdrawn')).actor.name).toBe('Shtefan Dumitresku');
  actors = await invoke(page, 'actors.list', {});
  expect(actors.map((a: { name: string }) => a.name).sort()).toEqual(['Shtefan Dumitresku', 'Ştefan Dumitrescu']);
  expect(app.problems).toEqual([]);
});
