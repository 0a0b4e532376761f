import type { Page } from '@playwright/test';
import { expect, invoke, pasteArticle, select, test } from './fixtures';

// Fictional reports: the outlets, officials and places are invented.
const DEPOT = ['Depot fire at Karvel', 'The spokesman said the army did not fire on the depot.', 'The governor said an inquiry would open on Monday.'].join('\n\n');
const STRIKE = [
  'Depot strike near Orsava',
  'Defence minister Shtefan Dumitresku conceded that an army unit “may have struck the depot by mistake”.',
  'Shtefan Dumitresku later said the unit had been withdrawn.',
  'The depot held no ammunition, Nordpres cited Ştefan Dumitrescu as saying.',
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

/** Select, C, a new actor typed and chosen, Save: the claim is then open in the editor. */
async function recordWithNewActor(page: Page, quote: string, actor: string): Promise<void> {
  await selectQuote(page, quote);
  await page.keyboard.press('c');
  const form = page.getByRole('form', { name: 'Tag as claim' });
  await form.getByRole('combobox', { name: 'Claimed by' }).fill(actor);
  await form.getByRole('option', { name: `Create new actor “${actor}”` }).click();
  await form.getByRole('button', { name: 'Save as claim' }).click();
  await expect(page.getByRole('form', { name: 'Edit claim' })).toBeVisible();
}

const stored = async (page: Page, articleId: string, words: string) =>
  (await invoke(page, 'highlights.list', { articleId })).find((h: { preview: string }) => h.preview.includes(words)).claim;

test('what is typed into a claim’s editor is kept, and shown as unsaved, when another claim is chosen, until it is saved or discarded', async ({ page, app }) => {
  const articleId = await openArticle(page, DEPOT);
  await recordWithNewActor(page, 'the army did not fire on the depot', 'Spokesman');
  await recordWithNewActor(page, 'an inquiry would open on Monday', 'Governor');
  const list = page.getByRole('listbox', { name: 'Highlights and claims' });
  const editor = page.getByRole('form', { name: 'Edit claim' });
  const tags = editor.getByRole('combobox', { name: 'Tags (separate with commas)' });
  const note = editor.getByRole('textbox', { name: 'Note' });
  const unsaved = editor.getByRole('status').filter({ hasText: 'Unsaved changes' });

  await list.getByRole('option', { name: /did not fire/ }).click();
  await tags.fill('denial');
  await note.click();
  await page.keyboard.type('Two sources confirm the wording.');
  await expect(unsaved).toBeVisible();

  // The analyst moves on: nothing is stored, nothing is lost, and the list says which claim has unsaved changes.
  await list.getByRole('option', { name: /inquiry/ }).click();
  await expect(tags).toHaveValue('');
  await expect(unsaved).toHaveCount(0);
  await expect(list.getByRole('option', { name: /did not fire/ })).toContainText('Unsaved changes');
  await expect(list.getByRole('option', { name: /inquiry/ })).not.toContainText('Unsaved changes');
  expect(await stored(page, articleId, 'did not fire')).toMatchObject({ tags: [], noteText: '' });

  // Back on it, and after leaving the article and coming back: the edits are there, still unsaved.
  await list.getByRole('option', { name: /did not fire/ }).click();
  await expect(tags).toHaveValue('denial');
  await expect(note).toHaveText('Two sources confirm the wording.');
  await page.getByRole('link', { name: '← Library' }).click();
  await page.getByRole('link', { name: 'Depot fire at Karvel' }).click();
  await expect(list.getByRole('option', { name: /did not fire/ })).toContainText('Unsaved changes');
  await list.getByRole('option', { name: /did not fire/ }).click();
  await expect(tags).toHaveValue('denial');
  await expect(unsaved).toBeVisible();
  // Closing the page asks first (and the analyst stays).
  const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => (resolve(dialog.type()), void dialog.dismiss())));
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  await expect(tags).toHaveValue('denial');

  // Saved: stored, and no longer marked.
  await editor.getByRole('button', { name: 'Save claim' }).click();
  await expect(unsaved).toHaveCount(0);
  await expect(list.getByRole('option', { name: /did not fire/ })).not.toContainText('Unsaved changes');
  expect(await stored(page, articleId, 'did not fire')).toMatchObject({ tags: ['denial'], noteText: 'Two sources confirm the wording.' });

  // Undo takes back the save, a step of the history; a draft typed since is not one, and stays.
  await tags.fill('denial, army');
  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect.poll(async () => (await stored(page, articleId, 'did not fire')).tags).toEqual([]);
  await expect(tags).toHaveValue('denial, army');
  await expect(unsaved).toBeVisible();
  await unsaved.getByRole('button', { name: 'Discard changes' }).click();
  await expect(tags).toHaveValue('');

  // Discarded: the form shows what is stored again, and nothing is written.
  await list.getByRole('option', { name: /inquiry/ }).click();
  await tags.fill('promise');
  await list.getByRole('option', { name: /did not fire/ }).click();
  await list.getByRole('option', { name: /inquiry/ }).click();
  await expect(tags).toHaveValue('promise');
  await unsaved.getByRole('button', { name: 'Discard changes' }).click();
  await expect(tags).toHaveValue('');
  await expect(unsaved).toHaveCount(0);
  await expect(list.getByRole('option', { name: /inquiry/ })).not.toContainText('Unsaved changes');
  expect(await stored(page, articleId, 'inquiry')).toMatchObject({ tags: [] });
  expect(app.problems).toEqual([]);
});

