import type { Page } from '@playwright/test';
import { expect, invoke, pasteArticle, test } from './fixtures';
import { REPORTS, seed } from './seed';

// Where the keyboard is after each step an analyst takes without the mouse: a dialog opens on
// its first field, a choice moves on to the next field, and closing gives the focus back.

/** A short description of the focused element, for a failure message that says where the focus went. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return !element || element === document.body ? 'the page body' : `${element.tagName} ${element.getAttribute('aria-label') ?? element.textContent?.slice(0, 40)}`;
  });

test('a contradiction is linked from the keyboard alone: the search field has the focus, ↓ and Enter choose, the rationale follows, Ctrl+Enter saves', async ({ page, app }) => {
  const { articleIds, claimIds } = await seed(
    page,
    REPORTS.slice(0, 2),
    [
      { article: 0, quote: '“foreign troops will join the ceasefire-monitoring mission within weeks”', actor: 'İlham Qadirov' },
      { article: 1, quote: '“There is no agreement on foreign troops and there will be none.”', actor: 'Dmitri Pelkov', via: 'Tass' },
      { article: 1, quote: '“No decision on foreign participation has been taken.”', actor: 'Dmitri Pelkov', via: 'Interfax' },
    ],
    [],
  );
  await page.goto(`${app.url}#/article/${articleIds[0]}`);
  const panel = page.getByRole('complementary', { name: /Claims/ });
  await panel.getByRole('option', { name: /İlham Qadirov/ }).click();
  const opener = panel.getByRole('button', { name: 'Contradicts…' });
  await opener.focus();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog', { name: 'Contradicts…' });
  const search = dialog.getByRole('combobox', { name: 'Find the other claim' });
  await expect(search, `focus is on ${await focused(page)}`).toBeFocused();
  await page.keyboard.type('Pelkov');
  const results = dialog.getByRole('listbox', { name: 'Matching claims' }).getByRole('option');
  await expect(results).toHaveCount(2);
  // ↓ moves through the results, not through the kinds of link.
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(dialog.getByRole('radio', { name: 'Contradicts' })).toBeChecked();
  const chosenQuote = (await results.nth(1).innerText()).includes('No decision') ? 2 : 1;
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('Contradicted by')).toBeVisible();

  // The rationale takes the words typed next, and Ctrl+Enter links.
  const rationale = dialog.getByRole('textbox', { name: 'Rationale' });
  await expect(rationale, `focus is on ${await focused(page)}`).toBeFocused();
  await page.keyboard.type('Troops announced, then any agreement denied.');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(opener, `focus is on ${await focused(page)}`).toBeFocused();

  const links = await invoke(page, 'links.forArticle', { articleId: articleIds[0] });
  expect(links.map((l: any) => [l.kind, l.rationaleText, [l.a.claimId, l.b.claimId].sort()])).toEqual([
    ['contradicts', 'Troops announced, then any agreement denied.', [claimIds[0], claimIds[chosenQuote]].sort()],
  ]);

  // Corroborates…, the other claim chosen by Enter, linked with the dialog's button: the focus goes back to Corroborates….
  const corroborates = panel.getByRole('button', { name: 'Corroborates…' });
  await corroborates.focus();
  await page.keyboard.press('Enter');
  const second = page.getByRole('dialog', { name: 'Corroborates…' });
  await page.keyboard.type('Pelkov');
  await expect(second.getByRole('listbox', { name: 'Matching claims' }).getByRole('option')).toHaveCount(2);
  await page.keyboard.press('Enter');
  await expect(second.getByRole('textbox', { name: 'Rationale' })).toBeFocused();
  await second.getByRole('button', { name: 'Link as corroborating' }).focus();
  await page.keyboard.press('Enter');
  await expect(second).toBeHidden();
  await expect(corroborates, `focus is on ${await focused(page)}`).toBeFocused();
  expect((await invoke(page, 'links.forArticle', { articleId: articleIds[0] })).map((l: any) => l.kind).sort()).toEqual(['contradicts', 'corroborates']);
  expect(app.problems).toEqual([]);
});

test('every dialog opens on the field it is for and gives the focus back to what opened it', async ({ page, app }) => {
  await pasteArticle(page, REPORTS[0]!.text);

  /** Opens a dialog by Enter on `opener`, checks the focus, closes it with Escape and checks the focus is back. */
  async function check(opener: ReturnType<Page['getByRole']>, dialogName: string, field: (dialog: ReturnType<Page['getByRole']>) => ReturnType<Page['getByRole']>) {
    await opener.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: dialogName }).or(page.getByRole('alertdialog', { name: dialogName }));
    await expect(dialog).toBeVisible();
    await expect(field(dialog), `${dialogName}: focus is on ${await focused(page)}`).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener, `after ${dialogName}: focus is on ${await focused(page)}`).toBeFocused();
  }

  await check(page.getByRole('button', { name: 'Paste text…' }), 'Paste an article', (d) => d.getByRole('textbox', { name: 'Article text' }));
  await check(page.getByRole('button', { name: 'Preferences…' }), 'Preferences', (d) => d.getByRole('textbox', { name: 'Your name' }));
  await check(page.getByRole('button', { name: 'Shortcuts' }), 'Keyboard shortcuts', (d) => d.getByRole('button', { name: 'Close' }));
  await check(page.getByRole('button', { name: /^Delete “/ }), 'Delete article?', (d) => d.getByRole('button', { name: 'Keep article' }));
  // With no field marked to start on, a dialog starts where Tab would: on the chosen format, on the first button.
  await check(page.getByRole('button', { name: 'Import annotations…' }), 'Import annotations', (d) => d.getByRole('button', { name: 'Choose a folder…' }));
  await check(page.getByRole('button', { name: 'Export…' }), 'Export the project', (d) => d.getByRole('radio', { checked: true }));
  expect(app.problems).toEqual([]);
});

