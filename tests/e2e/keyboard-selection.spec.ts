import type { Page } from '@playwright/test';
import { expect, invoke, pasteArticle, screenshot, test } from './fixtures';

// A fictional report, long enough that its end is below the window.
const TITLE = 'Ministry denies troop pledge';
const LEAD = 'VELMORA (Northern Wire) — The defence ministry said no troops would join the monitoring mission.';
const FILLER = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}: crews at the quay waited for word from the harbour office, and the ferries kept to their timetable.`);
const LAST = 'The mission is expected to begin in the spring, the harbour office said.';
const ARTICLE = [TITLE, LEAD, ...FILLER, LAST].join('\n\n');

async function focusArticleTextByTab(page: Page): Promise<void> {
  const text = page.getByRole('textbox', { name: 'Article text' });
  for (let i = 0; i < 40 && !(await text.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(text).toBeFocused();
}

test('without a mouse: Tab to the text, move its caret, select with Shift, and record the selection as a claim', async ({ page, app }) => {
  await pasteArticle(page, ARTICLE);
  await page.getByRole('link', { name: TITLE }).click();
  const text = page.getByRole('textbox', { name: 'Article text' });
  await expect(text).toContainText(LAST);
  await expect(text).toHaveAccessibleDescription(/Arrow keys move through the text/);
  await focusArticleTextByTab(page);
  const status = page.getByTestId('selection-status');
  const caret = page.getByTestId('keyboard-caret');

  // A caret of its own, at the start of the text: the browser draws none in read-only text.
  await page.keyboard.press('Control+Home');
  await expect(caret).toBeVisible();
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(status).toContainText('Selected 8 characters (offsets 0–8)');
  await expect(caret).toHaveCount(0);
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(status).toContainText('Selected 7 characters (offsets 0–7)');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+ArrowRight');
  await expect(caret).toBeVisible();
  await screenshot(page, 'keyboard-caret');

  // The text's end is below the window: going there scrolls it into view.
  await page.keyboard.press('Control+End');
  await expect(caret).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const box = (await caret.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);

  // The lead paragraph, a paragraph at a time, then C: the claim editor opens on that quote.
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Control+Shift+ArrowDown');
  // To the next paragraph's start, as in a text field; the highlight leaves out the line break.
  const leadStart = Array.from(TITLE).length + 2;
  await expect(status).toContainText(`(offsets ${leadStart}–${leadStart + Array.from(LEAD).length + 2})`);
  await page.keyboard.press('c');
  const editor = page.getByRole('form', { name: 'Tag as claim' });
  const claimedBy = editor.getByRole('combobox', { name: 'Claimed by' });
  await expect(claimedBy).toBeFocused();
  await claimedBy.press('Control+a');
  await page.keyboard.type('Defence ministry');
  await expect(editor.getByRole('option', { name: 'Create new actor “Defence ministry”' })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'Edit claim' })).toBeVisible();
  const claims = page.getByRole('listbox', { name: 'Highlights and claims' }).getByRole('option');
  await expect(claims).toHaveCount(1);
  await expect(claims.first()).toContainText('Defence ministry');
  const [article] = await invoke(page, 'articles.list', {});
  const [highlight] = await invoke(page, 'highlights.list', { articleId: article.id });
  expect(highlight.preview).toBe(LEAD.slice(0, highlight.preview.length));
  expect([highlight.start, highlight.end]).toEqual([leadStart, leadStart + Array.from(LEAD).length]);
  expect(app.problems).toEqual([]);
});
