import path from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
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
/** The timer on the backend's thread: a tick due every TICK_MS, and how late each one comes is a stall. */
const TICK_MS = 5;
/** How often a window's call arrives (the list's first page and the claims list, in turn), as an analyst's clicks would. */
const CALL_EVERY_MS = 100;
/** How often the status line asks for progress while suggesting runs (renderer/src/suggestions/progress.ts). */
const PROGRESS_EVERY_MS = 1_000;
/**
 * The run is measured in windows of WINDOW_MS, each followed by a window as long with suggesting
 * stopped (the same-run baseline): both sides see the machine in the same minutes.
 */
const WINDOW_MS = 5_000;

async function value<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

interface Measured {
  /** How long it was measured. */
  ms: number;
  /** The share of the time the backend thread's event loop was busy (perf_hooks' event loop utilisation). */
  busy: number;
  /** How late each tick of the TICK_MS timer came: what a window's call arriving then would have waited. */
  stalls: number[];
  list: number[];
  claims: number[];
  progress: number[];
}

/**
 * What the UI feels on the backend's thread until `until` says stop: a timer due every TICK_MS
 * (its lateness is the stall a call arriving then would wait), the calls a window makes (the
 * suggestions list's first page and the claims list in turn every CALL_EVERY_MS, the status
 * line's progress every second) with their latencies.
 */
async function measure(backend: Backend, until: (progress: SuggestionProgress, elapsedMs: number) => boolean): Promise<Measured> {
  const measured: Measured = { ms: 0, busy: 0, stalls: [], list: [], claims: [], progress: [] };
  const utilisation = nodePerformance.eventLoopUtilization();
  const timed = async <T>(times: number[], method: string, input: unknown): Promise<T> => {
    const start = performance.now();
    const result = await value<T>(backend, method, input);
    times.push(performance.now() - start);
    return result;
  };
  let due = performance.now() + TICK_MS;
  const ticker = setInterval(() => {
    const now = performance.now();
    measured.stalls.push(Math.max(0, now - due));
    due = now + TICK_MS;
  }, TICK_MS);
  const start = performance.now();
  let progress = await timed<SuggestionProgress>(measured.progress, 'suggestions.progress', {});
  let lastProgress = performance.now();
  for (let i = 0; !until(progress, performance.now() - start); i++) {
    if (progress.error) throw new Error(progress.error);
    await new Promise((resolve) => setTimeout(resolve, CALL_EVERY_MS));
    if (i % 2) await timed(measured.list, 'suggestions.list', { limit: 100 });
    else await timed(measured.claims, 'claims.list', {});
    if (performance.now() - lastProgress >= PROGRESS_EVERY_MS) {
      progress = await timed<SuggestionProgress>(measured.progress, 'suggestions.progress', {});
      lastProgress = performance.now();
    }
  }
  clearInterval(ticker);
  measured.ms = performance.now() - start;
  measured.busy = nodePerformance.eventLoopUtilization(utilisation).utilization;
  return measured;
}

/**
 * Windows of suggesting and of nothing in the background, alternated until every article is
 * suggested. Each pair keeps as many ticks on either side (the first ones of the longer window):
 * the longest of N stalls grows with N, so the two are compared over equal numbers.
 */
async function interleaved(backend: Backend): Promise<{ during: Measured; idle: Measured }> {
  const suggesting = backend.project.suggesting;
  const during: Measured[] = [];
  const idle: Measured[] = [];
  for (let finished = false; !finished; ) {
    suggesting.start();
    const window = await measure(backend, (p, elapsed) => (finished = !p.running && p.done === p.total) || elapsed > WINDOW_MS);
    // Stopped after the article in hand; the baseline starts once nothing runs in the background.
    suggesting.cancel();
    while (suggesting.progress().running) await new Promise((resolve) => setTimeout(resolve, 10));
    const quiet = await measure(backend, (_p, elapsed) => elapsed > window.ms);
    const ticks = Math.min(window.stalls.length, quiet.stalls.length);
    window.stalls.length = ticks;
    quiet.stalls.length = ticks;
    during.push(window);
    idle.push(quiet);
  }
  return { during: joined(during), idle: joined(idle) };
}

function joined(windows: Measured[]): Measured {
  const ms = windows.reduce((sum, w) => sum + w.ms, 0);
  return {
    ms,
    busy: windows.reduce((sum, w) => sum + w.busy * w.ms, 0) / ms,
    stalls: windows.flatMap((w) => w.stalls),
    list: windows.flatMap((w) => w.list),
    claims: windows.flatMap((w) => w.claims),
    progress: windows.flatMap((w) => w.progress),
  };
}

/**
 * Background suggesting over 10,000 articles never blocks the UI: while the worker thread works
 * through them, the backend's thread keeps answering. Measured as the UI feels it (see measure),
 * with the same measure taken with nothing in the background as the same-run baseline, in
 * alternate windows (see interleaved): on a loaded machine the OS's scheduling and disk alone make
 * stalls, which the ratio leaves out.
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
    const { during, idle } = await interleaved(backend);
    const seconds = during.ms / 1000;
    const stored = backend.project.db.prepare('SELECT count(*) FROM suggestions').pluck().get() as number;
    backend.close();
    const articles = `${ARTICLES.toLocaleString('en')} articles, ${(chars / 1e6).toFixed(1)} M characters, ${stored.toLocaleString('en')} suggestions`;
    const baseline = (what: string, figure: number) => ({ figure, name: `${what} with nothing in the background (a window as long after each ${WINDOW_MS / 1000} s of the run, same timer and calls)` });
    const max = (samples: number[]) => Math.max(0, ...samples);
    const ticks = `${during.stalls.length.toLocaleString('en')} ticks of a ${TICK_MS} ms timer on each side`;
    return [
      { name: 'background suggesting: longest stall of the backend thread', figure: max(during.stalls), unit: 'ms', target: 50, better: 'lower', baseline: baseline('longest stall', max(idle.stalls)), ratioTarget: 2, note: ticks },
      { name: 'background suggesting: p99 stall of the backend thread', figure: percentile(during.stalls, 99), unit: 'ms', target: null, better: 'lower', baseline: baseline('p99 stall', percentile(idle.stalls, 99)), ratioTarget: 2, note: ticks },
      { name: 'background suggesting: p95 suggestions.list (100 rows) meanwhile', figure: percentile(during.list, 95), unit: 'ms', target: 30, better: 'lower', baseline: baseline('p95', percentile(idle.list, 95)), note: `${during.list.length} calls` },
      { name: 'background suggesting: p95 claims.list meanwhile', figure: percentile(during.claims, 95), unit: 'ms', target: 30, better: 'lower', baseline: baseline('p95', percentile(idle.claims, 95)), note: `${during.claims.length} calls` },
      { name: 'background suggesting: p95 suggestions.progress meanwhile', figure: percentile(during.progress, 95), unit: 'ms', target: 30, better: 'lower', baseline: baseline('p95', percentile(idle.progress, 95)), note: `${during.progress.length} calls` },
      { name: 'background suggesting: backend thread busy', figure: during.busy * 100, unit: '%', target: null, better: 'lower', baseline: baseline('busy', idle.busy * 100), note: 'event loop utilisation, the calls included' },
      { name: 'background suggesting: total time', figure: seconds, unit: 's', target: null, better: 'lower', note: `${articles}; ${Math.round(chars / 1000 / seconds)} K characters/s; suggesting's windows only, each starting the worker thread again` },
    ];
  } finally {
    temp.remove();
  }
}
