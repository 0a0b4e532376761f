import type { Page } from '@playwright/test';

/** Selects `text` in the open article the way a user's drag would, through the DOM. */
export async function select(page: Page, text: string): Promise<void> {
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
