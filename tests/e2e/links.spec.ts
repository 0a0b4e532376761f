import type { Page } from '@playwright/test';
import { expect, invoke, pasteArticle, recordClaim, screenshot, test } from './fixtures';
import { REPORTS, seed } from './seed';

// Two fictional reports of the same day: a minister says foreign troops will join the mission,
// an agency quotes a spokesman denying any agreement.
const WIRE = [
  'Foreign troops to join monitors, Qadirov says',
  'By Lena Marsh',
  'Published 4 March 2026',
  'VELMORA (Northern Wire) — Foreign Minister İlham Qadirov said on Tuesday that “foreign troops will join the ceasefire-monitoring mission within weeks”.',
  'Subscribe to our newsletters',
].join('\n\n');
const AGENCY = [
  'Moscow denies any deal on foreign monitors',
  'Published 5 March 2026',
  'MOSCOW (Agence Véritas) — Tass cited the spokesman Dmitri Pelkov as saying: “There is no agreement on foreign troops and there will be none.”',
].join('\n\n');


test('links two claims as contradicting from the reading view, then triages the contradiction in the review list by keyboard', async ({ page, app }) => {
  await pasteArticle(page, WIRE);
  await pasteArticle(page, AGENCY);
  await recordClaim(page, 'Moscow denies any deal on foreign monitors', '“There is no agreement on foreign troops and there will be none.”', 'Dmitri Pelkov', 'Tass');
  await recordClaim(page, 'Foreign troops to join monitors, Qadirov says', '“foreign troops will join the ceasefire-monitoring mission within weeks”', 'İlham Qadirov');

  // From the Qadirov claim: Contradicts…, find Pelkov's claim by a variant spelling of the agency's outlet, link it with a rationale.
  const panel = page.getByRole('complementary', { name: /Claims/ });
  await panel.getByRole('button', { name: 'Contradicts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Contradicts…' });
  await dialog.getByRole('combobox', { name: 'Find the other claim' }).fill('veritas pelkov');
  await expect(dialog.getByRole('listbox', { name: 'Matching claims' }).getByRole('option')).toHaveCount(1);
  await expect(dialog.getByRole('listbox', { name: 'Matching claims' }).getByRole('option')).toContainText('Dmitri Pelkov');
  await dialog.getByRole('combobox', { name: 'Find the other claim' }).press('Enter');
  await expect(dialog.getByText('Contradicted by')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Rationale' }).fill('Qadirov announces troops for the mission; a day later Pelkov denies any agreement.');
  await screenshot(page, 'link-dialog');
  await dialog.getByRole('button', { name: 'Link as contradicting' }).click();
  await expect(dialog).toBeHidden();

  // The claims panel shows the link with the other side's actor, channel, outlet and quote.
  const links = panel.getByRole('region', { name: 'Links of this claim' });
  await expect(links.getByRole('listitem')).toContainText('Dmitri Pelkov via Tass');
  await expect(links.getByRole('listitem')).toContainText('Agence Véritas');
  await expect(links.getByRole('listitem')).toContainText('There is no agreement on foreign troops');
  await expect(page.getByTestId('count-contradictions')).toHaveText('1');
  // Following it opens the other article at Pelkov's claim.
  await links.getByRole('link', { name: /Open Dmitri Pelkov’s claim/ }).click();
  await expect(page.getByRole('heading', { name: 'Moscow denies any deal on foreign monitors' })).toBeVisible();
  await expect(panel.getByRole('option', { selected: true })).toContainText('Dmitri Pelkov');
  await expect(panel.getByRole('region', { name: 'Links of this claim' }).getByRole('listitem')).toContainText('İlham Qadirov');

  // The review list: the row shows both sides, earlier first; confirm it from the keyboard.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Review' }).click();
  const list = page.getByRole('listbox', { name: 'Contradictions' });
  const row = list.getByRole('option');
  await expect(row).toHaveCount(1);
  await expect(row.getByLabel('Earlier claim')).toContainText('İlham Qadirov');
  await expect(row.getByLabel('Earlier claim')).toContainText('Northern Wire');
  await expect(row.getByLabel('Later claim')).toContainText('Dmitri Pelkov');
  await expect(row.getByLabel('Later claim')).toContainText('via Tass');
  await expect(row).toContainText('a day later Pelkov denies any agreement');
  await expect(page.getByTestId('status-count-open')).toHaveText('1');
  await list.focus();
  await page.keyboard.press('c');
  await expect(row.getByText('Confirmed', { exact: true })).toBeVisible();
  await expect(page.getByTestId('status-count-confirmed')).toHaveText('1');
  await expect(page.getByTestId('status-count-open')).toHaveText('0');

  // Filters: by actor, then by status.
  await page.getByLabel('Actor (either side)').selectOption({ label: 'Dmitri Pelkov' });
  await expect(row).toHaveCount(1);
  await expect(row.getByLabel('Earlier claim')).toContainText('Dmitri Pelkov'); // the chosen actor's side comes first
  // A status chip shows only that status; clicked again, all of them.
  const openOnly = page.getByRole('group', { name: 'Status' }).getByRole('button', { name: /^Open/ });
  await openOnly.click();
  await expect(page.getByTestId('review-total')).toHaveText('0 contradictions');
  await expect(page.getByText('No contradictions match these filters.')).toBeVisible();
  await openOnly.click();
  await expect(row).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Open both sources from the row, by keyboard, coming back each time.
  await list.focus();
  await page.keyboard.press('1');
  await expect(page.getByRole('heading', { name: 'Foreign troops to join monitors, Qadirov says' })).toBeVisible();
  await expect(panel.getByRole('option', { selected: true })).toContainText('İlham Qadirov');
  await page.goBack();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await list.focus();
  await page.keyboard.press('2');
  await expect(page.getByRole('heading', { name: 'Moscow denies any deal on foreign monitors' })).toBeVisible();
  await expect(panel.getByRole('option', { selected: true })).toContainText('Dmitri Pelkov');

  // Edit the rationale by keyboard, then reload: everything is still there.
  await page.goBack();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await list.focus();
  await page.keyboard.press('e');
  const rationale = page.getByRole('dialog', { name: /Rationale/ }).getByRole('textbox', { name: 'Rationale' });
  await expect(rationale).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' Both on record.');
  await page.keyboard.press('Control+Enter');
  await expect(row).toContainText('Both on record.');
  await page.reload();
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Confirmed');
  await expect(row).toContainText('Both on record.');
  await expect(row.getByLabel('Later claim')).toContainText('Dmitri Pelkov');
  expect(app.problems).toEqual([]);
});

