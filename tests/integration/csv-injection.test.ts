import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { call, tempBackend } from '../helpers/project';

/** The six ways a cell can start a formula in a spreadsheet (OWASP, CSV injection). */
const FORMULAS = ['=1+1', '+1+1', '-1+1', '@SUM(1+1)', '\t=1+1', '\r=1+1'];
const ARTICLE = 'alpha beta gamma delta epsilon zeta eta';

/**
 * A project whose claims' notes (and an actor's name and an article's title) start like formulas,
 * written straight into the file as another tool could: the app's own editor would trim some.
 */
describe('CSV cells that a spreadsheet would read as formulas', () => {
  let env: ReturnType<typeof tempBackend>;
  const claimIds: string[] = [];

  beforeAll(async () => {
    env = tempBackend();
    const { articleId } = await call(env.backend, 'articles.paste', { text: ARTICLE, title: '' });
    const words = ARTICLE.split(' ');
    for (const [i, word] of words.slice(0, FORMULAS.length).entries()) {
      const start = ARTICLE.indexOf(word);
      const h = await call(env.backend, 'highlights.create', { articleId, start, end: start + word.length, quote: word });
      const claimed = await call(env.backend, 'claims.set', { highlightId: h.id, actor: { name: `Speaker ${i}`, kind: 'person' } });
      claimIds.push(claimed.claim.id);
    }
    env.backend.close();
    const db = new Database(env.file);
    FORMULAS.forEach((formula, i) => db.prepare('UPDATE claims SET note_text = ? WHERE id = ?').run(formula, claimIds[i]));
    db.prepare("UPDATE actors SET name = '=HYPERLINK(\"http://example.invalid\")' WHERE name = 'Speaker 0'").run();
    db.prepare("UPDATE articles SET title = '@SUM(A1:A9)'").run();
    db.close();
  });
  afterAll(() => env.dispose());

  const exportCsv = (name: string, ...extra: string[]) => {
    const folder = path.join(env.dir, name);
    const result = runCli(['export', '--project', env.file, '--format', 'csv', '--out', folder, ...extra]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return (file: string) => fs.readFileSync(path.join(folder, file), 'utf8');
  };
  const notes = (csv: string) => {
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    return claimIds.map((id) => rows.find((r) => r.claim_id === id)!.note);
  };

  it("start with ' (nothing trimmed), on the raw file and through csv-parse; other cells are left alone", () => {
    const read = exportCsv('csv');
    const claims = read('claims.csv');
    // On the raw file: each cell begins with the quote mark, then the value as it was.
    for (const cell of [",'=1+1,", ",'+1+1,", ",'-1+1,", ",'@SUM(1+1),", ",'\t=1+1,", ',"\'\r=1+1",']) expect(claims).toContain(cell);
    expect(notes(claims)).toEqual(FORMULAS.map((formula) => `'${formula}`));
    expect(claims).toContain(`,"'=HYPERLINK(""http://example.invalid"")",`);
    expect(read('actors.csv')).toContain(`,"'=HYPERLINK(""http://example.invalid"")",`);
    expect(read('articles.csv')).toContain(",'@SUM(A1:A9),");
    // Numbers, dates and ordinary text are not touched.
    const row = (parse(claims, { columns: true }) as Array<Record<string, string>>)[0]!;
    expect(row).toMatchObject({ start: '0', end: '5', quote: 'alpha' });
    expect(row.created_at).toMatch(/^\d{4}-/);
  });

  it('keep their values as they are with --raw', () => {
    const read = exportCsv('csv-raw', '--raw');
    const claims = read('claims.csv');
    for (const cell of [',=1+1,', ',+1+1,', ',-1+1,', ',@SUM(1+1),', ',\t=1+1,', ',"\r=1+1",']) expect(claims).toContain(cell);
    expect(notes(claims)).toEqual(FORMULAS);
    expect(read('articles.csv')).toContain(',@SUM(A1:A9),');
  });
});
