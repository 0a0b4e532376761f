import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { ANALYSIS_LIMIT } from '../../electron/backend/db/planner-statistics';
import { buildLinkedProject } from '../bench/linked-project';
import { call } from '../helpers/project';
import { tempDir } from '../helpers/temp';

type StatRow = { tbl: string; idx: string | null; stat: string };
const statistics = (db: Database.Database) => db.prepare('SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx').all() as StatRow[];

describe('the query planner’s statistics in a project file', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.remove());

  it('are made again from the file’s own rows at open: a file saying every index matches every row is read with honest plans', async () => {
    const honest = path.join(temp.dir, 'honest.gainsay');
    const backend = Backend.open(honest);
    await buildLinkedProject(backend, 6, 300, 150);
    backend.close();

    // What SQLite gathers from these rows, bounded as the app gathers it.
    const expected = new Database(path.join(temp.dir, 'expected.gainsay'));
    fs.copyFileSync(honest, path.join(temp.dir, 'expected.gainsay'));
    expected.exec('DELETE FROM sqlite_stat1; DELETE FROM sqlite_stat4');
    expected.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
    expected.exec('ANALYZE');
    const gathered = statistics(expected);
    expected.close();
    expect(gathered.length).toBeGreaterThan(10);

    // A colleague's file whose statistics say each index matches every row of its table.
    const crafted = path.join(temp.dir, 'crafted.gainsay');
    fs.copyFileSync(honest, crafted);
    const tamper = new Database(crafted);
    tamper.exec('DELETE FROM sqlite_stat4');
    for (const row of statistics(tamper).filter((r) => r.idx !== null)) {
      const rows = row.stat.split(' ')[0]!;
      tamper.prepare('UPDATE sqlite_stat1 SET stat = ? WHERE tbl = ? AND idx = ?').run(row.stat.split(' ').map(() => rows).join(' '), row.tbl, row.idx);
    }
    tamper.close();

    const opened = Backend.open(crafted);
    try {
      expect(statistics(opened.project.db)).toEqual(gathered);
      // The library lists, and the review list reads, as they do for the honest file.
      expect(await call(opened, 'articles.list', {})).toHaveLength(6);
      const review = await call(opened, 'links.review', { filters: {}, limit: 50 });
      expect(review.total).toBeGreaterThan(0);
    } finally {
      opened.close();
    }
  });
});