test('saved by keyboard, a claim leaves the focus where it was opened from: the text at the claim’s end, or the list', async ({ page, app }) => {
  const articleId = await openArticle(page, DEPOT);
  await invoke(page, 'actors.create', { name: 'Karvel governor', kind: 'person', role: '' });
  const text = page.getByRole('textbox', { name: 'Article text' });
  const status = page.getByTestId('selection-status');
  await text.focus();
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('End');
  for (let i = 0; i < 6; i++) await page.keyboard.press('Control+Shift+ArrowLeft');
  await expect(status).toContainText('Selected');
  await page.keyboard.press('c');
  const claimedBy = page.getByRole('form', { name: 'Tag as claim' }).getByRole('combobox', { name: 'Claimed by' });
  await expect(claimedBy).toBeFocused();
  await page.keyboard.type('Karvel governor');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'Edit claim' })).toBeVisible();
  const [claim] = await invoke(page, 'highlights.list', { articleId });
  expect(claim.claim.actor.name).toBe('Karvel governor');

  // The keyboard goes on from the claim's end: the next selection starts there.
  await expect(text).toBeFocused();
  // (The claim ends its paragraph: one step right selects the line break to the next.)
  await page.keyboard.press('Shift+ArrowRight');
  await expect(status).toContainText(`(offsets ${claim.end}–${claim.end + 2})`);

  // Opened from the list and saved from a field: back on the list, on that claim.
  const list = page.getByRole('listbox', { name: 'Highlights and claims' });
  await list.focus();
  await page.keyboard.press('Enter');
  const tags = page.getByRole('form', { name: 'Edit claim' }).getByRole('combobox', { name: 'Tags (separate with commas)' });
  await tags.focus();
  await page.keyboard.type('promise');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await invoke(page, 'highlights.list', { articleId }))[0].claim.tags).toEqual(['promise']);
  await expect(list).toBeFocused();
  await expect(list).toHaveAttribute('aria-activedescendant', `claim-option-${claim.id}`);
  expect(app.problems).toEqual([]);
});

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

  // A channel in another spelling: Enter in "Claimed by" sends the analyst to the offer under "Reported via" first.
  await invoke(page, 'actors.create', { name: 'Nordpress', kind: 'outlet', role: '' });
  await selectQuote(page, 'The depot held no ammunition');
  await page.keyboard.press('c');
  const via = form.getByRole('combobox', { name: 'Reported via (optional)' });
  await expect(claimedBy).toHaveValue('Ştefan Dumitrescu');
  await expect(via).toHaveValue('Nordpres');
  await expect(form.getByRole('option', { name: 'Nordpress, and add “Nordpres” as an alias' })).toBeVisible();
  await expect(claimedBy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form.getByText('“Nordpres” may be an actor already known: choose in “Reported via (optional)”.')).toBeVisible();
  await expect(via).toBeFocused();
  expect(await stored(page, articleId, 'no ammunition')).toBeNull();
  await page.keyboard.press('Enter');
  await expect(via).toHaveValue('Nordpress');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'Edit claim' })).toBeVisible();
  expect((await stored(page, articleId, 'no ammunition')).via.name).toBe('Nordpress');
  expect((await invoke(page, 'actors.list', {})).find((a: { name: string }) => a.name === 'Nordpress').aliases).toEqual(['Nordpres']);
  expect(app.problems).toEqual([]);
});
