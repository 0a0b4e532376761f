import type { Page } from '@playwright/test';

/**
 * Opens an article from the Library `runs` times and returns each time but the first (which also
 * loads code and warms caches), in ms, from the route change to painted: the highlights in view
 * have ranges and the claims panel lists them. Seen in a frame's callback, they are in that frame;
 * the task after it ends the measurement, as it ends the plain-paint baseline's.
 */
export async function opensToPainted(page: Page, articleId: string, runs: number): Promise<number[]> {
  const opens: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.evaluate(() => (window.location.hash = '#/library'));
    await page.getByRole('table', { name: 'Articles' }).waitFor();
    opens.push(
      await page.evaluate(
        (id) =>
          new Promise<number>((resolve) => {
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
        articleId,
      ),
    );
  }
  return opens.slice(1);
}
