import type { Extraction } from '../../shared/assist/attribution/types';
import { expect, invoke, pasteArticle, select, test } from './fixtures';

// A fictional wire report: a named spokesman's claim that an agency "cited him as saying".
const TITLE = 'Varnitsa depot fire: officials trade blame';
const QUOTE = 'the army “had not fired at any civilian target” near the town';
const ARTICLE = [
  TITLE,
  `VARNITSA — A spokesman for the defence ministry, Aurel Cojocaru, said ${QUOTE}, Tass cited him as saying.`,
  'Harbour master Ilse Marrow said the ferries would not sail before Friday, Interfax quoted her as telling reporters.',
].join('\n\n');

test('“…, Tass cited him as saying” gives the named spokesman as the speaker and Tass as the channel, in suggestions and the claim editor', async ({ page, app }) => {
  await pasteArticle(page, ARTICLE);
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('textbox', { name: 'Article text' })).toContainText('Cojocaru');
  const panel = page.getByRole('complementary', { name: /Claims/ });

  // No suggestion makes “him as saying” a claim by Tass.
  const articleId = page.url().match(/article\/([\w-]+)/)![1]!;
  const { suggestions } = await invoke<Extraction>(page, 'suggestions.forArticle', { articleId });
  expect(suggestions.map((s) => [s.quote, s.source.actor?.name ?? null, s.channel?.actor.name ?? null])).toEqual([
    [QUOTE, 'Aurel Cojocaru', 'Tass'],
    ['the ferries would not sail before Friday', 'Ilse Marrow', 'Interfax'],
  ]);

  await select(page, QUOTE);
  await expect(page.getByTestId('selection-status')).toContainText(`Selected ${Array.from(QUOTE).length} characters`);
  await page.keyboard.press('c');
  const editor = panel.getByRole('form', { name: 'Tag as claim' });
  await expect(editor.getByRole('combobox', { name: 'Claimed by' })).toHaveValue('Aurel Cojocaru');
  const via = editor.getByRole('combobox', { name: 'Reported via (optional)' });
  await expect(via).toHaveValue('Tass');
  await expect(via).toHaveAccessibleDescription('channel from ‘Tass cited him as saying’');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('form', { name: 'Edit claim' })).toBeVisible();

  const [claim] = await invoke<{ claim?: { actor: { name: string }; via?: { name: string } | null } }[]>(page, 'highlights.list', { articleId });
  expect(claim?.claim?.actor.name).toBe('Aurel Cojocaru');
  expect(claim?.claim?.via?.name).toBe('Tass');
  expect(app.problems).toEqual([]);
});
