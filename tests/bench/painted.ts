import type { Page } from '@playwright/test';

/**
 * Opening an article to painted, and its baseline: Chromium painting the same text as plain
 * paragraphs in the same page. Both are timed the same way, so their ratio compares the work and
 * not the clock: each starts at the beginning of a frame (in an animation frame's callback), from
 * the Library once it has settled, and ends with the task after the first frame that shows the
 * result (seen in a frame's callback, a change is in that frame).
 */

/** How long the Library is left to finish its reads before an article is opened from it. */
const SETTLE_MS = 250;
/** Runs that load code and warm caches, left out of the figures. */
const WARM_UP = 2;

/**
 * Shows the Library and lets it settle: the analyst opens an article from a library that has
 * loaded, and answers to its reads still arriving would be timed as part of the open.
 */
async function showSettledLibrary(page: Page): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/library'));
  await page.getByRole('table', { name: 'Articles' }).waitFor();
  await page.waitForTimeout(SETTLE_MS);
}

/** One open, in ms: the highlights in view have ranges and the claims panel lists them. */
function openOnce(page: Page, articleId: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          const start = performance.now();
          window.location.hash = `#/article/${id}`;
          const check = () => {
            let painted = 0;
            for (const [name, h] of CSS.highlights) if (name.startsWith('gs-c') || name.startsWith('gs-u')) painted += h.size;
            const listed = document.querySelectorAll('.claim-item').length;
            if (painted > 0 && listed > 0) setTimeout(() => resolve(performance.now() - start), 0);
            else requestAnimationFrame(check);
          };
          check();
        }),
      ),
    articleId,
  );
}

/** Reads the article's text into the page once, for the plain paint (not timed). */
async function keepPlainText(page: Page, articleId: string): Promise<void> {
  await page.evaluate(async (id) => {
    const token = sessionStorage.getItem('gainsay.token')!;
    const response = await fetch('api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Gainsay-Token': token }, body: JSON.stringify({ method: 'articles.get', input: { id } }) });
    (window as unknown as { plainText: string }).plainText = (await response.json()).value.text;
  }, articleId);
}

/** One plain paint of the kept text, in ms: paragraphs styled as the reading view styles them, over the page. */
function plainPaintOnce(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          const start = performance.now();
          const holder = document.createElement('div');
          holder.className = 'article-text';
          holder.style.cssText = 'position:fixed;inset:0;width:760px;overflow:auto;background:white;z-index:10';
          for (const line of (window as unknown as { plainText: string }).plainText.split('\n')) {
            if (!line) continue;
            const p = document.createElement('p');
            p.className = 'article-paragraph';
            p.textContent = line;
            holder.append(p);
          }
          document.body.append(holder);
          // Added in a frame's callback, the paragraphs are in this frame.
          setTimeout(() => {
            resolve(performance.now() - start);
            holder.remove();
          }, 0);
        }),
      ),
  );
}

/** Opens an article from the Library `runs` times (after warming up) and returns each time in ms. */
export async function opensToPainted(page: Page, articleId: string, runs: number): Promise<number[]> {
  const opens: number[] = [];
  for (let run = 0; run < WARM_UP + runs; run++) {
    await showSettledLibrary(page);
    opens.push(await openOnce(page, articleId));
  }
  return opens.slice(WARM_UP);
}

/**
 * `runs` opens of an article interleaved with as many plain paints of its text (after warming
 * up), so that both meet the same load on a shared machine.
 */
export async function opensAndPlainPaints(page: Page, articleId: string, runs: number): Promise<{ opens: number[]; plain: number[] }> {
  await keepPlainText(page, articleId);
  const opens: number[] = [];
  const plain: number[] = [];
  for (let run = 0; run < WARM_UP + runs; run++) {
    await showSettledLibrary(page);
    plain.push(await plainPaintOnce(page));
    await page.waitForTimeout(50);
    opens.push(await openOnce(page, articleId));
  }
  return { opens: opens.slice(WARM_UP), plain: plain.slice(WARM_UP) };
}
