import { expect, invoke, screenshot, test } from './fixtures';
import { REPORTS, seed } from './seed';

// The four fictional reports of seed.ts, with claims and links as an analyst would have recorded them.
const CLAIMS = [
  { article: 0, quote: '“foreign troops will join the ceasefire-monitoring mission within weeks”', actor: 'İlham Qadirov', tags: ['troops'] },
  { article: 0, quote: 'the first patrols would start near Orlova Bay', actor: 'Zofia Łukasiewicz', tags: ['patrols'] },
  { article: 1, quote: '“There is no agreement on foreign troops and there will be none.”', actor: 'Dmitri Pelkov', via: 'Tass', tags: ['troops', 'denial'] },
  { article: 1, quote: '“No decision on foreign participation has been taken.”', actor: 'Dmitri Pelkov', via: 'Interfax', tags: ['denial'] },
  { article: 2, quote: '“will not include a single armed soldier”', actor: 'Søren Ødegård', tags: ['troops'] },
  { article: 2, quote: '“troops from three countries”', actor: 'İlham Qadirov', tags: ['troops'] },
  { article: 3, quote: '“the first 40 observers arrive on Monday”', actor: 'Officials' },
  { article: 3, quote: '“no foreign soldiers will be deployed”', actor: 'Dmitri Pelkov', tags: ['denial'] },
];
const LINKS: Array<[number, number, string, string, string]> = [
  [0, 2, 'contradicts', 'open', 'Qadirov announces troops; Pelkov denies any agreement.'],
  [5, 7, 'contradicts', 'confirmed', 'Troops from three countries versus no foreign soldiers.'],
  [0, 5, 'corroborates', 'open', 'Qadirov repeats it in Karsk.'],
  [2, 3, 'corroborates', 'confirmed', 'Pelkov says it twice.'],
];

test('the Claims view lists every claim with counts, filters by actor, tag, outlet, article, date and words, sorts, and is read from the keyboard', async ({ page, app }) => {
  const { actors } = await seed(page, REPORTS, CLAIMS, LINKS);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Claims' }).click();
  const list = page.getByRole('listbox', { name: 'Claims' });
  const rows = list.getByRole('option');
  await expect(page.getByTestId('claims-total')).toHaveText('8 claims');
  await expect(rows).toHaveCount(8);
  // Newest first; each row says who, via whom, where, when, the quote, tags and links.
  await expect(rows.first()).toContainText('Koryo Times');
  const qadirov = rows.filter({ hasText: 'ceasefire-monitoring mission' });
  await expect(qadirov).toContainText('İlham Qadirov');
  await expect(qadirov).toContainText('Northern Wire · 4 Mar 2026');
  await expect(qadirov).toContainText('1 contradiction');
  await expect(qadirov).toContainText('1 corroboration');

  // Counts per actor, tag, outlet and article, as a QDA tool's code system shows them.
  const counts = page.getByRole('complementary', { name: 'Claim counts' });
  await expect(counts.getByRole('group', { name: 'Claimed by' }).getByRole('button', { name: 'Dmitri Pelkov, 3 claims' })).toBeVisible();
  await expect(counts.getByRole('group', { name: 'Tags' }).getByRole('button', { name: 'troops, 4 claims' })).toBeVisible();
  await screenshot(page, 'claims-view');

  // Filter by actor: the other counts follow.
  await counts.getByRole('button', { name: 'Dmitri Pelkov, 3 claims' }).click();
  await expect(page.getByTestId('claims-total')).toHaveText('3 claims');
  await expect(counts.getByRole('group', { name: 'Tags' }).getByRole('button', { name: 'denial, 3 claims' })).toBeVisible();
  await expect(counts.getByRole('group', { name: 'Outlets' }).getByRole('button', { name: 'Agence Véritas, 2 claims' })).toBeVisible();
  // …and by outlet on top; the filters are in the address, so a reload keeps them.
  await counts.getByRole('button', { name: 'Agence Véritas, 2 claims' }).click();
  await expect(page.getByTestId('claims-total')).toHaveText('2 claims');
  expect(page.url()).toContain(`actor=${actors.get('Dmitri Pelkov')}`);
  await page.reload();
  await expect(page.getByTestId('claims-total')).toHaveText('2 claims');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('claims-total')).toHaveText('8 claims');

  // Tag, article, dates and words.
  await counts.getByRole('group', { name: 'Tags' }).getByRole('button', { name: /^patrols/ }).click();
  await expect(rows).toHaveCount(1);
  await counts.getByRole('group', { name: 'Tags' }).getByRole('button', { name: /^patrols/ }).click();
  await counts.getByRole('group', { name: 'Articles' }).getByRole('button', { name: /^Mission will be unarmed/ }).click();
  await expect(page.getByTestId('claims-total')).toHaveText('2 claims');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  const filterBar = page.getByRole('search', { name: 'Claim filters' });
  await filterBar.getByLabel('From').fill('2026-03-05');
  await filterBar.getByLabel('To', { exact: true }).fill('2026-03-05');
  await expect(page.getByTestId('claims-total')).toHaveText('4 claims');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Words in the quote' })).toBeFocused();
  await page.keyboard.type('soldier');
  await expect(page.getByTestId('claims-total')).toHaveText('2 claims');
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Sort by actor, ascending.
  await filterBar.getByLabel('Sort by').selectOption({ label: 'Actor' });
  await page.getByRole('button', { name: /^Order: descending/ }).click();
  await expect(rows.first()).toContainText('Dmitri Pelkov');
  await expect(rows.last()).toContainText('Zofia Łukasiewicz');

  // Keyboard: the list has the focus; j moves, End goes to the last, Enter opens the claim in its article.
  await list.focus();
  await page.keyboard.press('j');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(rows.last()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Foreign troops to join monitors, minister says' })).toBeAttached();
  await expect(page.getByRole('complementary', { name: /Claims/ }).getByRole('option', { selected: true })).toContainText('Zofia Łukasiewicz');
  // Back in the list, at the same claim.
  await page.goBack();
  await expect(rows.last()).toHaveAttribute('aria-selected', 'true');
  expect(app.problems).toEqual([]);
});

