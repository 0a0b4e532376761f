import path from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { Backend } from '../../../electron/backend/backend';
import { SUGGEST_WORKER_FILE } from '../../../electron/backend/features/suggestions/extractor-thread';
import { STORE_CHUNK } from '../../../electron/backend/features/suggestions/store';
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

/** A transaction of the run, as storing it wrote it: a run's row (with the first of its suggestions) or a further chunk of them. */
interface StoredBatch {
  run: unknown[] | null;
  rows: unknown[][];
}

const RUN_COLUMNS = 'article_id, extractor_version, text_hash, skipped, made_at';
const SUGGESTION_COLUMNS = 'article_id, ordinal, start_cp, end_cp, quote, speaker, speaker_key, confidence, body';

/** The articles that have a run now. */
function articlesWithRuns(db: Database.Database): Set<string> {
  return new Set(db.prepare('SELECT article_id FROM suggestion_runs').pluck().all() as string[]);
}

/** Where the bare store writes: tables so named, made as the project's own (bareTwins). */
const BARE = 'bare_';

/**
 * Twins of suggestion_runs and suggestions in the project's file, as the project has them
 * (columns, keys, checks, references, indexes), for the bare store to write into. The bare store
 * must write new pages at the end of the file, as the run does: storing the run's rows again in
 * the run's tables, after taking them out, wrote into the pages the delete had freed, and a
 * checkpoint that only overwrites pages had none of the slow writes and fsyncs of one that grows
 * the file (docs/suggestions.md).
 */
function bareTwins(db: Database.Database): void {
  const definitions = db
    .prepare("SELECT sql FROM sqlite_schema WHERE tbl_name IN ('suggestion_runs', 'suggestions') AND sql IS NOT NULL ORDER BY type DESC")
    .pluck()
    .all() as string[];
  for (const sql of definitions) db.exec(sql.replace(/"?\b(suggestion\w*)\b"?/g, `${BARE}$1`));
}

/**
 * The runs stored since `before` (the articles that had one then), as the transactions storing
 * wrote them: STORE_CHUNK suggestions at a time, a run of more in a transaction of its own first
 * (store.ts, storeRunInChunks).
 */
function storedSince(db: Database.Database, before: Set<string>): StoredBatch[] {
  const stored = [...articlesWithRuns(db)].filter((id) => !before.has(id));
  const runOf = db.prepare(`SELECT ${RUN_COLUMNS} FROM suggestion_runs WHERE article_id = ?`).raw();
  const rowsOf = db.prepare(`SELECT ${SUGGESTION_COLUMNS} FROM suggestions WHERE article_id = ? ORDER BY ordinal`).raw();
  return stored.flatMap((id) => {
    const run = runOf.get(id) as unknown[];
    const rows = rowsOf.all(id) as unknown[][];
    if (rows.length <= STORE_CHUNK) return [{ run, rows }];
    const chunks: StoredBatch[] = [{ run, rows: [] }];
    for (let first = 0; first < rows.length; first += STORE_CHUNK) chunks.push({ run: null, rows: rows.slice(first, first + STORE_CHUNK) });
    return chunks;
  });
}

/**
 * The physical limit of storing, on the backend's thread: the batches a window of the run stored
 * (storedSince) stored again in their twin tables (bareTwins), one transaction each, with prepared
 * better-sqlite3 statements and nothing else (no extraction, no messages), at the run's pace (its
 * batches per second over `ms`). `finish` stores whatever is left when the window ends, so that
 * the twins grow as the run's tables do.
 */
