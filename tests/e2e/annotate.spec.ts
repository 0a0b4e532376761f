import type { Page } from '@playwright/test';
import { expect, highlightedTexts, pasteArticle, screenshot, select, test } from './fixtures';

const ARTICLE = [
  'Mission row deepens 👍🏽 as Moscow denies deal',
  'VELMORA (Northern Wire) — Foreign Minister İlham Qadirov said on Tuesday that foreign troops would join the monitoring mission.',
  'Tass cited the spokesman Dmitri Pelkov as saying: “There is no agreement and there will be none.”',
  'Interfax quoted Pelkov separately: “No decision on foreign participation has been taken.”',
].join('\n\n');


/** The text under every painted highlight, by highlight name. */
async function painted(page: Page): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const { name, text } of await highlightedTexts(page, /^gs-/)) (out[name] ??= []).push(text);
  for (const texts of Object.values(out)) texts.sort();
  return out;
}

async function openArticle(page: Page): Promise<void> {
  await pasteArticle(page, ARTICLE);
  await page.getByRole('link', { name: 'Mission row deepens 👍🏽 as Moscow denies deal' }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toBeVisible();
}

test('records a claim with a new actor, a channel and a tag, adds an alias by variant spelling, survives reload, and undoes and redoes each step', async ({ page, app }) => {
  await openArticle(page);
  const panel = page.getByRole('complementary', { name: /Claims/ });
  const items = panel.getByRole('listbox', { name: 'Highlights and claims' }).getByRole('option');

  // 1. Select the quoted sentence and record it as a claim.
  const quote = '“There is no agreement and there will be none.”';
  await select(page, quote);
  await expect(page.getByTestId('selection-status')).toContainText(`Selected ${Array.from(quote).length} characters`);
  await page.getByRole('button', { name: 'Record claim…' }).click();
  const editor = panel.getByRole('form', { name: 'Tag as claim' });
  const claimedBy = editor.getByRole('combobox', { name: 'Claimed by' });
  await expect(claimedBy).toBeFocused();
  await claimedBy.fill('Dmitri Pelkov');
  await editor.getByRole('option', { name: 'Create new actor “Dmitri Pelkov”' }).click();
  const via = editor.getByRole('combobox', { name: 'Reported via (optional)' });
  await via.fill('Tass');
  await editor.getByRole('option', { name: 'Create new actor “Tass”' }).click();
  await expect(editor.getByLabel('Kind of new actor (channel)')).toHaveValue('outlet');
  await editor.getByLabel('Tags (separate with commas)').fill('foreign troops, denial');
  await editor.getByRole('textbox', { name: 'Note' }).fill('Quoted directly by Tass.');
  await editor.getByRole('button', { name: 'Save as claim' }).click();
  await expect(items.first()).toContainText('Dmitri Pelkov via Tass');
  await expect(items.first()).toContainText('foreign troops');
  await expect(page.getByTestId('count-claims')).toHaveText('1');

  // 2. A second claim, typed with a variant spelling: the existing actor is offered with "add as alias".
  const second = '“No decision on foreign participation has been taken.”';
  await select(page, second);
  // The page learns of a selection from an asynchronous selectionchange: wait for it before the key.
  await expect(page.getByTestId('selection-status')).toContainText(`Selected ${Array.from(second).length} characters`);
  await page.keyboard.press('c');
  const editor2 = panel.getByRole('form', { name: 'Tag as claim' });
  await editor2.getByRole('combobox', { name: 'Claimed by' }).fill('Dmitri Pelkow');
  await editor2.getByRole('option', { name: 'Dmitri Pelkov, and add “Dmitri Pelkow” as an alias' }).click();
  await editor2.getByRole('button', { name: 'Save as claim' }).click();
  // The channel was filled in from “Interfax quoted Pelkov”: a third actor, an outlet.
  await expect(items.nth(1)).toContainText('Dmitri Pelkov via Interfax');
  await expect(page.getByTestId('count-actors')).toHaveText('3');

  // 3. Reload: everything is still there, and highlighted.
  await page.reload();
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('Dmitri Pelkov via Tass');
  await expect.poll(async () => Object.values(await painted(page)).flat().sort()).toEqual([quote, second].sort());
  await items.first().click();
  await expect(panel.getByRole('form', { name: 'Edit claim' }).getByRole('textbox', { name: 'Note' })).toHaveText('Quoted directly by Tass.');
  await panel.getByRole('link', { name: 'All claims by Dmitri Pelkov' }).click();
  await expect(page.getByRole('list', { name: 'Aliases' })).toContainText('Dmitri Pelkow');
  await expect(page.getByRole('list', { name: 'Claims by Dmitri Pelkov' }).getByRole('listitem')).toHaveCount(2);
  await page.goBack();
  await expect(items).toHaveCount(2);

  // 4. Undo each step, then redo each, with the keyboard.
  const undo = page.getByRole('group', { name: 'Undo and redo' });
  const steps: Array<[RegExp, () => Promise<void>]> = [
    [/^Undo Tag claim “No decision/, () => expect(items.nth(1)).toContainText('Highlight, not yet a claim')],
    [/^Undo Add alias Dmitri Pelkow/, () => expect(page.getByTestId('count-actors')).toHaveText('2')],
    [/^Undo Highlight “No decision/, () => expect(items).toHaveCount(1)],
    [/^Undo Tag claim “There is no agreement/, () => expect(page.getByTestId('count-actors')).toHaveText('0')],
    [/^Undo Highlight “There is no agreement/, () => expect(items).toHaveCount(0)],
  ];
  // Out of the fields, so the keys go to the app (the title is kept for screen readers: the text's headline line is shown).
  await page.getByRole('heading', { level: 2, name: /Mission row/ }).focus();
  for (const [label, check] of steps) {
    await expect(undo.getByRole('button', { name: label })).toBeEnabled();
    await page.keyboard.press('Control+z');
    await check();
  }
  await expect(undo.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  for (let i = 0; i < steps.length; i++) await page.keyboard.press('Control+Shift+z');
  await expect(items).toHaveCount(2);
  await expect(items.nth(1)).toContainText('Dmitri Pelkov');
  await expect(page.getByTestId('count-claims')).toHaveText('2');
  await expect(undo.getByRole('button', { name: 'Redo', exact: true })).toBeDisabled();
  expect(app.problems).toEqual([]);
});

test('nested and overlapping highlights, ten deep, are painted darker and can each be selected', async ({ page, app }) => {
  await openArticle(page);
  const articleId = page.url().split('/article/')[1]!;
  const sentence = 'Foreign Minister İlham Qadirov said on Tuesday that foreign troops would join the monitoring mission.';
  const actors = ['İlham Qadirov', 'Northern Wire', 'Dmitri Pelkov', 'Tass', 'Interfax', 'Agence Véritas', 'Meridian Daily', 'Søren Ødegård', 'Zofia Łukasiewicz', 'Koryo Times'];
  await page.evaluate(
    async ({ articleId, sentence, actors }) => {
      const token = sessionStorage.getItem('gainsay.token')!;
      const call = async (method: string, input: unknown) => {
        const r = await fetch('api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Gainsay-Token': token }, body: JSON.stringify({ method, input }) });
        const result = await r.json();
        if (!result.ok) throw new Error(result.error.message);
        return result.value;
      };
      const article = await call('articles.get', { id: articleId });
      const points = Array.from(article.text as string);
      const base = Array.from((article.text as string).slice(0, (article.text as string).indexOf(sentence))).length;
      const length = Array.from(sentence).length;
      for (let i = 0; i < 10; i++) {
        // Ten nested spans shrinking towards the middle, plus one crossing the others.
        const start = base + i * 4;
        const end = base + length - i * 4;
        const h = await call('highlights.create', { articleId, start, end, quote: points.slice(start, end).join('') });
        await call('claims.set', { highlightId: h.id, actor: { name: actors[i], kind: 'person' } });
      }
      const crossStart = base + 60;
      const crossEnd = base + length + 20;
      await call('highlights.create', { articleId, start: crossStart, end: crossEnd, quote: points.slice(crossStart, crossEnd).join('') });
    },
    { articleId, sentence, actors },
  );
  await page.reload();
  const list = page.getByRole('listbox', { name: 'Highlights and claims' });
  const items = list.getByRole('option');
  await expect(items).toHaveCount(11);
  // Painting follows the paragraphs' visibility, a frame or two after the list appears.
  const depths = async () => Object.keys(await painted(page)).map((n) => n.replace(/^gs-[a-z0-9]+-/, ''));
  await expect.poll(depths).toContain('d10');
  expect(await depths()).toContain('d1');

  // Every highlight can be selected from the panel (with the keyboard) ...
  await items.first().click();
  await expect(list).toBeFocused();
  for (let i = 0; i < 11; i++) {
    await expect(items.nth(i)).toHaveAttribute('aria-selected', 'true');
    await expect(list).toHaveAttribute('aria-activedescendant', (await items.nth(i).getAttribute('id'))!);
    await page.keyboard.press('ArrowDown');
  }
  // ... and by clicking the text: each click on the same word goes one level outwards.
  const word = page.locator('.article-text p').nth(1);
  const box = (await page.evaluate(() => {
    const p = document.querySelectorAll('.article-text p')[1]!;
    const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
    const at = node.data.indexOf('troops');
    const range = document.createRange();
    range.setStart(node, at + 2);
    range.setEnd(node, at + 3);
    const r = range.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }))!;
  const seen = new Set<string>();
  for (let i = 0; i < 11; i++) {
    await page.mouse.click(box.x, box.y);
    const active = await page.locator('.claim-item.active .claim-who').textContent();
    seen.add(active!);
  }
  expect(seen.size).toBeGreaterThanOrEqual(10);
  await page.mouse.move(box.x, box.y);
  await expect(page.getByRole('tooltip')).toContainText('Koryo Times');
  await page.keyboard.press('Escape');
  await word.scrollIntoViewIfNeeded();
  await screenshot(page, 'nested-highlights');
  expect(app.problems).toEqual([]);
});

