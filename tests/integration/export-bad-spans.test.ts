import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { JSDOM } from 'jsdom';
import { strFromU8, unzipSync } from 'fflate';
import { qdeSchemaProblems } from '../../electron/backend/import/refi/qde-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../../shared/offsets';
import { runCli } from '../helpers/cli';
import { call, tempBackend } from '../helpers/project';
import { buildSampleProject, type SampleProject } from '../helpers/sample-project';


/**
 * A project made by the app into which claims whose spans do not hold on their article text were
 * written straight with SQLite, as another tool (or a hostile sender) could: a quote that no
 * longer matches, an end of 2^53, a negative start, a start after the end, a span past the end
 * of the text. The last three break the table's CHECK constraints, which a file need not have.
 */
describe('exports of claims whose offsets or quote do not hold on the text', () => {
  let env: ReturnType<typeof tempBackend>;
  let sample: SampleProject;
  /** The claims that still hold (by id) with their article's text. */
  let good: Array<{ claimId: string; articleId: string; quote: string; text: string }>;
  let bad: string[];
  let texts: Map<string, string>;

  beforeAll(async () => {
    env = tempBackend();
    sample = await buildSampleProject(env.backend);
    texts = new Map();
    for (const id of sample.articleIds) texts.set(id, (await call(env.backend, 'articles.get', { id })).text);
    env.backend.close();
    const [qadirov, pelkov, koryo, cafe] = sample.claims;
    const db = new Database(env.file);
    db.prepare("UPDATE highlights SET quote = 'not what the text says' WHERE id = ?").run(pelkov!.id);
    db.prepare('UPDATE highlights SET end_cp = ? WHERE id = ?').run(2 ** 53, cafe!.id);
    // A claim that holds, whose stored context does not: exports read the context off the text.
    db.prepare("UPDATE highlights SET prefix = 'forged context ', suffix = ' forged' WHERE id = ?").run(qadirov!.id);
    db.pragma('ignore_check_constraints = ON');
    const actor = cafe!.claim!.actor.id;
    const insertClaim = (id: string, start: number, end: number, quote: string) => {
      db.prepare(
        `INSERT INTO highlights (id, article_id, start_cp, end_cp, quote, prefix, suffix, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, '', '', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z')`,
      ).run(`h-${id}`, sample.articleIds[0], start, end, quote);
      db.prepare(`INSERT INTO claims (id, highlight_id, actor_id, created_at, updated_at) VALUES (?, ?, ?, '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z')`).run(id, `h-${id}`, actor);
      return id;
    };
    const negative = insertClaim('c-negative', -5, 3, 'Tro');
    const inverted = insertClaim('c-inverted', 12, 4, 'will');
    const past = insertClaim('c-past-end', 100_000, 100_004, 'gone');
    db.close();
    bad = [pelkov!.claim!.id, cafe!.claim!.id, negative, inverted, past];
    good = [qadirov!, koryo!].map((h) => ({ claimId: h.claim!.id, articleId: h.articleId, quote: h.quote, text: texts.get(h.articleId)! }));
  });
  afterAll(() => env.dispose());

  /** Runs the real CLI; an export that loops is killed after 20 s and fails the test. */
  const exportAs = (format: string, out: string) => {
    const result = runCli(['export', '--project', env.file, '--format', format, '--out', out], {}, 20_000);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return result.stdout;
  };

  it('brat terminates and leaves those claims out, with the links that need them; the result says how many', () => {
    const folder = path.join(env.dir, 'brat');
    const stdout = exportAs('brat', folder);
    expect(stdout).toContain('5 claims need attention');
    expect(stdout).toContain('5 claims need attention (offsets or quote do not hold on the article text): left out, as were the 3 links attached to them.');
    const entities: string[] = [];
    for (const articleId of sample.articleIds) {
      const points = Array.from(texts.get(articleId)!);
      for (const line of fs.readFileSync(path.join(folder, `${articleId}.ann`), 'utf8').split('\n')) {
        const t = /^T\d+\tClaim ([\d ;]+)\t/.exec(line);
        if (!t) continue;
        const fragments = t[1]!.split(';').map((f) => f.split(' ').map(Number));
        const whole = points.slice(fragments[0]![0], fragments[fragments.length - 1]![1]).join('');
        expect(good.map((g) => g.quote)).toContain(whole);
        entities.push(whole);
      }
      expect(fs.readFileSync(path.join(folder, `${articleId}.ann`), 'utf8')).not.toMatch(/^R\d+/m);
    }
    expect(entities).toHaveLength(2);
    expect(fs.readFileSync(path.join(folder, 'cross-document-links.tsv'), 'utf8').trimEnd().split('\n')).toHaveLength(2);
  });

  it('W3C leaves them out, with their links; every position it writes gives back its quote', () => {
    const file = path.join(env.dir, 'annotations.jsonld');
    expect(exportAs('w3c', file)).toContain('5 claims need attention');
    const items = JSON.parse(fs.readFileSync(file, 'utf8')).first.items as Array<Record<string, any>>;
    const claims = items.filter((a) => a.motivation === 'classifying');
    expect(claims.map((c) => c.id).sort()).toEqual(good.map((g) => `urn:uuid:${g.claimId}`).sort());
    for (const c of claims) {
      const position = c.target.selector.find((s: any) => s.type === 'TextPositionSelector');
      const quote = c.target.selector.find((s: any) => s.type === 'TextQuoteSelector');
      const text = texts.get(c.target.source.id.slice('urn:uuid:'.length))!;
      expect(sliceCodePoints(text, position.start, position.end)).toBe(quote.exact);
      expect(sliceCodePoints(text, position.start - Array.from(quote.prefix).length, position.end + Array.from(quote.suffix).length)).toBe(quote.prefix + quote.exact + quote.suffix);
      expect(quote.prefix).not.toContain('forged');
    }
    const links = items.filter((a) => a.motivation === 'linking');
    expect(links).toHaveLength(1);
    for (const target of links[0]!.target) expect(claims.some((c) => c.id === target)).toBe(true);
  });

  it('REFI-QDA leaves them out, with their links, and stays valid against the schema', async () => {
    const file = path.join(env.dir, 'project.qdpx');
    expect(exportAs('refi', file)).toContain('5 claims need attention');
    const files = unzipSync(fs.readFileSync(file));
    const qde = strFromU8(files['project.qde']!);
    expect(await qdeSchemaProblems(qde)).toEqual([]);
    const doc = new new JSDOM('').window.DOMParser().parseFromString(qde, 'application/xml');
    const selections = [...doc.getElementsByTagName('PlainTextSelection')];
    expect(selections.map((s) => s.getAttribute('guid')).sort()).toEqual(good.map((g) => g.claimId).sort());
    for (const s of selections) {
      const g = good.find((x) => x.claimId === s.getAttribute('guid'))!;
      expect(sliceCodePoints(g.text, Number(s.getAttribute('startPosition')), Number(s.getAttribute('endPosition')))).toBe(g.quote);
    }
    const links = [...doc.getElementsByTagName('Link')];
    expect(links).toHaveLength(1);
    expect(selections.map((s) => s.getAttribute('guid'))).toEqual(expect.arrayContaining([links[0]!.getAttribute('originGUID'), links[0]!.getAttribute('targetGUID')]));
  });

  it('the report keeps them, each marked as needing attention, and counts them', () => {
    const out = path.join(env.dir, 'briefing.html');
    expect(exportAs('report', out)).toContain('5 claims need attention');
    const page = new JSDOM(fs.readFileSync(out, 'utf8')).window.document;
    expect(page.querySelectorAll('.needs-attention').length).toBeGreaterThanOrEqual(5);
    expect(page.querySelector('.summary')!.textContent).toContain('5need attention');
    const markdown = fs.readFileSync(path.join(env.dir, 'briefing.md'), 'utf8');
    expect(markdown).toContain('5 claims need attention');
    expect(markdown.match(/\(needs attention: /g)!.length).toBeGreaterThanOrEqual(5);
  });

  it('CSV keeps every claim, leaves the positions of those empty and marks them', () => {
    const folder = path.join(env.dir, 'csv');
    expect(exportAs('csv', folder)).toContain('5 claims need attention');
    const rows = parse(fs.readFileSync(path.join(folder, 'claims.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      if (bad.includes(row.claim_id!)) {
        expect(row).toMatchObject({ start: '', end: '', needs_attention: 'yes' });
      } else {
        expect(row.needs_attention).toBe('');
        const text = texts.get(row.article_id!)!;
        expect(sliceCodePoints(text, Number(row.start), Number(row.end))).toBe(row.quote);
        expect(sliceCodePoints(text, Number(row.start) - Array.from(row.prefix!).length, Number(row.end) + Array.from(row.suffix!).length)).toBe(row.prefix! + row.quote + row.suffix);
        expect(row.prefix! + row.suffix!).not.toContain('forged');
      }
    }
  });

  it('JSON and the project file copy keep the records as they are', () => {
    const file = path.join(env.dir, 'project.json');
    exportAs('json', file);
    const highlights = JSON.parse(fs.readFileSync(file, 'utf8')).highlights as Array<{ id: string; start: number; end: number; quote: string }>;
    expect(highlights.find((h) => h.id === sample.claims[3]!.id)!.end).toBe(2 ** 53);
    expect(highlights.find((h) => h.id === 'h-c-negative')).toMatchObject({ start: -5, end: 3 });
    expect(highlights.find((h) => h.id === sample.claims[1]!.id)!.quote).toBe('not what the text says');
    const copy = path.join(env.dir, 'copy.gainsay');
    exportAs('sqlite', copy);
    const db = new Database(copy, { readonly: true });
    expect(db.prepare('SELECT start_cp, end_cp FROM highlights WHERE id = ?').get('h-c-inverted')).toEqual({ start_cp: 12, end_cp: 4 });
    db.close();
  });
});