function storeBare(db: Database.Database, batches: StoredBatch[], ms: number): { finish(): void } {
  const insertRun = db.prepare(`INSERT INTO ${BARE}suggestion_runs (${RUN_COLUMNS}) VALUES (?, ?, ?, ?, ?)`);
  const insertRow = db.prepare(`INSERT INTO ${BARE}suggestions (${SUGGESTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const store = db.transaction((batch: StoredBatch) => {
    if (batch.run) insertRun.run(batch.run);
    for (const row of batch.rows) insertRow.run(row);
  });
  const every = ms / Math.max(1, batches.length);
  const start = performance.now();
  let next = 0;
  let timer: NodeJS.Timeout | undefined;
  // One batch a task, as the run stores one a message; each due at its place in the run's pace.
  const step = () => {
    store(batches[next++]!);
    if (next < batches.length) timer = setTimeout(step, Math.max(0, start + next * every - performance.now()));
  };
  if (batches.length) timer = setTimeout(step, 0);
  return {
    finish() {
      clearTimeout(timer);
      while (next < batches.length) store(batches[next++]!);
    },
  };
}

/**
 * Windows of suggesting, each followed by two baselines as long: the bare store of the same rows
 * at the same pace (storeBare: what storing alone costs the backend's thread, the physical limit
 * of the run's stalls), and nothing in the background (the timer's own jitter on this machine),
 * alternated until every article is suggested, so that all three see the machine in the same
 * minutes. Each triple keeps as many ticks on every side (the first ones of the longer windows):
 * the longest of N stalls grows with N, so they are compared over equal numbers.
 */
async function interleaved(backend: Backend): Promise<{ during: Measured; bare: Measured; idle: Measured; batches: number }> {
  const suggesting = backend.project.suggesting;
  const db = backend.project.db;
  const during: Measured[] = [];
  const bare: Measured[] = [];
  const idle: Measured[] = [];
  let batchCount = 0;
  bareTwins(db);
  for (let finished = false; !finished; ) {
    const before = articlesWithRuns(db);
    suggesting.start();
    const window = await measure(backend, (p, elapsed) => (finished = !p.running && p.done === p.total) || elapsed > WINDOW_MS);
    // Stopped after the article in hand; the baselines start once nothing runs in the background.
    suggesting.cancel();
    while (suggesting.progress().running) await new Promise((resolve) => setTimeout(resolve, 10));
    const batches = storedSince(db, before);
    batchCount += batches.length;
    const storing = storeBare(db, batches, window.ms);
    const stored = await measure(backend, (_p, elapsed) => elapsed > window.ms);
    storing.finish();
    const quiet = await measure(backend, (_p, elapsed) => elapsed > window.ms);
    const ticks = Math.min(window.stalls.length, stored.stalls.length, quiet.stalls.length);
    for (const w of [window, stored, quiet]) w.stalls.length = ticks;
    during.push(window);
    bare.push(stored);
    idle.push(quiet);
  }
  return { during: joined(during), bare: joined(bare), idle: joined(idle), batches: batchCount };
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
    const { during, bare, idle, batches } = await interleaved(backend);
    const seconds = during.ms / 1000;
    const stored = backend.project.db.prepare('SELECT count(*) FROM suggestions').pluck().get() as number;
    backend.close();
    const articles = `${ARTICLES.toLocaleString('en')} articles, ${(chars / 1e6).toFixed(1)} M characters, ${stored.toLocaleString('en')} suggestions`;
    const windowAfter = `a window as long after each ${WINDOW_MS / 1000} s of the run, same timer and calls`;
    const baseline = (what: string, figure: number) => ({ figure, name: `${what} with nothing in the background (${windowAfter})` });
    const bareStore = (what: string, figure: number) => ({
      figure,
      name: `${what} while the backend's thread stores the same ${batches.toLocaleString('en')} batches of rows bare into twin tables, at the run's pace (${windowAfter})`,
    });
    const max = (samples: number[]) => Math.max(0, ...samples);
    const ticks = `${during.stalls.length.toLocaleString('en')} ticks of a ${TICK_MS} ms timer on each side`;
    const idleToo = (figure: number, idleFigure: number) => `with nothing in the background ${idleFigure.toFixed(2)} ms (${(figure / idleFigure).toFixed(2)}×)`;
    const longest = max(during.stalls);
    const p99 = percentile(during.stalls, 99);
    return [
      {
        name: 'background suggesting: longest stall of the backend thread',
        figure: longest,
        unit: 'ms',
        target: 50,
        better: 'lower',
        baseline: bareStore('longest stall', max(bare.stalls)),
        // Judged by the absolute bound alone: the ratio of two maxima of ~5,000 ticks follows the
        // machine's jitter, not the work (idle windows alone stalled 17-46 ms in runs of one
        // build, and this ratio went from 0.85x to 2.15x). The p99 row below carries the ratio target.
        note: `${ticks}; ${idleToo(longest, max(idle.stalls))}; judged by its absolute bound (the ratio of two maxima is for information)`,
      },
      {
        name: 'background suggesting: p99 stall of the backend thread',
        figure: p99,
        unit: 'ms',
        target: null,
        better: 'lower',
        baseline: bareStore('p99 stall', percentile(bare.stalls, 99)),
        ratioTarget: 2,
        note: `${ticks}; ${idleToo(p99, percentile(idle.stalls, 99))}`,
      },
      { name: 'background suggesting: p95 suggestions.list (100 rows) meanwhile', figure: percentile(during.list, 95), unit: 'ms', target: 30, better: 'lower', baseline: baseline('p95', percentile(idle.list, 95)), note: `${during.list.length} calls` },
      { name: 'background suggesting: p95 claims.list meanwhile', figure: percentile(during.claims, 95), unit: 'ms', target: 30, better: 'lower', baseline: baseline('p95', percentile(idle.claims, 95)), note: `${during.claims.length} calls` },
      { name: 'background suggesting: p95 suggestions.progress meanwhile', figure: percentile(during.progress, 95), unit: 'ms', target: 30, better: 'lower', baseline: baseline('p95', percentile(idle.progress, 95)), note: `${during.progress.length} calls` },
      { name: 'background suggesting: backend thread busy', figure: during.busy * 100, unit: '%', target: null, better: 'lower', baseline: baseline('busy', idle.busy * 100), note: `event loop utilisation, the calls included; ${(bare.busy * 100).toFixed(1)} % while storing the same rows bare` },
      { name: 'background suggesting: total time', figure: seconds, unit: 's', target: null, better: 'lower', note: `${articles}; ${Math.round(chars / 1000 / seconds)} K characters/s; suggesting's windows only, each starting the worker thread again` },
    ];
  } finally {
    temp.remove();
  }
}
