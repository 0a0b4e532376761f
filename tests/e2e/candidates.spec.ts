import { expect, pasteArticle, recordClaim, screenshot, test } from './fixtures';

// Three fictional reports: a minister announces observers, a spokeswoman denies any agreement,
// and a harbour report whose two claims disagree about ships.
const ANNOUNCEMENT = [
  'Kalder announces observers for Lake Voren',
  'Published 2 June 2026',
  'TERVEL (Northern Wire) — Foreign Minister Anton Kalder said on Tuesday that “international observers will be deployed to Lake Voren next week”.',
].join('\n\n');
const DENIAL = [
  'Spokeswoman denies observer deal',
  'Published 3 June 2026',
  'ORLOVA (Agence Véritas) — The presidential spokeswoman Irina Solvay told reporters: “There is no agreement on observers at Lake Voren.”',
].join('\n\n');
const HARBOUR = [
  'Grain ships leave Keld',
  'Published 5 June 2026',
  'KELD (Baltic Courier) — The harbour master said that twelve grain ships left Keld on Friday.',
  'The transport ministry insisted that no grain ships had left Keld since May.',
].join('\n\n');

test('proposes the contradiction with a readable reason; accepted by keyboard it is an open contradiction; a dismissed pair stays dismissed after reload', async ({ page, app }) => {
  await pasteArticle(page, ANNOUNCEMENT);
  await pasteArticle(page, DENIAL);
  await pasteArticle(page, HARBOUR);
  await recordClaim(page, 'Kalder announces observers for Lake Voren', 'international observers will be deployed to Lake Voren next week', 'Anton Kalder');
  await recordClaim(page, 'Spokeswoman denies observer deal', 'There is no agreement on observers at Lake Voren.', 'Irina Solvay');
  await recordClaim(page, 'Grain ships leave Keld', 'twelve grain ships left Keld on Friday', 'Keld harbour master');
  await recordClaim(page, 'Grain ships leave Keld', 'no grain ships had left Keld since May', 'Transport ministry');

  // The reading view already shows the selected claim's possible contradictions.
  await expect(page.getByRole('region', { name: 'Possible contradictions' })).toContainText('Keld harbour master');

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Review' }).click();
  await page.getByRole('link', { name: 'Candidates: pairs Gainsay proposes' }).click();
  const list = page.getByRole('listbox', { name: 'Candidate pairs' });
  const rows = list.getByRole('option');
  await expect(rows.first()).toBeVisible();
  const observers = rows.filter({ hasText: 'Irina Solvay' });
  await expect(observers).toHaveCount(1);
  const place = Number(await observers.getAttribute('aria-posinset'));
  expect(place).toBeLessThanOrEqual(2);
  await expect(observers.getByLabel('Earlier claim')).toContainText('Anton Kalder');
  await expect(observers.getByLabel('Later claim')).toContainText('Irina Solvay');
  await expect(observers).toContainText('Irina Solvay denies (‘no agreement’), Anton Kalder affirms (‘will be deployed’)');
  await screenshot(page, 'candidates');

  // Accept it by keyboard: it leaves the candidates and is an open contradiction in the review list.
  await list.focus();
  await page.keyboard.press('Home');
  for (let i = 1; i < place; i++) await page.keyboard.press('j');
  await expect(observers).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('c');
  await expect(observers).toHaveCount(0);
  await page.getByRole('link', { name: 'Back to the links' }).click();
  const review = page.getByRole('listbox', { name: 'Contradictions' }).getByRole('option');
  await expect(review).toHaveCount(1);
  await expect(review).toHaveAttribute('aria-label', 'Anton Kalder versus Irina Solvay, open');

  // Dismiss the harbour pair: after a reload it is not proposed again.
  await page.getByRole('link', { name: 'Candidates: pairs Gainsay proposes' }).click();
  const ships = rows.filter({ hasText: 'Keld harbour master' }).filter({ hasText: 'Transport ministry' });
  await expect(ships).toHaveCount(1);
  await ships.click();
  await list.focus();
  await page.keyboard.press('d');
  await expect(ships).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('candidates-total')).not.toHaveText('Reading…');
  await expect(ships).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Irina Solvay' })).toHaveCount(0);
  expect(app.problems).toEqual([]);
});
