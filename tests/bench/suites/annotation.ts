import path from 'node:path';
import { chromium } from '@playwright/test';
import { Backend } from '../../../electron/backend/backend';
import { createActor } from '../../../electron/backend/features/actors/repository';
import { createHighlight, setClaim } from '../../../electron/backend/features/annotations/repository';
import { RENDERER_DIR } from '../../../electron/cli/serve';
import { startServer } from '../../../electron/server/server';
import type { ImportOutcome } from '../../../shared/domain';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { syntheticArticle } from '../corpus';
import { percentile, type BenchRow } from '../harness';
import { opensToPainted } from '../painted';
import { tempDir } from '../../helpers/temp';

const HIGHLIGHTS = 2_000;
const DEPTH = 10;

/**
 * A 500 KB article with 2,000 highlights in nests ten deep, with crossing spans between the
 * nests, three in four of them claims by one of 20 actors.
 */
async function annotatedArticle(backend: Backend): Promise<string> {
  const big = syntheticArticle(777, 500 * 1024);
  const result = await backend.invoke('articles.paste', { text: `${big.title}\n\n${big.text}`, title: 'Long read with 2,000 highlights' });
  const outcome = result.ok ? (result.value as ImportOutcome) : null;
  if (outcome?.status !== 'imported') throw new Error('could not add the article');
  const articleId = outcome.articleId!;
  const { db, anchors } = backend.project;
  const text = (db.prepare('SELECT text FROM articles WHERE id = ?').get(articleId) as { text: string }).text;
  const points = Array.from(text);
  db.transaction(() => {
    const actors = Array.from({ length: 20 }, (_, i) => createActor(db, { name: `Actor ${i} Łukasiewicz`, kind: 'person', role: '' }));
    const nests = HIGHLIGHTS / DEPTH;
    const stride = Math.floor(points.length / nests);
    let n = 0;
    for (let nest = 0; nest < nests; nest++) {
      const base = nest * stride;
      for (let level = 0; level < DEPTH; level++) {
        // Even nests are strictly nested; odd ones also cross into the next nest.
        const start = base + level * 6;
        const end = nest % 2 ? base + stride + 40 - level * 6 : base + 240 - level * 6;
        const id = createHighlight(db, anchors, articleId, start, end, points.slice(start, end).join(''));
        if (n % 4 !== 3) setClaim(db, id, { actorId: actors[n % actors.length]!, viaActorId: null, tags: [], noteJson: '', noteText: '', claimedOn: null });
        n++;
      }
    }
  })();
  return articleId;
}

export async function annotationBench(): Promise<BenchRow[]> {
  const temp = tempDir();
  const backend = Backend.open(path.join(temp.dir, 'annotation.gainsay'));
  const server = await startServer({ backend, staticDir: RENDERER_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const articleId = await annotatedArticle(backend);
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('table', { name: 'Articles' }).waitFor();

    const opens = await opensToPainted(page, articleId, 6);
    const memory = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);

    // Adding one highlight as a user does: select a word, press H. "Saved" is when the backend's
    // answer arrives; "repainted" when the new highlight shows in the panel.
    const saved: number[] = [];
    const repainted: number[] = [];
    for (let i = 0; i < 30; i++) {
      const [save, paint] = await page.evaluate(async (i) => {
        const paragraphs = document.querySelectorAll('.article-text p');
        const p = paragraphs[(i * 37) % paragraphs.length]!;
        const node = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() as Text;
        const range = document.createRange();
        range.setStart(node, 0);
        range.setEnd(node, Math.min(12, node.data.length));
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        await new Promise((r) => setTimeout(r, 30)); // let selectionchange settle
        const count = () => Number(/of (\d+) highlights/.exec(document.getElementById('claims-heading')!.textContent!)![1]);
        const before = count();
        const start = performance.now();
        const response = new Promise<number>((resolve) => {
          const observer = new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
              if (entry.name.endsWith('api/invoke') && entry.startTime >= start) {
                observer.disconnect();
                resolve(entry.responseEnd - start);
              }
            }
          });
          observer.observe({ type: 'resource' });
        });
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', bubbles: true }));
        const savedAfter = await response;
        await new Promise<void>((resolve) => {
          const check = () => (count() > before ? requestAnimationFrame(() => resolve()) : requestAnimationFrame(check));
          check();
        });
        return [savedAfter, performance.now() - start];
      }, i);
      saved.push(save);
      repainted.push(paint);
    }
    return [
      { name: `open a 500 KB article with ${HIGHLIGHTS.toLocaleString()} highlights to painted, median`, figure: percentile(opens.slice(1), 50), unit: 'ms', target: 300, better: 'lower', note: `max ${Math.max(...opens.slice(1)).toFixed(0)} ms; nests ${DEPTH} deep, crossing spans` },
      { name: 'add one highlight through the UI to saved, p95', figure: percentile(saved, 95), unit: 'ms', target: 16, better: 'lower', note: 'select, press H, backend answer' },
      { name: 'add one highlight through the UI to repainted, p95', figure: percentile(repainted, 95), unit: 'ms', target: null, better: 'lower', note: 'until the panel and text show it' },
      { name: 'JS heap after opening it', figure: memory / 1024 / 1024, unit: 'MB', target: null, better: 'lower' },
    ];
  } finally {
    await browser.close();
    await server.close();
    backend.close();
    temp.remove();
  }
}