test('a name typed without picking from the list is used as typed: a new actor, or the existing one of that name, and never dropped', async ({ page, app }) => {
  await openArticle(page);
  const panel = page.getByRole('complementary', { name: /Claims/ });
  const items = panel.getByRole('listbox', { name: 'Highlights and claims' }).getByRole('option');

  await select(page, '“There is no agreement and there will be none.”');
  await page.getByRole('button', { name: 'Record claim…' }).click();
  let editor = panel.getByRole('form', { name: 'Tag as claim' });
  await editor.getByRole('combobox', { name: 'Claimed by' }).fill('Dmitri Pelkov');
  await editor.getByRole('combobox', { name: 'Reported via (optional)' }).fill('Tass');
  await expect(editor.getByText('New actor: Tass')).toBeVisible();
  await expect(editor.getByLabel('Kind of new actor (channel)')).toHaveValue('outlet');
  await editor.getByRole('button', { name: 'Save as claim' }).click();
  await expect(items.first()).toContainText('Dmitri Pelkov via Tass');

  // Typed again, in another case and without picking: the same actors, not new ones.
  await select(page, '“No decision on foreign participation has been taken.”');
  await page.getByRole('button', { name: 'Record claim…' }).click();
  editor = panel.getByRole('form', { name: 'Tag as claim' });
  await editor.getByRole('combobox', { name: 'Claimed by' }).fill('dmitri pelkov');
  await editor.getByRole('combobox', { name: 'Reported via (optional)' }).fill('Interfax');
  await editor.getByRole('button', { name: 'Save as claim' }).click();
  await expect(items.nth(1)).toContainText('Dmitri Pelkov via Interfax');
  await expect(page.getByTestId('count-actors')).toHaveText('3');
  expect(app.problems).toEqual([]);
});

test('Ctrl+Enter saves a claim from any field, the note included', async ({ page, app }) => {
  await openArticle(page);
  const panel = page.getByRole('complementary', { name: /Claims/ });
  const items = panel.getByRole('listbox', { name: 'Highlights and claims' }).getByRole('option');
  await select(page, '“There is no agreement and there will be none.”');
  await page.getByRole('button', { name: 'Record claim…' }).click();
  const editor = panel.getByRole('form', { name: 'Tag as claim' });
  await editor.getByRole('combobox', { name: 'Claimed by' }).fill('Dmitri Pelkov');
  await editor.getByRole('textbox', { name: 'Note' }).click();
  await page.keyboard.type('Quoted by Tass.');
  await page.keyboard.press('Control+Enter');
  await expect(items.first()).toContainText('Dmitri Pelkov');
  await expect(page.getByTestId('count-claims')).toHaveText('1');
  expect(app.problems).toEqual([]);
});
