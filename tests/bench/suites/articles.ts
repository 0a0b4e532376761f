import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';
import { Backend } from '../../../electron/backend/backend';
import { importFile } from '../../../electron/backend/import/importer';
import { contentHash } from '../../../electron/backend/features/articles/repository';
import { migrate } from '../../../electron/backend/db/migrations';
import { RENDERER_DIR } from '../../../electron/cli/serve';
import { startServer } from '../../../electron/server/server';
import { searchText } from '../../../shared/search-text';
import { parseSearch, toFtsQuery } from '../../../shared/text/search-query';
import type { ImportOutcome } from '../../../shared/domain';
import { syntheticArticle, syntheticCorpus } from '../corpus';
import { cpuMsSince, median, percentile, type BenchRow } from '../harness';
import { tempDir } from '../../helpers/temp';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

const ARTICLES = 10_000;
const AVERAGE_CHARS = 4_000;

/** The corpus as the files an analyst would import: a headline, a byline, a date, the body. */
function corpusFiles(): Array<{ name: string; bytes: Buffer }> {
  return Array.from(syntheticCorpus(ARTICLES, AVERAGE_CHARS), (article, i) => ({
    name: `report-${i}.txt`,
    bytes: Buffer.from(`${article.title}\nBy Staff | ${article.outlet}\n${article.publishedAt}\n\n${article.text}\n`, 'utf8'),
  }));
}