test('the Actors list counts each actor’s claims, and an actor’s page shows their contradictions and corroborations', async ({ page, app }) => {
  await seed(page, REPORTS, CLAIMS, LINKS);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Actors' }).click();
  const table = page.getByRole('table', { name: 'Actors' });
  await expect(table.getByRole('row', { name: /Dmitri Pelkov/ }).getByRole('link', { name: '3 claims, in the Claims view' })).toHaveText('3');
  await expect(table.getByRole('row', { name: /^Tass/ })).toContainText('0');

  await table.getByRole('link', { name: 'Dmitri Pelkov', exact: true }).click();
  const contradictions = page.getByRole('region', { name: 'Contradictions involving Dmitri Pelkov' });
  const corroborations = page.getByRole('region', { name: 'Corroborations involving Dmitri Pelkov' });
  await expect(contradictions.getByRole('heading')).toHaveText('Contradictions (2)');
  await expect(contradictions.getByRole('listitem')).toHaveCount(2);
  // Pelkov's own claim first, then the other side.
  await expect(contradictions.getByRole('listitem').first().getByRole('link').first()).toContainText('Dmitri Pelkov');
  await expect(contradictions.getByRole('listitem').first().getByRole('link').last()).toContainText('İlham Qadirov');
  await expect(corroborations.getByRole('heading')).toHaveText('Corroborations (1)');
  await screenshot(page, 'actor-page-links');
  // From the page to the other side's claim in its article.
  await contradictions.getByRole('listitem').first().getByRole('link').last().click();
  await expect(page.getByRole('complementary', { name: /Claims/ }).getByRole('option', { selected: true })).toContainText('İlham Qadirov');
  expect(app.problems).toEqual([]);
});

test('the Claims view stays quick with many claims: rows are virtualised and read a page at a time', async ({ page, app }) => {
  const sentences = Array.from({ length: 260 }, (_, i) => `Spokesman ${i} said “statement number ${i} stands”.`);
  const outcome = await invoke(page, 'articles.paste', { text: `Many statements\n\n${sentences.join('\n\n')}`, title: '' });
  const article = await invoke(page, 'articles.get', { id: outcome.articleId });
  const actor = (await invoke(page, 'actors.create', { name: 'The spokesman', kind: 'person', role: '' })).id;
  for (let i = 0; i < sentences.length; i++) {
    const quote = `“statement number ${i} stands”`;
    const start = Array.from(article.text.slice(0, article.text.indexOf(quote))).length;
    const highlight = await invoke(page, 'highlights.create', { articleId: article.id, start, end: start + Array.from(quote).length, quote });
    await invoke(page, 'claims.set', { highlightId: highlight.id, actor: { id: actor } });
  }
  await page.goto(`${app.url}#/claims?sort=article&order=asc`);
  await expect(page.getByTestId('claims-total')).toHaveText('260 claims');
  const rows = page.getByRole('listbox', { name: 'Claims' }).getByRole('option');
  await expect(rows.first()).toContainText('statement number 0 stands');
  expect(await rows.count()).toBeLessThan(30);
  await page.getByRole('listbox', { name: 'Claims' }).focus();
  await page.keyboard.press('End');
  await expect(rows.and(page.getByRole('option', { selected: true }))).toContainText('statement number 259 stands');
  expect(app.problems).toEqual([]);
});

test('the Actors list finds an actor by a spelling without diacritics or by an alias, deletes a stray one that no claim names (undo brings it back), and offers no Delete for one that made or passed on claims', async ({ page, app }) => {
  await seed(page, REPORTS, CLAIMS, LINKS);
  await invoke(page, 'actors.create', { name: 'Stray agency', kind: 'outlet', role: '' });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Actors' }).click();
  const table = page.getByRole('table', { name: 'Actors' });
  const find = page.getByRole('searchbox', { name: 'Find an actor' });
  await find.fill('ilham');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('İlham Qadirov');
  const pelkov = (await invoke<Array<{ id: string; name: string }>>(page, 'actors.list', {})).find((a) => a.name === 'Dmitri Pelkov')!;
  await invoke(page, 'actors.addAlias', { id: pelkov.id, alias: 'D. Pelkow' });
  await find.fill('pelkow');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('Dmitri Pelkov');
  await find.fill('nobody of that name');
  await expect(page.getByText('No actor’s name or alias contains “nobody of that name”.')).toBeVisible();
  await find.fill('');

  // Tass made no claim but passed claims on, and Pelkov made some: neither offers Delete (a merge moves their claims).
  await expect(table.getByRole('row', { name: /^Tass/ })).toContainText(/passed on \d/);
  await expect(table.getByRole('button', { name: 'Delete Tass', exact: true })).toHaveCount(0);
  await expect(table.getByRole('button', { name: 'Delete Dmitri Pelkov' })).toHaveCount(0);

  await table.getByRole('button', { name: 'Delete Stray agency' }).click();
  await expect(table.getByRole('link', { name: 'Stray agency' })).toHaveCount(0);
  await expect(find).toBeFocused();
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(table.getByRole('link', { name: 'Stray agency' })).toBeVisible();
  expect(app.problems).toEqual([]);
});
