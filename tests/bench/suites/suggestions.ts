import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Backend } from '../../../electron/backend/backend';
import { SUGGEST_WORKER_FILE } from '../../../electron/backend/features/suggestions/extractor-thread';
import { importPastedText } from '../../../electron/backend/import/importer';
import type { SuggestionProgress } from '../../../shared/assist/attribution/types';
import { syntheticCorpus } from '../corpus';
import { percentile, type BenchRow } from '../harness';
import { tempDir } from '../../helpers/temp';

/** 10,000 articles; BENCH_SUGGEST_ARTICLES sets another number for a quicker look. */
const ARTICLES = Number(process.env.BENCH_SUGGEST_ARTICLES ?? 10_000);
const AVERAGE_CHARS = 2_000;
/** How often a window's call arrives during the run, as the UI's polling and an analyst's clicks would. */
const CALL_EVERY_MS = 20;
/** How long the same calls are measured with nothing in the background, for comparison. */
const BASELINE_MS = 5_000;

async function value<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

interface Measured {
  stallMs: number;
  progress: number[];
  list: number[];
}

/**
 * Calls as the UI makes them, alternately what the status line polls and the first page of the
 * project-wide list, one every CALL_EVERY_MS until `until` says stop; with the longest stall of
 * this thread's event loop meanwhile (which includes the calls' own work).
 */
async function measureCalls(backend: Backend, until: (progress: SuggestionProgress, elapsedMs: number) => boolean): Promise<Measured> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const measured: Measured = { stallMs: 0, progress: [], list: [] };
  const timed = async <T>(times: number[], method: string, input: unknown): Promise<T> => {
    const start = performance.now();
    const result = await value<T>(backend, method, input);
    times.push(performance.now() - start);
    return result;
  };
  const start = performance.now();
  delay.enable();
  let progress = await timed<SuggestionProgress>(measured.progress, 'suggestions.progress', {});
  for (let i = 0; !until(progress, performance.now() - start); i++) {
    if (progress.error) throw new Error(progress.error);
    await new Promise((resolve) => setTimeout(resolve, CALL_EVERY_MS));
    if (i % 2) await timed(measured.list, 'suggestions.list', { limit: 100 });
    else progress = await timed<SuggestionProgress>(measured.progress, 'suggestions.progress', {});
  }
  delay.disable();
  measured.stallMs = delay.max / 1e6;
  return measured;
}

/**
 * Background suggesting over 10,000 articles never blocks the UI: while the worker thread works
 * through them, the backend's thread keeps answering. Measured: the longest stall of the backend
 * thread's event loop and the p95 latency of the calls the UI makes meanwhile, with the total
 * time; and the same calls with nothing in the background, since on a loaded machine the OS's
 * scheduling alone makes stalls.
 */
export async function suggestionsBench(): Promise<BenchRow[]> {
  const temp = tempDir();
  const file = path.join(temp.dir, 'suggest.gainsay');
  try {
    // The articles first, with nothing in the background, so that the run below is the suggesting alone.
    const importer = Backend.open(file);
    let chars = 0;
    for (const article of syntheticCorpus(ARTICLES, AVERAGE_CHARS, 7)) {
      importPastedText(importer.project.db, article.text, article.title);
      chars += article.text.length;
    }
    importer.close();

    // As a host opens it: bench.cjs sits beside the bundled worker in dist/node.
    const backend = Backend.open(file, { suggestWorker: path.join(__dirname, SUGGEST_WORKER_FILE) });
    const start = performance.now();
    const during = await measureCalls(backend, (p) => !p.running && p.done === p.total);
    const seconds = (performance.now() - start) / 1000;
    const idle = await measureCalls(backend, (_p, elapsed) => elapsed > BASELINE_MS);
    const stored = backend.project.db.prepare('SELECT count(*) FROM suggestions').pluck().get() as number;
    backend.close();
    const articles = `${ARTICLES.toLocaleString('en')} articles, ${(chars / 1e6).toFixed(1)} M characters, ${stored.toLocaleString('en')} suggestions`;
    const idleNote = (figure: number) => `${figure.toFixed(1)} ms with nothing in the background`;
    return [
      { name: 'background suggesting: longest stall of the backend thread', figure: during.stallMs, unit: 'ms', target: 50, better: 'lower', note: idleNote(idle.stallMs) },
      { name: 'background suggesting: p95 suggestions.progress meanwhile', figure: percentile(during.progress, 95), unit: 'ms', target: 30, better: 'lower', note: `${during.progress.length} calls; ${idleNote(percentile(idle.progress, 95))}` },
      { name: 'background suggesting: p95 suggestions.list (100 rows) meanwhile', figure: percentile(during.list, 95), unit: 'ms', target: 30, better: 'lower', note: `${during.list.length} calls; ${idleNote(percentile(idle.list, 95))}` },
      { name: 'background suggesting: total time', figure: seconds, unit: 's', target: null, better: 'lower', note: `${articles}; ${Math.round(chars / 1000 / seconds)} K characters/s` },
    ];
  } finally {
    temp.remove();
  }
}
