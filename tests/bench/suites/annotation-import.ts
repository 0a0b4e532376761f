import fs from 'node:fs';
import path from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { exportProject } from '../../../electron/backend/export/export-project';
import { importBratFolder } from '../../../electron/backend/import/brat/brat-import';
import { bratMapping } from '../../../shared/import-mappings';
import { importProjectJsonOutcome } from '../../../electron/backend/import/project-json';
import { chromium } from '@playwright/test';
import { RENDERER_DIR } from '../../../electron/cli/serve';
import { startServer } from '../../../electron/server/server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { percentile, type BenchRow } from '../harness';
import { opensToPainted } from '../painted';
import { POLNEAR_MAPPING, polnearFolder } from '../polnear';
import { tempDir } from '../../helpers/temp';

const RUNS = 3;

/** Runs `work` on a fresh project and returns the seconds it took (the project's opening not counted). */
async function timedImport(file: string, work: (backend: Backend) => { status: string; message: string }): Promise<number> {
  const backend = Backend.open(file);
  try {
    const start = performance.now();
    const outcome = work(backend);
    const seconds = (performance.now() - start) / 1000;
    if (outcome.status !== 'imported') throw new Error(`the import was refused: ${outcome.message}`);
    return seconds;
  } finally {
    backend.close();
  }
}

/** The imported corpus as real text for the reading view: its longest article opened six times (after warming up). */
async function openLongest(file: string): Promise<{ opens: number[]; points: number; claims: number }> {
  const backend = Backend.open(file);
  const server = await startServer({ backend, staticDir: RENDERER_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const longest = backend.project.db
      .prepare('SELECT a.id, length(a.text) AS points, (SELECT count(*) FROM highlights h WHERE h.article_id = a.id) AS claims FROM articles a ORDER BY length(a.text) DESC LIMIT 1')
      .get() as { id: string; points: number; claims: number };
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('table', { name: 'Articles' }).waitFor();
    return { opens: await opensToPainted(page, longest.id, 6), points: longest.points, claims: longest.claims };
  } finally {
    await browser.close();
    await server.close();
    backend.close();
  }
}

/**
 * PolNeAR's dev split (GAINSAY_POLNEAR=…/data/dev; never the test split) imported as brat with
 * Source → actor and Content → claim, against the project JSON import of the same records (the
 * brat import's result exported as JSON and imported into another new project): its claims per
 * second must be at least half the JSON import's. The result is then real text for the reading
 * view: its longest article opened to painted.
 */
export async function annotationImportBench(): Promise<BenchRow[]> {
  const corpus = process.env.GAINSAY_POLNEAR;
  if (!corpus || !fs.existsSync(path.join(corpus, 'attributions'))) {
    console.error('annotation-import: skipped, as GAINSAY_POLNEAR does not name PolNeAR’s dev split (a folder with attributions/ and text/)');
    return [];
  }
  const temp = tempDir();
  try {
    const prepared = polnearFolder(corpus, temp.dir);
    const mapping = bratMapping.parse(POLNEAR_MAPPING);
    const bratFile = (run: number) => path.join(temp.dir, `brat-${run}.gainsay`);
    const json = path.join(temp.dir, 'polnear.json');
    const brat: number[] = [];
    const fromJson: number[] = [];
    // Taken in turns, three times each, the median kept: the machine is shared and the first run warms both up.
    for (let run = 0; run < RUNS; run++) {
      brat.push(await timedImport(bratFile(run), (b) => importBratFolder(b.project.db, prepared.folder, 'PolNeAR dev', mapping)));
      if (run === 0) {
        const source = Backend.open(bratFile(0));
        await exportProject(source.project.db, source.project.name, 'json', json);
        source.close();
      }
      const text = fs.readFileSync(json, 'utf8');
      fromJson.push(await timedImport(path.join(temp.dir, `json-${run}.gainsay`), (b) => importProjectJsonOutcome(b.project.db, 'polnear.json', text)));
    }
    const [bratSeconds, jsonSeconds] = [percentile(brat, 50), percentile(fromJson, 50)];
    const [articles, claims] = [prepared.documents, prepared.contents];
    const reading = await openLongest(bratFile(0));
    const jsonRate = claims / jsonSeconds;
    const note = `PolNeAR dev: ${articles} articles, ${claims} claims in ${bratSeconds.toFixed(2)} s; the JSON import of the same records ${jsonSeconds.toFixed(2)} s (${jsonRate.toFixed(0)} claims/s)`;
    return [
      { name: 'brat import (PolNeAR dev, Source → actor, Content → claim): claims per second', figure: claims / bratSeconds, unit: 'claims/s', target: jsonRate / 2, better: 'higher', note: `target: half the JSON import’s rate. ${note}` },
      { name: 'brat import (PolNeAR dev): articles per second', figure: articles / bratSeconds, unit: 'articles/s', target: articles / jsonSeconds / 2, better: 'higher', note: 'target: half the JSON import’s rate' },
      { name: 'open the longest PolNeAR dev article with its claims to painted, median', figure: percentile(reading.opens.slice(1), 50), unit: 'ms', target: 300, better: 'lower', note: `${reading.points.toLocaleString()} characters, ${reading.claims} claims; max ${Math.max(...reading.opens.slice(1)).toFixed(0)} ms` },
    ];
  } finally {
    temp.remove();
  }
}
