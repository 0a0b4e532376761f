import fc from 'fast-check';
import type { Page } from '@playwright/test';
import { expect, highlightedTexts, test } from './fixtures';

/** Pieces of messy news text: emoji (with modifiers and flags), CJK, combining marks, NBSP. */
const piece = fc.constantFrom('Qadirov', ' said', ' ', '\u00a0', 'é', 'e\u0301', 'Ø', '停火', '监督团', '😀', '👍🏽', '🇪🇺', '“', '”', '—', '48', '.');
const paragraph = fc.array(piece, { minLength: 2, maxLength: 14 }).map((parts) => `P ${parts.join('')} end`);
const article = fc.array(paragraph, { minLength: 1, maxLength: 4 }).map((ps) => ps.join('\n\n'));

interface Block {
  startCp: number;
  length: number;
}

/** Where each paragraph starts in code points (the app's blocks, computed independently here). */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let cp = 0;
  for (const line of text.split('\n')) {
    const length = Array.from(line).length;
    if (length > 0) blocks.push({ startCp: cp, length });
    cp += length + 1;
  }
  return blocks;
}

/** A position in code points as (paragraph, code points into it); a paragraph's end is inside it. */
function locate(blocks: Block[], offset: number): [number, number] {
  const i = blocks.findIndex((b) => offset >= b.startCp && offset <= b.startCp + b.length);
  if (i < 0) throw new Error(`offset ${offset} is between paragraphs`);
  return [i, offset - blocks[i]!.startCp];
}

async function invoke(url: string, method: string, input: unknown): Promise<any> {
  const token = new URL(url).searchParams.get('token')!;
  const response = await fetch(new URL('api/invoke', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Gainsay-Token': token },
    body: JSON.stringify({ method, input }),
  });
  const result = await response.json();
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Selects paragraph/code-point positions in the DOM without using any of the app's code. */
async function selectInDom(page: Page, from: [number, number], to: [number, number]): Promise<string> {
  return page.evaluate(([from, to]) => {
    const paragraphs = document.querySelectorAll('.article-text p');
    const point = ([p, cp]: [number, number]) => {
      const node = document.createTreeWalker(paragraphs[p]!, NodeFilter.SHOW_TEXT).nextNode() as Text;
      return { node, offset: Array.from(node.data).slice(0, cp).join('').length };
    };
    const a = point(from);
    const b = point(to);
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    return range.toString();
  }, [from, to] as const);
}

/** The text painted as highlights, in document order. */
async function paintedText(page: Page): Promise<string> {
  return (await highlightedTexts(page, /^gs-(c\d|u)-d/)).map(({ text }) => text).join('');
}

test('selection → offsets → painted range gives back the same text, for random articles with emoji, CJK, combining marks and NBSP', async ({ page, app }) => {
  test.setTimeout(180_000);
  await fc.assert(
    fc.asyncProperty(article, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 3, maxLength: 3 }), async (source, picks) => {
      const outcome = await invoke(app.url, 'articles.paste', { text: source, title: 'Property' });
      const stored: string = (await invoke(app.url, 'articles.get', { id: outcome.articleId })).text;
      const points = Array.from(stored);
      const blocks = blocksOf(stored);
      await page.goto(`${app.url}#/article/${outcome.articleId}`);
      await expect(page.locator('.article-text p')).toHaveCount(blocks.length);
      for (const [a, b] of picks) {
        // A span that starts and ends inside paragraphs (not on the line breaks between them).
        const inside = blocks.flatMap((block) => Array.from({ length: block.length + 1 }, (_, k) => block.startCp + k));
        const start = inside[a % inside.length]!;
        const end = inside[b % inside.length]!;
        if (end <= start) continue;
        const quote = points.slice(start, end).join('');
        if (quote.trim() === '') continue;

        // Selection → offsets (read back from the app's status line).
        const shown = await selectInDom(page, locate(blocks, start), locate(blocks, end));
        expect(shown.replace(/\n/g, '')).toBe(quote.replace(/\n/g, ''));
        await expect(page.getByTestId('selection-status')).toHaveText(`Selected ${end - start} ${end - start === 1 ? 'character' : 'characters'} (offsets ${start}–${end})`);

        // Offsets → painted range: save it as a highlight and read the painted text back.
        // (Saved from here, as another window would; the page is reloaded to show it.)
        const highlight = await invoke(app.url, 'highlights.create', { articleId: outcome.articleId, start, end, quote });
        await page.reload();
        await expect.poll(() => paintedText(page)).toBe(quote.replace(/\n/g, ''));
        await invoke(app.url, 'highlights.delete', { id: highlight.id });
        await page.reload();
        await expect.poll(() => paintedText(page)).toBe('');
        await expect(page.locator('.article-text p')).toHaveCount(blocks.length);
      }
    }),
    { numRuns: 20 },
  );
  // A zero-length selection, or one outside the article, does nothing.
  const location = await page.evaluate(() => {
    const node = document.createTreeWalker(document.querySelector('.article-text p')!, NodeFilter.SHOW_TEXT).nextNode() as Text;
    document.getSelection()!.collapse(node, 1);
    return 'collapsed';
  });
  expect(location).toBe('collapsed');
  await expect(page.getByTestId('selection-status')).toHaveText('Select text to highlight it (H) or record a claim (C).');
  await page.evaluate(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('.reading-source')!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  });
  await expect(page.getByTestId('selection-status')).toHaveText('Select text to highlight it (H) or record a claim (C).');
  await expect(page.getByRole('button', { name: 'Highlight', exact: true })).toBeDisabled();
  expect(app.problems).toEqual([]);
});
