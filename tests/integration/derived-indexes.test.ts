import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import type { ActorPair, Highlight, LinkKind, LinkStatus } from '../../shared/domain';
import { LINK_STATUSES } from '../../shared/domain';
import { COMMON_TERM, searchClaims } from '../../electron/backend/features/links/claim-search';
import { call, tempBackend } from '../helpers/project';

// Fictional reports: invented places, ministers and outlets, with the letters folding joins.
const REPORTS = [
  [
    'Harbour talks stall in Velmora',
    'The Łódź-born envoy Marta Kowalczyk said the harbour talks had stalled. “No ceasefire was agreed,” she told the Northern Wire on Tuesday.',
    'Minister Ömer Erdoğanlı replied that the café meeting in Straße Nord produced “a framework, not a ceasefire”. Observers from the mission disputed that account.',
    'The ministry’s spokesman, Þórður Ásgeirsson, said “the observers were never invited”, and added that the mission would report on Friday.',
  ],
  [
    'Observers dispute ministry account',
    'VELMORA (Agence Véritas) — The observer mission said on Wednesday that shelling near the harbour continued after the ceasefire was announced.',
    'A senior official, speaking on condition of anonymity, said the envoy’s account of the talks was “entirely accurate”. Kowalczyk declined to comment.',
    'Erdoğanlı’s office denied that any foreign troops had crossed the river, calling the report “fabricated from start to finish”.',
  ],
];

const ACTORS = ['Marta Kowalczyk', 'Ömer Erdoğanlı', 'Þórður Ásgeirsson', 'Agence spokesman'];
const TAGS = ['ceasefire', 'denial', 'observers'];

interface Fixture {
  articles: Array<{ id: string; text: string }>;
  highlights: string[];
}

/** Words and fragments a query is made of: pieces of the reports, names, tags, outlets, and noise. */
const WORDS = [...new Set(REPORTS.flat().join(' ').split(/[\s,.“”’—()]+/u).filter(Boolean))];
const piece = fc.oneof(
  fc.constantFrom(...WORDS).chain((w) => fc.integer({ min: 1, max: w.length }).map((n) => w.slice(0, n))),
  fc.constantFrom(...WORDS, 'lodz', 'erdoganli', 'strasse', 'thordur', 'asgeirsson', 'cafe', 'veritas', 'wire', 'nomatch'),
  // Words that name an actor, a tag or an outlet (a claim may have them though its quote does not).
  fc.constantFrom('marta', 'kowalczyk', 'omer', 'spokesman', 'agence', 'ceasefire', 'denial', 'obs', 'northern', 'veritas'),
  fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b]) => `"${a} ${b}"`),
  fc.string({ maxLength: 6 }),
);
const query = fc.array(piece, { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join(' '));

type Op =
  | { op: 'create'; article: number; at: number; length: number; actor: number; tag: number }
  | { op: 'move'; highlight: number; at: number; length: number }
  | { op: 'delete'; highlight: number }
  | { op: 'reattribute'; highlight: number; actor: number }
  | { op: 'link'; a: number; b: number; kind: LinkKind }
  | { op: 'status'; link: number; status: LinkStatus; kind: LinkKind }
  | { op: 'unlink'; link: number }
  | { op: 'undo' }
  | { op: 'redo' };

const index = fc.nat({ max: 40 });
const kind = fc.constantFrom<LinkKind>('contradicts', 'corroborates');
const operation: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), article: fc.nat({ max: 1 }), at: fc.nat({ max: 400 }), length: fc.integer({ min: 3, max: 90 }), actor: fc.nat({ max: 3 }), tag: fc.nat({ max: 2 }) }),
  fc.record({ op: fc.constant('move' as const), highlight: index, at: fc.nat({ max: 400 }), length: fc.integer({ min: 3, max: 90 }) }),
  fc.record({ op: fc.constant('delete' as const), highlight: index }),
  fc.record({ op: fc.constant('reattribute' as const), highlight: index, actor: fc.nat({ max: 3 }) }),
  fc.record({ op: fc.constant('link' as const), a: index, b: index, kind }),
  fc.record({ op: fc.constant('status' as const), link: index, status: fc.constantFrom(...LINK_STATUSES), kind }),
  fc.record({ op: fc.constant('unlink' as const), link: index }),
  fc.constant({ op: 'undo' as const }),
  fc.constant({ op: 'redo' as const }),
);

