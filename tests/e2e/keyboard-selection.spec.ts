import type { Page } from '@playwright/test';
import { expect, invoke, pasteArticle, screenshot, test } from './fixtures';

// A fictional report, long enough that its end is below the window.
const TITLE = 'Ministry denies troop pledge';
const LEAD = 'VELMORA (Northern Wire) — The defence ministry said no troops would join the monitoring mission.';
const FILLER = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}: crews at the quay waited for word from the harbour office, and the ferries kept to their timetable.`);
// The last paragraph is right-to-left (Hebrew: "The mission will begin in the spring, said the harbour office").
const LAST = 'המשימה תתחיל באביב, אמר משרד הנמל.';
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
  const status = page.getByTestId('selection-status');
  const caret = page.getByTestId('keyboard-caret');
  // Tabbed to, the text shows a caret of its own at once: the browser draws none in read-only text.
  await focusArticleTextByTab(page);
  await expect(caret).toBeVisible();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 8; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(status).toContainText('Selected 8 characters (offsets 0–8)');
  await expect(caret).toHaveCount(0);
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(status).toContainText('Selected 7 characters (offsets 0–7)');
  // H highlights it; the caret goes on from the highlight's end.
  await page.keyboard.press('h');
  const claims = page.getByRole('listbox', { name: 'Highlights and claims' }).getByRole('option');
  await expect(claims).toHaveCount(1);
  await expect(caret).toBeVisible();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(status).toContainText('Selected 1 character (offsets 7–8)');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+ArrowRight');
  await expect(caret).toBeVisible();
  await screenshot(page, 'keyboard-caret');

  // The text's end is below the window: going there scrolls it into view. In its right-to-left
  // paragraph, → goes back through the text, as it looks on screen.
  await page.keyboard.press('Control+End');
  await expect(caret).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const length = Array.from(ARTICLE).length;
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(status).toContainText(`Selected 3 characters (offsets ${length - 3}–${length})`);

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
  await expect(claims).toHaveCount(2);
  await expect(claims.filter({ hasText: 'Defence ministry' })).toHaveCount(1);
  const [article] = await invoke(page, 'articles.list', {});
  const highlights = await invoke(page, 'highlights.list', { articleId: article.id });
  expect(highlights.map((h: { start: number; end: number }) => [h.start, h.end])).toEqual([[0, 7], [leadStart, leadStart + Array.from(LEAD).length]]);
  const highlight = highlights[1];
  expect(highlight.claim.actor.name).toBe('Defence ministry');
  expect(highlight.preview).toBe(LEAD.slice(0, highlight.preview.length));
  expect(app.problems).toEqual([]);
});
