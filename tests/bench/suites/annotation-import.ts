import fs from 'node:fs';
import path from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { exportProject } from '../../../electron/backend/export/export-project';
import { importBratFolder } from '../../../electron/backend/import/brat/brat-import';
import { bratMapping } from '../../../electron/backend/import/brat/mapping';
import { importProjectJsonOutcome } from '../../../electron/backend/import/project-json';
import { percentile, type BenchRow } from '../harness';
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

/**
 * PolNeAR's dev split (GAINSAY_POLNEAR=…/data/dev; never the test split) imported as brat with
 * Source → actor and Content → claim, against the project JSON import of the same records (the
 * brat import's result exported as JSON and imported into another new project): its claims per
 * second must be at least half the JSON import's.
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
    const jsonRate = claims / jsonSeconds;
    const note = `PolNeAR dev: ${articles} articles, ${claims} claims in ${bratSeconds.toFixed(2)} s; the JSON import of the same records ${jsonSeconds.toFixed(2)} s (${jsonRate.toFixed(0)} claims/s)`;
    return [
      { name: 'brat import (PolNeAR dev, Source → actor, Content → claim): claims per second', figure: claims / bratSeconds, unit: 'claims/s', target: jsonRate / 2, better: 'higher', note: `target: half the JSON import’s rate. ${note}` },
      { name: 'brat import (PolNeAR dev): articles per second', figure: articles / bratSeconds, unit: 'articles/s', target: articles / jsonSeconds / 2, better: 'higher', note: 'target: half the JSON import’s rate' },
    ];
  } finally {
    temp.remove();
  }
}