/** Who contradicts whom as it was computed before the counts were kept: every link grouped, in JS. */
function pairsByScan(db: Database.Database, kind: LinkKind, limit: number): ActorPair[] {
  const rows = db
    .prepare('SELECT min(a_actor, b_actor) AS x, max(a_actor, b_actor) AS y, status, count(*) AS n FROM links WHERE kind = ? GROUP BY x, y, status')
    .all(kind) as Array<{ x: string; y: string; status: LinkStatus; n: number }>;
  const pairs = new Map<string, { x: string; y: string; total: number; counts: Record<LinkStatus, number> }>();
  for (const row of rows) {
    const pair = pairs.get(`${row.x} ${row.y}`) ?? { x: row.x, y: row.y, total: 0, counts: { open: 0, confirmed: 0, dismissed: 0 } };
    pair.total += row.n;
    pair.counts[row.status] += row.n;
    pairs.set(`${row.x} ${row.y}`, pair);
  }
  const actor = db.prepare('SELECT id, name, kind FROM actors WHERE id = ?');
  return [...pairs.values()]
    .sort((p, q) => q.total - p.total || p.x.localeCompare(q.x) || p.y.localeCompare(q.y))
    .slice(0, limit)
    .map(({ x, y, total, counts }) => {
      const [a, b] = [actor.get(x) as ActorPair['a'], actor.get(y) as ActorPair['a']];
      return a.name.localeCompare(b.name) <= 0 ? { a, b, total, counts } : { a: b, b: a, total, counts };
    });
}

