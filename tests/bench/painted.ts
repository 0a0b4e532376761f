import type { Page } from '@playwright/test';

/**
 * Opening an article to painted, and its baseline: Chromium painting the same text as plain
 * paragraphs in the same page, fetched as the open fetches it. Both are timed by the one function
 * below, so their ratio compares the work and not the clock: each starts at the beginning of a
 * frame (in an animation frame's callback), from the Library once it has settled, and ends with
 * the task after the first frame whose callback sees the result (a change seen there is in that
 * frame). An open needs a round trip to the backend, so the plain paint makes one too: it asks
 * for the article's text through the same transport (`articles.get` over the same HTTP endpoint)
 * when it starts, then builds its paragraphs as the answer arrives.
 *
 * Neither is counted in whole frames: a frame comes every 16.7 ms, or at once after a task that
 * overran its time. The open's answer is drawn in one task longer than a frame (React, Lexical,
 * the text index, the painter and the first style and layout of the page), and the frame that
 * shows it follows that task directly; the plain paint's paragraphs, built in well under a frame,
 * wait for the next one, as would an open drawn as quickly.
 *
 * The former baseline, paragraphs built from text already in the page inside the starting
 * frame's callback and seen in that same frame, is still measured (`inFrame`) and reported
 * beside the ratio: it makes no round trip and waits for no frame, so an open, which must do
 * both, could not come within 2× of it.
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

/** What the page is given to make plain paints with (see `installPlainPaint`). */
interface PlainPaint {
  /** The article's text through the app's transport: `articles.get` over its HTTP endpoint. */
  readText(id: string): Promise<string>;
  /** The text as plain paragraphs, styled as the reading view styles its text, over the page. */
  paragraphs(text: string): HTMLElement;
  /** The text kept for the in-frame paint. */
  kept: string;
}

/** Gives the page what both plain paints use, and keeps the article's text for the in-frame one (not timed). */
async function installPlainPaint(page: Page, articleId: string): Promise<void> {
  await page.evaluate(async (id) => {
    const plain: Omit<PlainPaint, 'kept'> = {
      async readText(id) {
        const token = sessionStorage.getItem('gainsay.token')!;
        const response = await fetch('api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Gainsay-Token': token }, body: JSON.stringify({ method: 'articles.get', input: { id } }) });
        return ((await response.json()) as { value: { text: string } }).value.text;
      },
      paragraphs(text) {
        const holder = document.createElement('div');
        holder.className = 'article-text';
        holder.style.cssText = 'position:fixed;inset:0;width:760px;overflow:auto;background:white;z-index:10';
        for (const line of text.split('\n')) {
          if (!line) continue;
          const p = document.createElement('p');
          p.className = 'article-paragraph';
          p.textContent = line;
          holder.append(p);
        }
        return holder;
      },
    };
    (window as unknown as { plainPaint: PlainPaint }).plainPaint = { ...plain, kept: await plain.readText(id) };
  }, articleId);
}

/**
 * One open (`open`: the highlights in view have ranges and the claims panel lists them) or one
 * plain paint of the article's text read now (`plain`: its paragraphs are in the document), in
 * ms, timed alike.
 */
function timedToPainted(page: Page, articleId: string, what: 'open' | 'plain'): Promise<number> {
  return page.evaluate(
    ({ id, what }) =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          const start = performance.now();
          let shown: () => boolean;
          let cleanUp = () => {};
          if (what === 'open') {
            window.location.hash = `#/article/${id}`;
            shown = () => {
              let painted = 0;
              for (const [name, h] of CSS.highlights) if (name.startsWith('gs-c') || name.startsWith('gs-u')) painted += h.size;
              return painted > 0 && document.querySelectorAll('.claim-item').length > 0;
            };
          } else {
            const plain = (window as unknown as { plainPaint: PlainPaint }).plainPaint;
            let holder: HTMLElement | null = null;
            void plain.readText(id).then((text) => document.body.append((holder = plain.paragraphs(text))));
            shown = () => holder?.isConnected === true;
            cleanUp = () => holder?.remove();
          }
          // The same check for both: in each frame's callback, then the task after that frame.
          const check = () => {
            if (!shown()) return requestAnimationFrame(check);
            setTimeout(() => {
              resolve(performance.now() - start);
              cleanUp();
            }, 0);
          };
          check();
        }),
      ),
    { id: articleId, what },
  );
}

/**
 * The former baseline, in ms: the kept text as plain paragraphs built in a frame's callback and
 * seen done by a task in that same frame (no round trip, no wait for a frame).
 */
function inFramePaintOnce(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          const start = performance.now();
          const plain = (window as unknown as { plainPaint: PlainPaint }).plainPaint;
          const holder = plain.paragraphs(plain.kept);
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
    opens.push(await timedToPainted(page, articleId, 'open'));
  }
  return opens.slice(WARM_UP);
}

/**
 * `runs` opens of an article interleaved with as many plain paints of its text, and as many of
 * the former in-frame paints (after warming up), so that all three meet the same load on a
 * shared machine.
 */
export async function opensAndPlainPaints(page: Page, articleId: string, runs: number): Promise<{ opens: number[]; plain: number[]; inFrame: number[] }> {
  await installPlainPaint(page, articleId);
  const opens: number[] = [];
  const plain: number[] = [];
  const inFrame: number[] = [];
  for (let run = 0; run < WARM_UP + runs; run++) {
    await showSettledLibrary(page);
    plain.push(await timedToPainted(page, articleId, 'plain'));
    await page.waitForTimeout(50);
    inFrame.push(await inFramePaintOnce(page));
    await page.waitForTimeout(50);
    opens.push(await timedToPainted(page, articleId, 'open'));
  }
  return { opens: opens.slice(WARM_UP), plain: plain.slice(WARM_UP), inFrame: inFrame.slice(WARM_UP) };
}
