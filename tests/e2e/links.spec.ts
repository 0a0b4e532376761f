import type { Page } from '@playwright/test';
import { expect, invoke, screenshot, test } from './fixtures';

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
  'MOSCOW (Agence Véritas) — Tass cited the spokesman Dmitri Peskov as saying: “There is no agreement on foreign troops and there will be none.”',
].join('\n\n');

async function paste(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Paste text…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste an article' });
  await dialog.getByLabel('Article text').fill(text);
  await dialog.getByRole('button', { name: 'Add article' }).click();
  await expect(dialog).toBeHidden();
}

/** Selects `text` in the open article as a drag would. */
async function select(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    for (const p of Array.from(document.querySelectorAll('.article-text p'))) {
      const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text | null;
      const at = node ? node.data.indexOf(needle) : -1;
      if (!node || at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`not in the article: ${needle}`);
  }, text);
}

async function recordClaim(page: Page, title: string, quote: string, actor: string, via?: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Library' }).click();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText(quote);
  await select(page, quote);
  await expect(page.getByTestId('selection-status')).toContainText(`Selected ${Array.from(quote).length} characters`);
  await page.keyboard.press('c');
  const editor = page.getByRole('form', { name: 'Tag as claim' });
  await editor.getByRole('combobox', { name: 'Claimed by' }).fill(actor);
  await editor.getByRole('option', { name: `Create new actor “${actor}”` }).click();
  if (via) {
    await editor.getByRole('combobox', { name: 'Reported via (optional)' }).fill(via);
    await editor.getByRole('option', { name: `Create new actor “${via}”` }).click();
  }
  await editor.getByRole('button', { name: 'Save as claim' }).click();
  await expect(page.getByRole('form', { name: 'Edit claim' })).toBeVisible();
}

test('links two claims as contradicting from the reading view, then triages the contradiction in the review list by keyboard', async ({ page, app }) => {
  await paste(page, WIRE);
  await paste(page, AGENCY);
  await recordClaim(page, 'Moscow denies any deal on foreign monitors', '“There is no agreement on foreign troops and there will be none.”', 'Dmitri Peskov', 'Tass');
  await recordClaim(page, 'Foreign troops to join monitors, Qadirov says', '“foreign troops will join the ceasefire-monitoring mission within weeks”', 'İlham Qadirov');

  // From the Qadirov claim: Contradicts…, find Peskov's claim by a variant spelling of the agency's outlet, link it with a rationale.
  const panel = page.getByRole('complementary', { name: /Claims/ });
  await panel.getByRole('button', { name: 'Contradicts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Contradicts…' });
  await dialog.getByRole('combobox', { name: 'Find the other claim' }).fill('veritas peskov');
  await expect(dialog.getByRole('listbox', { name: 'Matching claims' }).getByRole('option')).toHaveCount(1);
  await expect(dialog.getByRole('listbox', { name: 'Matching claims' }).getByRole('option')).toContainText('Dmitri Peskov');
  await dialog.getByRole('combobox', { name: 'Find the other claim' }).press('Enter');
  await expect(dialog.getByText('Contradicted by')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Rationale' }).fill('Qadirov announces troops for the mission; a day later Peskov denies any agreement.');
  await screenshot(page, 'link-dialog');
  await dialog.getByRole('button', { name: 'Link as contradicting' }).click();
  await expect(dialog).toBeHidden();

  // The claims panel shows the link with the other side's actor, channel, outlet and quote.
  const links = panel.getByRole('region', { name: 'Links of this claim' });
  await expect(links.getByRole('listitem')).toContainText('Dmitri Peskov via Tass');
  await expect(links.getByRole('listitem')).toContainText('Agence Véritas');
  await expect(links.getByRole('listitem')).toContainText('There is no agreement on foreign troops');
  await expect(page.getByTestId('count-contradictions')).toHaveText('1');
  // Following it opens the other article at Peskov's claim.
  await links.getByRole('link', { name: /Open Dmitri Peskov’s claim/ }).click();
  await expect(page.getByRole('heading', { name: 'Moscow denies any deal on foreign monitors' })).toBeVisible();
  await expect(panel.getByRole('option', { selected: true })).toContainText('Dmitri Peskov');
  await expect(panel.getByRole('region', { name: 'Links of this claim' }).getByRole('listitem')).toContainText('İlham Qadirov');

  // The review list: the row shows both sides, earlier first; confirm it from the keyboard.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Review' }).click();
  const list = page.getByRole('listbox', { name: 'Contradictions' });
  const row = list.getByRole('option');
  await expect(row).toHaveCount(1);
  await expect(row.getByLabel('Earlier claim')).toContainText('İlham Qadirov');
  await expect(row.getByLabel('Earlier claim')).toContainText('Northern Wire');
  await expect(row.getByLabel('Later claim')).toContainText('Dmitri Peskov');
  await expect(row.getByLabel('Later claim')).toContainText('via Tass');
  await expect(row).toContainText('a day later Peskov denies any agreement');
  await expect(page.getByTestId('status-count-open')).toHaveText('1');
  await list.focus();
  await page.keyboard.press('c');
  await expect(row.getByText('Confirmed', { exact: true })).toBeVisible();
  await expect(page.getByTestId('status-count-confirmed')).toHaveText('1');
  await expect(page.getByTestId('status-count-open')).toHaveText('0');

  // Filters: by actor, then by status.
  await page.getByLabel('Actor (either side)').selectOption({ label: 'Dmitri Peskov' });
  await expect(row).toHaveCount(1);
  await expect(row.getByLabel('Earlier claim')).toContainText('Dmitri Peskov'); // the chosen actor's side comes first
  await page.getByRole('button', { name: /^Confirmed/ }).click();
  await expect(page.getByTestId('review-total')).toHaveText('0 contradictions');
  await expect(page.getByText('No contradictions match these filters.')).toBeVisible();
  await page.getByRole('button', { name: /^Confirmed/ }).click();
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
  await expect(panel.getByRole('option', { selected: true })).toContainText('Dmitri Peskov');

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
  await expect(row.getByLabel('Later claim')).toContainText('Dmitri Peskov');
  expect(app.problems).toEqual([]);
});