describe('the claim quote index and the actor pair counts', () => {
  let env: ReturnType<typeof tempBackend>;
  beforeEach(() => (env = tempBackend()));
  afterEach(() => env.dispose());
  /** How many steps of each method went through. */
  const done = new Map<string, number>();

  async function claimAt(fixture: Fixture, article: number, at: number, length: number, actor: number, tag: number): Promise<void> {
    const { id, text } = fixture.articles[article]!;
    const points = Array.from(text);
    const start = at % (points.length - length);
    const h: Highlight = await call(env.backend, 'highlights.create', { articleId: id, start, end: start + length, quote: points.slice(start, start + length).join('') });
    // Some claims come through a channel (another actor), so a name also finds the claims it relayed.
    const via = at % 3 === 0 ? { name: ACTORS[(actor + 1) % ACTORS.length]!, kind: 'person' as const } : null;
    await call(env.backend, 'claims.set', { highlightId: h.id, actor: { name: ACTORS[actor]!, kind: 'person' }, via, tags: [TAGS[tag]!] });
    fixture.highlights.push(h.id);
  }

  async function fixture(): Promise<Fixture> {
    const made: Fixture = { articles: [], highlights: [] };
    for (const [i, [title, ...paragraphs]] of REPORTS.entries()) {
      const text = paragraphs.join('\n\n');
      const id = (await call(env.backend, 'articles.paste', { text, title })).articleId as string;
      await call(env.backend, 'articles.update', { id, meta: { title: title!, outlet: i ? 'Agence Véritas' : 'Northern Wire', author: '', publishedAt: `2026-03-0${4 + i}`, url: '', language: 'en' } });
      made.articles.push({ id, text: (await call(env.backend, 'articles.get', { id })).text as string });
    }
    for (let k = 0; k < 12; k++) await claimAt(made, k % 2, k * 37, 20 + ((k * 13) % 60), k % 4, k % 3);
    return made;
  }

  /** Runs one step as the UI would; a step that no longer applies (its row is gone) is refused and skipped. */
  async function apply(f: Fixture, step: Op): Promise<void> {
    const db = env.backend.project.db;
    const pick = <T>(list: T[], i: number) => (list.length ? list[i % list.length] : undefined);
    const highlight = (i: number) => pick(db.prepare('SELECT h.id FROM highlights h JOIN claims c ON c.highlight_id = h.id ORDER BY h.rowid').pluck().all() as string[], i);
    const link = (i: number) => pick(db.prepare('SELECT id FROM links ORDER BY rowid').pluck().all() as string[], i);
    const claimOf = (i: number) => pick(db.prepare('SELECT id FROM claims ORDER BY rowid').pluck().all() as string[], i);
    // A step whose row another step removed is refused as a conflict; a malformed one fails the test.
    const tryCall = async (method: string, input: unknown) => {
      const result = await env.backend.invoke(method, input);
      if (!result.ok && result.error.code === 'invalid_input') throw new Error(`${method}: ${result.error.message}`);
      if (result.ok) done.set(method, (done.get(method) ?? 0) + 1);
    };
    switch (step.op) {
      case 'create':
        return claimAt(f, step.article, step.at, step.length, step.actor, step.tag);
      case 'move': {
        const id = highlight(step.highlight);
        if (!id) return;
        const { article_id: articleId } = db.prepare('SELECT article_id FROM highlights WHERE id = ?').get(id) as { article_id: string };
        const points = Array.from(f.articles.find((a) => a.id === articleId)!.text);
        const start = step.at % (points.length - step.length);
        return tryCall('highlights.move', { id, start, end: start + step.length, quote: points.slice(start, start + step.length).join('') });
      }
      case 'delete':
        return highlight(step.highlight) ? tryCall('highlights.delete', { id: highlight(step.highlight) }) : undefined;
      case 'reattribute':
        return highlight(step.highlight) ? tryCall('claims.set', { highlightId: highlight(step.highlight), actor: { name: ACTORS[step.actor]!, kind: 'person' } }) : undefined;
      case 'link': {
        const [a, b] = [claimOf(step.a), claimOf(step.b)];
        return a && b && a !== b ? tryCall('links.create', { claimA: a, claimB: b, kind: step.kind, rationaleJson: '', rationaleText: '' }) : undefined;
      }
      case 'status':
        return link(step.link) ? tryCall('links.update', { id: link(step.link), status: step.status, kind: step.kind }) : undefined;
      case 'unlink':
        return link(step.link) ? tryCall('links.delete', { id: link(step.link) }) : undefined;
      case 'undo':
        return tryCall('history.undo', {});
      case 'redo':
        // Redo needs an undo just before it: this step is both.
        await tryCall('history.undo', {});
        return tryCall('history.redo', {});
    }
  }

  it('answer as the scan of every claim and the grouping of every link do, through edits, undo and redo (property)', async () => {
    const f = await fixture();
    const db = env.backend.project.db;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 6 }), fc.array(query, { minLength: 1, maxLength: 4 }), async (steps, queries) => {
        for (const step of steps) await apply(f, step);
        for (const text of queries) {
          for (const limit of [2, 200]) {
            const scanned = searchClaims(db, { text, limit }, null).map((c) => c.claimId);
            // Whichever term the search starts from: the rarest (every term is rare in so small a
            // project), or the quote index or the walk when a term found in a claim counts as common.
            for (const commonTerm of [COMMON_TERM, 3, 1]) {
              expect(searchClaims(db, { text, limit }, commonTerm).map((c) => c.claimId), `${text} (limit ${limit}, common at ${commonTerm})`).toEqual(scanned);
            }
          }
        }
        for (const kind of ['contradicts', 'corroborates'] as const) {
          for (const limit of [1, 3, 500]) expect(await call(env.backend, 'links.pairs', { kind, limit })).toEqual(pairsByScan(db, kind, limit));
        }
      }),
      // A fixed seed: the coverage check below must not depend on the luck of a run (one CI run drew
      // only two status changes in sixty); the seed was chosen once and not tuned to the code.
      { numRuns: 60, seed: 20261129 },
    );
    // The runs did change things: the property is not met by an untouched project alone.
    for (const method of ['highlights.move', 'highlights.delete', 'claims.set', 'links.create', 'links.update', 'links.delete', 'history.undo', 'history.redo']) {
      expect(done.get(method), method).toBeGreaterThan(3);
    }
  });

  it('finds a rare word through the index, and stops finding it once its claim is deleted, until undo brings it back', async () => {
    await fixture();
    const db = env.backend.project.db;
    const text = 'The Zabrovnik café meeting ended early, a clerk said.';
    const articleId = (await call(env.backend, 'articles.paste', { text, title: 'Clerk' })).articleId as string;
    const h: Highlight = await call(env.backend, 'highlights.create', { articleId, start: 4, end: 24, quote: 'Zabrovnik café meeti' });
    await call(env.backend, 'claims.set', { highlightId: h.id, actor: { name: 'A clerk', kind: 'person' } });
    const found = (words: string) => searchClaims(db, { text: words, limit: 10 }).map((c) => c.highlightId);
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT rowid FROM claim_quotes WHERE claim_quotes MATCH '\" zabrovnik cafe\"' ORDER BY rowid DESC").all() as Array<{ detail: string }>).map((r) => r.detail).join('\n');
    expect(plan).toMatch(/VIRTUAL TABLE INDEX/);
    expect(found('zabrovnik cafe meeti')).toEqual([h.id]);
    expect(found('"zabrovnik cafe"')).toEqual([h.id]);
    expect(found('zabrovnik meeting')).toEqual([]); // more than the quote holds
    await call(env.backend, 'highlights.delete', { id: h.id });
    expect(found('zabrovnik')).toEqual([]);
    await call(env.backend, 'history.undo', {});
    expect(found('zabrovnik')).toEqual([h.id]);
    await call(env.backend, 'history.redo', {});
    expect(found('zabrovnik')).toEqual([]);
  });
});