export async function articlesBench(): Promise<BenchRow[]> {
  const temp = tempDir();
  try {
    const files = corpusFiles();
    const megabytes = files.reduce((sum, f) => sum + f.bytes.length, 0) / 1024 / 1024;

    // Gainsay's import: decode, normalise, strip chrome, read metadata, de-duplicate, store with
    // its search entry, one transaction per article; into a new project each time.
    const importRun = async (run: number) => {
      const project = Backend.open(path.join(temp.dir, `import-${run}.gainsay`));
      const start = performance.now();
      const cpu = process.cpuUsage();
      for (const file of files) {
        const outcome = await importFile(project.project.db, file.name, file.bytes);
        if (outcome.status === 'refused') throw new Error(outcome.message);
      }
      return { project, seconds: (performance.now() - start) / 1000, cpuSeconds: cpuMsSince(cpu) / 1000 };
    };

    // The same final rows inserted with bare better-sqlite3 statements, also one transaction per
    // article, into a new file each time: what the database alone costs. The rows are the first
    // import's, read back as stored: its random UUIDs land all over the id index, where the
    // made-up ids in order this baseline had were appended to one page (bare inserts of 5,000
    // articles took 3 % more CPU and 6–13 % more time with UUIDs).
    const COLUMNS = 'id, title, outlet, author, published_at, url, language, text, content_hash, source_name, source_kind, created_at, updated_at';
    type FinalRow = [string, string, string, string, string | null, string, string, string, string, string, string, string, string];
    const finalRows = (db: Database.Database) => db.prepare(`SELECT ${COLUMNS} FROM articles ORDER BY seq`).raw().all() as FinalRow[];
    const bareRun = (run: number, rows: FinalRow[]) => {
      const bare = new Database(path.join(temp.dir, `bare-${run}.gainsay`));
      bare.pragma('journal_mode = WAL');
      bare.pragma('synchronous = NORMAL');
      migrate(bare);
      const insert = bare.prepare(`INSERT INTO articles (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const index = bare.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)');
      const store = bare.transaction((row: FinalRow) => {
        const [id, title, outlet, author, publishedAt, url, language, text, , sourceName, kind, createdAt, updatedAt] = row;
        const { lastInsertRowid } = insert.run(id, title, outlet, author, publishedAt, url, language, text, contentHash(text), sourceName, kind, createdAt, updatedAt);
        index.run(lastInsertRowid, searchText(title), searchText(text));
      });
      const startBare = performance.now();
      const cpu = process.cpuUsage();
      for (const row of rows) store(row);
      const seconds = (performance.now() - startBare) / 1000;
      const cpuSeconds = cpuMsSince(cpu) / 1000;
      bare.close();
      return { seconds, cpuSeconds };
    };

    // Three of each, interleaved (import, bare, import, bare, …) so that both see the machine in
    // the same minutes, and the medians compared: one busy moment moves neither side alone.
    const imports: Array<{ project: Backend; seconds: number; cpuSeconds: number }> = [];
    const bares: Array<{ seconds: number; cpuSeconds: number }> = [];
    let rows: FinalRow[] | null = null;
    for (let run = 0; run < 3; run++) {
      imports.at(-1)?.project.close();
      imports.push(await importRun(run));
      rows ??= finalRows(imports[0]!.project.project.db);
      bares.push(bareRun(run, rows));
    }
    const importMedian = median(imports.map((run) => run.seconds));
    const bareMedian = median(bares.map((run) => run.seconds));
    // CPU time leaves out the waits for a disk that other programs share: beside the wall time, it
    // tells the app's own work from the machine's.
    const importCpu = median(imports.map((run) => run.cpuSeconds));
    const bareCpu = median(bares.map((run) => run.cpuSeconds));
    const backend = imports.at(-1)!.project; // the last import is searched below

    // What an analyst types: names (with and without diacritics), phrases, places, a CJK word.
    const typical = ['qadirov', 'ilham kadirov', 'odegard', 'lukasiewicz', 'erdoganli', '"prisoner exchange"', '"at an impasse"', 'orlova bay', 'szeged', '停火'];
    // The worst case for ranking: a word in (nearly) every article of the corpus.
    const everywhere = ['said', 'ceasefire', 'the'];
    // The physical limit of a search: FTS5 ranking the same query's first page, row ids only.
    const bareRank = backend.project.db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 4.0, 1.0), rowid LIMIT 20').pluck();
    // Each search is followed by the bare ranking of the same query, so both sides see the machine
    // in the same moments; a first round warms both up and is not counted.
    const searchTimes = async (queries: string[], rounds: number) => {
      const app: number[] = [];
      const bare: number[] = [];
      for (let round = -1; round < rounds; round++) {
        for (const query of queries) {
          const start = performance.now();
          const result = await backend.invoke('articles.search', { query });
          const appMs = performance.now() - start;
          if (!result.ok) throw new Error(result.error.message);
          const fts = toFtsQuery(parseSearch(query))!;
          const bareStart = performance.now();
          bareRank.all(fts);
          const bareMs = performance.now() - bareStart;
          if (round >= 0) {
            app.push(appMs);
            bare.push(bareMs);
          }
        }
      }
      return { app, bare };
    };
    const typicalTimes = await searchTimes(typical, 30);
    const broadTimes = await searchTimes(everywhere, 60);
    backend.close();

    return [
      { name: `import ${ARTICLES.toLocaleString()} articles (${megabytes.toFixed(0)} MB) with FTS`, figure: ARTICLES / importMedian, unit: 'articles/s', target: null, better: 'higher', note: `${importMedian.toFixed(1)} s` },
      {
        name: `import ${ARTICLES.toLocaleString()} articles, time (median of 3)`,
        figure: importMedian,
        unit: 's',
        target: null,
        better: 'lower',
        baseline: { figure: bareMedian, name: 'bare better-sqlite3 inserts of the first import’s rows as stored, one transaction each (median of 3, interleaved with the imports)' },
        ratioTarget: 2,
        note: `runs ${imports.map((run) => run.seconds.toFixed(2)).join(' / ')} s against ${bares.map((run) => run.seconds.toFixed(2)).join(' / ')} s; CPU (median) ${importCpu.toFixed(2)} s against ${bareCpu.toFixed(2)} s, ${(importCpu / bareCpu).toFixed(2)}×`,
      },
      {
        name: `FTS search over ${ARTICLES.toLocaleString()} articles, p95`,
        figure: percentile(typicalTimes.app, 95),
        unit: 'ms',
        target: 20,
        better: 'lower',
        baseline: { figure: percentile(typicalTimes.bare, 95), name: 'bare FTS5 MATCH ranking the first 20, row ids only, after each search' },
        ratioTarget: 2.5,
        note: `${typicalTimes.app.length} searches after a round of warm-up (names, phrases, places, CJK), first page (20) with snippets`,
      },
      {
        name: 'FTS search for a word in every article, p95',
        figure: percentile(broadTimes.app, 95),
        unit: 'ms',
        target: 20,
        better: 'lower',
        baseline: { figure: percentile(broadTimes.bare, 95), name: 'bare FTS5 MATCH ranking the first 20, row ids only, after each search' },
        ratioTarget: 2.5,
        note: `${broadTimes.app.length} searches after a round of warm-up, each ranking all ${ARTICLES.toLocaleString()} matches`,
      },
    ];
  } finally {
    temp.remove();
  }
}

/** Opening a 500 KB article from the library until its text is painted, in the real UI. */
export async function readingBench(): Promise<BenchRow[]> {
  const temp = tempDir();
  const backend = Backend.open(path.join(temp.dir, 'reading.gainsay'));
  try {
    const times = await openArticleInChromium(backend);
    return [
      { name: 'open a 500 KB article to first paint (Chromium), median', figure: percentile(times, 50), unit: 'ms', target: 200, better: 'lower', note: `max ${Math.max(...times).toFixed(0)} ms over ${times.length} opens` },
    ];
  } finally {
    backend.close();
    temp.remove();
  }
}

async function openArticleInChromium(backend: Backend): Promise<number[]> {
  const big = syntheticArticle(424242, 500 * 1024);
  const result = await backend.invoke('articles.paste', { text: `${big.title}\n\n${big.text}`, title: 'Long read (500 KB)' });
  const outcome = result.ok ? (result.value as ImportOutcome) : null;
  if (outcome?.status !== 'imported') throw new Error('could not add the long article');
  const id = outcome.articleId!;
  const server = await startServer({ backend, staticDir: RENDERER_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    const times: number[] = [];
    for (let run = 0; run < 7; run++) {
      await page.evaluate(() => (window.location.hash = '#/library'));
      await page.getByRole('table', { name: 'Articles' }).waitFor();
      const ms = await page.evaluate(
        (articleId) =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            window.location.hash = `#/article/${articleId}`;
            const check = () => {
              if (document.querySelectorAll('.article-text p').length > 100) {
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
              } else requestAnimationFrame(check);
            };
            check();
          }),
        id,
      );
      times.push(ms);
    }
    return times.slice(1); // the first open also loads code and warms caches
  } finally {
    await browser.close();
    await server.close();
  }
}