test('a highlight must become a claim before it is linked; two claims chosen in different lists are linked; deleting a linked claim asks and undo restores both', async ({ page, app }) => {
  const { articleIds } = await seed(
    page,
    REPORTS.slice(0, 2),
    [
      { article: 0, quote: '“foreign troops will join the ceasefire-monitoring mission within weeks”', actor: 'İlham Qadirov' },
      { article: 1, quote: '“There is no agreement on foreign troops and there will be none.”', actor: 'Dmitri Pelkov', via: 'Tass' },
    ],
    [],
  );
  const plain = await invoke(page, 'articles.get', { id: articleIds[0] });
  const start = Array.from(plain.text.slice(0, plain.text.indexOf('40 observers'))).length;
  await invoke(page, 'highlights.create', { articleId: plain.id, start, end: start + 12, quote: '40 observers' });

  // A plain highlight offers to be tagged first.
  await page.goto(`${app.url}#/article/${articleIds[0]}`);
  const panel = page.getByRole('complementary', { name: /Claims/ });
  await panel.getByRole('option', { name: /40 observers/ }).click();
  await panel.getByRole('button', { name: 'Contradicts…' }).click();
  await expect(panel.getByText('Only claims can be linked. Record who made this highlight first')).toBeVisible();
  await expect(panel.getByRole('combobox', { name: 'Claimed by' })).toBeFocused();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Choose Qadirov's claim here and Pelkov's on his actor page; the bar links the two.
  await panel.getByRole('option', { name: /İlham Qadirov/ }).click();
  await panel.getByRole('button', { name: 'Choose for linking' }).click();
  const bar = page.getByRole('complementary', { name: 'Claims chosen for linking' });
  await expect(bar).toContainText('Choose a second claim');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Actors' }).click();
  await page.getByRole('link', { name: 'Dmitri Pelkov' }).click();
  await page.getByRole('button', { name: 'Choose for linking' }).click();
  await bar.getByRole('button', { name: 'Link as corroborating…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Corroborates…' });
  await expect(dialog.getByRole('combobox', { name: 'Find the other claim' })).toHaveCount(0);
  await expect(dialog).toContainText('Dmitri Pelkov');
  await dialog.getByRole('button', { name: 'Link as corroborating' }).click();
  await expect(bar).toBeHidden();

  await page.goto(`${app.url}#/review?kind=corroborates`);
  await expect(page.getByRole('listbox', { name: 'Corroborations' }).getByRole('option')).toHaveCount(1);

  // Deleting the Qadirov claim warns that its link goes with it; undo brings both back.
  await page.goto(`${app.url}#/article/${articleIds[0]}`);
  await panel.getByRole('option', { name: /İlham Qadirov/ }).click();
  await expect(panel.getByRole('option', { name: /İlham Qadirov/ })).toContainText('1 link');
  await panel.getByRole('button', { name: 'Delete highlight' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete this claim?' });
  await expect(confirm).toContainText('linked to 1 other claim');
  await confirm.getByRole('button', { name: 'Delete claim and 1 link' }).click();
  await expect(panel.getByRole('option', { name: /İlham Qadirov/ })).toHaveCount(0);
  await page.getByRole('button', { name: /Undo/ }).click();
  await expect(panel.getByRole('option', { name: /İlham Qadirov/ })).toContainText('1 link');
  await page.goto(`${app.url}#/review?kind=corroborates`);
  await expect(page.getByRole('listbox', { name: 'Corroborations' }).getByRole('option')).toHaveCount(1);
  expect(app.problems).toEqual([]);
});

test('the review list of a worked project: pairs, sorting, searching and triage with the status filter on', async ({ page, app }) => {
  await page.setViewportSize({ width: 1440, height: 960 });
  await seed(
    page,
    REPORTS,
    [
      { article: 0, quote: '“foreign troops will join the ceasefire-monitoring mission within weeks”', actor: 'İlham Qadirov', tags: ['foreign troops'] },
      { article: 1, quote: '“There is no agreement on foreign troops and there will be none.”', actor: 'Dmitri Pelkov', via: 'Tass', tags: ['foreign troops', 'denial'] },
      { article: 1, quote: '“No decision on foreign participation has been taken.”', actor: 'Dmitri Pelkov', via: 'Interfax', tags: ['denial'] },
      { article: 2, quote: 'the mission “will not include a single armed soldier”', actor: 'Søren Ødegård', tags: ['armed'] },
      { article: 2, quote: '“troops from three countries”', actor: 'İlham Qadirov', tags: ['foreign troops'] },
      { article: 3, quote: '“no foreign soldiers will be deployed”', actor: 'Dmitri Pelkov', tags: ['denial'] },
      { article: 0, quote: '40 observers had already been named', actor: 'İlham Qadirov' },
      { article: 3, quote: '“the first 40 observers arrive on Monday”', actor: 'Koryo Times 高丽时报' },
    ],
    [
      [0, 1, 'contradicts', 'confirmed', 'Qadirov announces foreign troops; the Kremlin, via Tass, denies any agreement a day later.'],
      [0, 2, 'contradicts', 'open', 'Interfax’s wording is softer (“no decision”), but it still contradicts a firm announcement.'],
      [4, 3, 'contradicts', 'open', 'The envoy says no armed soldiers; the minister speaks of troops from three countries.'],
      [4, 5, 'contradicts', 'open', ''],
      [0, 3, 'contradicts', 'dismissed', 'Observers are not troops: the envoy may be talking about something else.'],
      [1, 2, 'corroborates', 'confirmed', 'The same denial reported by two agencies in two wordings.'],
      [6, 7, 'corroborates', 'open', 'Both give 40 observers.'],
    ],
  );
  await page.goto(`${app.url}#/review`);
  const list = page.getByRole('listbox', { name: 'Contradictions' });
  const rows = list.getByRole('option');
  // The list takes the focus when it opens, so the triage keys work at once.
  await expect(list).toBeFocused();
  await expect(rows).toHaveCount(5);
  await expect(page.getByTestId('status-count-open')).toHaveText('3');
  await expect(page.getByTestId('status-count-confirmed')).toHaveText('1');
  await expect(page.getByTestId('status-count-dismissed')).toHaveText('1');
  // Who contradicts whom: Qadirov and Pelkov, three times.
  const pairs = page.getByRole('region', { name: 'Who contradicts whom' });
  await expect(pairs.getByRole('button').first()).toContainText('Dmitri Pelkov vs İlham Qadirov');
  await expect(pairs.getByRole('button').first()).toContainText('3');
  await screenshot(page, 'review-list');

  await pairs.getByRole('button', { name: /Dmitri Pelkov vs İlham Qadirov/ }).click();
  await expect(rows).toHaveCount(3);
  await expect(page.getByLabel('Actor (either side)')).toHaveValue(/.+/);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows).toHaveCount(5);

  // Words in quotes or rationale, ignoring diacritics.
  await page.getByRole('searchbox').fill('odegard');
  await expect(rows).toHaveCount(0);
  await page.getByRole('searchbox').fill('armed soldier');
  await expect(rows).toHaveCount(2);
  await expect(page).toHaveURL(/q=armed\+soldier/);
  await page.getByRole('searchbox').fill('SOFTER');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Interfax’s wording is softer');
  await page.getByRole('searchbox').fill('');
  await expect(rows).toHaveCount(5);

  // Triage the open ones: with only "open" shown, each decision makes way for the next.
  const chips = page.getByRole('group', { name: 'Status' });
  await chips.getByRole('button', { name: /^Dismissed/ }).click();
  await expect(rows).toHaveCount(1);
  await chips.getByRole('button', { name: /^Confirmed/ }).click({ modifiers: ['Control'] });
  await expect(rows).toHaveCount(2);
  await chips.getByRole('button', { name: /^Open/ }).click();
  await expect(chips.getByRole('button', { name: /^Confirmed/ })).toHaveAttribute('aria-pressed', 'false');
  await expect(rows).toHaveCount(3);
  await list.focus();
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('k');
  await page.keyboard.press('d');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('status-count-dismissed')).toHaveText('2');
  await page.keyboard.press('c');
  await expect(rows).toHaveCount(1);
  // Undo from the keyboard brings the last decision back.
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(2);
  // Corroborations are the same list with another kind.
  await page.getByRole('button', { name: 'Corroborations' }).click();
  await expect(page.getByRole('listbox', { name: 'Corroborations' }).getByRole('option')).toHaveCount(1);
  expect(app.problems).toEqual([]);
});