test('two claims chosen for linking: the link dialog opens on the rationale, and once linked the focus is back where the second was chosen', async ({ page, app }) => {
  const { articleIds } = await seed(
    page,
    REPORTS.slice(0, 2),
    [
      { article: 0, quote: '“foreign troops will join the ceasefire-monitoring mission within weeks”', actor: 'İlham Qadirov' },
      { article: 1, quote: '“There is no agreement on foreign troops and there will be none.”', actor: 'Dmitri Pelkov', via: 'Tass' },
    ],
    [],
  );
  await page.goto(`${app.url}#/article/${articleIds[0]}`);
  const panel = page.getByRole('complementary', { name: /Claims/ });
  await panel.getByRole('option', { name: /İlham Qadirov/ }).click();
  await panel.getByRole('button', { name: 'Choose for linking' }).click();
  await page.goto(`${app.url}#/article/${articleIds[1]}`);
  await panel.getByRole('option', { name: /Dmitri Pelkov/ }).click();
  await panel.getByRole('button', { name: 'Choose for linking' }).click();
  const bar = page.getByRole('complementary', { name: 'Claims chosen for linking' });
  await bar.getByRole('button', { name: 'Link as contradicting…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Contradicts…' });
  await expect(dialog.getByRole('textbox', { name: 'Rationale' }), `focus is on ${await focused(page)}`).toBeFocused();
  await page.keyboard.type('Same day, opposite answers.');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  // The bar went with its button: the focus is back where the second claim was chosen.
  await expect(panel.getByRole('button', { name: 'Choose for linking' }), `focus is on ${await focused(page)}`).toBeFocused();
  const links = await invoke(page, 'links.forArticle', { articleId: articleIds[0] });
  expect(links.map((l: any) => [l.kind, l.rationaleText])).toEqual([['contradicts', 'Same day, opposite answers.']]);
  expect(app.problems).toEqual([]);
});

test('the Candidates view takes its keys at once: c accepts the first pair without a click or Tab first, and the focus stays in the view when no pair is left', async ({ page, app }) => {
  await seed(
    page,
    REPORTS.slice(0, 2),
    [
      { article: 0, quote: '“foreign troops will join the ceasefire-monitoring mission within weeks”', actor: 'İlham Qadirov' },
      { article: 1, quote: '“There is no agreement on foreign troops and there will be none.”', actor: 'Dmitri Pelkov', via: 'Tass' },
    ],
    [],
  );
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Review' }).click();
  await page.getByRole('link', { name: /Candidates/ }).focus();
  await page.keyboard.press('Enter');
  const list = page.getByRole('listbox', { name: 'Candidate pairs' });
  await expect(list.getByRole('option').first()).toBeVisible();
  await expect(list, `focus is on ${await focused(page)}`).toBeFocused();
  await page.keyboard.press('c');
  await expect(page.getByTestId('count-contradictions')).toHaveText('1');
  // That was the only pair: the message that none is left has the focus, not the page body.
  await expect(page.getByText(/^No possible contradictions to look at\./), `focus is on ${await focused(page)}`).toBeFocused();
  expect(app.problems).toEqual([]);
});

test('back to the Library from an article by the keyboard: the focus is on that article’s row', async ({ page, app }) => {
  await pasteArticle(page, REPORTS[0]!.text);
  await pasteArticle(page, REPORTS[1]!.text);
  const table = page.getByRole('table', { name: 'Articles' });
  const article = table.getByRole('link', { name: 'Moscow denies any deal on monitors 🇷🇺' });
  await article.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();
  await page.getByRole('link', { name: '← Library' }).focus();
  await page.keyboard.press('Enter');
  await expect(table).toBeVisible();
  await expect(article, `focus is on ${await focused(page)}`).toBeFocused();

  // An article deleted from the reading view has no row: the focus is on the Library's heading.
  await article.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Delete article' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: /^Delete/ }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('heading', { name: 'Library' }), `focus is on ${await focused(page)}`).toBeFocused();
  expect(app.problems).toEqual([]);
});

test('deleting an article from its row in the Library by the keyboard: the focus goes to the next row, or the heading when none is left', async ({ page, app }) => {
  await pasteArticle(page, REPORTS[0]!.text);
  await pasteArticle(page, REPORTS[1]!.text);
  const table = page.getByRole('table', { name: 'Articles' });
  await expect(table.getByRole('row')).toHaveCount(3);
  const [first, second] = await table.getByRole('row').locator('a').allTextContents();
  await table.getByRole('button', { name: `Delete “${first}”` }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('alertdialog').getByRole('button', { name: /^Delete/ }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('link', { name: second }), `focus is on ${await focused(page)}`).toBeFocused();
  await table.getByRole('button', { name: `Delete “${second}”` }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('alertdialog').getByRole('button', { name: /^Delete/ }).click();
  await expect(page.getByRole('heading', { name: 'Library' }), `focus is on ${await focused(page)}`).toBeFocused();
  expect(app.problems).toEqual([]);
});