test('two windows on one project: each sees the other’s changes, the later edit of a link wins field by field, and nothing is lost', async ({ page, app, context }) => {
  await seed(
    page,
    REPORTS.slice(0, 2),
    [
      { article: 0, quote: '“foreign troops will join the ceasefire-monitoring mission within weeks”', actor: 'İlham Qadirov' },
      { article: 1, quote: '“There is no agreement on foreign troops and there will be none.”', actor: 'Dmitri Pelkov', via: 'Tass' },
    ],
    [[0, 1, 'contradicts', 'open', '']],
  );
  await page.goto(`${app.url}#/review`);
  const other = await context.newPage();
  await other.goto(`${app.url}#/review`);
  const rowIn = (p: Page) => p.getByRole('listbox', { name: 'Contradictions' }).getByRole('option');
  await expect(rowIn(page)).toHaveCount(1);
  await expect(rowIn(other)).toHaveCount(1);

  // This window writes a rationale; the other, still showing none, confirms.
  await page.getByRole('listbox', { name: 'Contradictions' }).focus();
  await page.keyboard.press('e');
  await page.getByRole('dialog', { name: /Rationale/ }).getByRole('textbox', { name: 'Rationale' }).fill('Written in the first window.');
  await page.getByRole('button', { name: 'Save rationale' }).click();
  await other.getByRole('button', { name: 'Confirm', exact: true }).click();
  // Both windows end with both changes.
  for (const p of [page, other]) {
    await expect(rowIn(p)).toContainText('Written in the first window.');
    await expect(rowIn(p)).toContainText('Confirmed');
    await expect(p.getByTestId('count-contradictions')).toHaveText('1');
  }
  // The other window deletes the link: this one's list and counts follow.
  await other.getByRole('button', { name: 'Delete link' }).click();
  await other.getByRole('alertdialog').getByRole('button', { name: 'Delete link' }).click();
  await expect(rowIn(page)).toHaveCount(0);
  await expect(page.getByTestId('count-contradictions')).toHaveText('0');
  expect(app.problems).toEqual([]);
});

test('a rationale longer than lists show is listed cut short, and the rationale dialog edits the whole of it', async ({ page, app }) => {
  const long = `Opposite answers on the same day. ${'Pelkov denies any agreement that Qadirov announced. '.repeat(60)}Last words.`;
  await seed(
    page,
    REPORTS.slice(0, 2),
    [
      { article: 0, quote: '“foreign troops will join the ceasefire-monitoring mission within weeks”', actor: 'İlham Qadirov' },
      { article: 1, quote: '“There is no agreement on foreign troops and there will be none.”', actor: 'Dmitri Pelkov', via: 'Tass' },
    ],
    [[0, 1, 'contradicts', 'open', long]],
  );
  await page.goto(`${app.url}#/review`);
  const list = page.getByRole('listbox', { name: 'Contradictions' });
  const row = list.getByRole('option');
  await expect(row).toContainText('Opposite answers on the same day.');
  await list.focus();
  await page.keyboard.press('e');
  const rationale = page.getByRole('dialog', { name: /Rationale/ }).getByRole('textbox', { name: 'Rationale' });
  await expect(rationale).toBeFocused();
  await expect(rationale).toContainText('Last words.');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Both on record.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const [link] = (await invoke(page, 'links.review', { filters: {} })).rows;
  const saved = await invoke(page, 'links.get', { id: link.id });
  expect(saved.rationaleText).toBe(`${long} Both on record.`);
  // Ctrl+Enter saved, and added no empty paragraph to the note.
  const paragraphs = JSON.parse(saved.rationaleJson).root.children as Array<{ children: unknown[] }>;
  expect(paragraphs.map((p) => p.children.length > 0)).toEqual(paragraphs.map(() => true));
  expect(app.problems).toEqual([]);
});
