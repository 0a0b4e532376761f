import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import type { CandidatePair } from '../../shared/domain';
import { buildCandidateProject } from '../helpers/candidate-project';
import { call, tempBackend } from '../helpers/project';
import { tempDir } from '../helpers/temp';
import { buildLinkedProject } from '../bench/linked-project';

const has = (pairs: CandidatePair[], x: string, y: string) => pairs.some((p) => (p.a.claimId === x && p.b.claimId === y) || (p.a.claimId === y && p.b.claimId === x));

describe('candidates.list and candidates.dismiss', () => {
  let project: ReturnType<typeof tempBackend>;
  let backend: Backend;
  let ids: Map<string, string>;
  beforeEach(async () => {
    project = tempBackend();
    backend = project.backend;
    ids = await buildCandidateProject(backend);
  });
  afterEach(() => {
    backend.close();
    project.dispose();
  });

  it('lists the best pairs with both claims as lists show them, and reasons in words', async () => {
    const pairs: CandidatePair[] = await call(backend, 'candidates.list', { kind: 'contradicts', limit: 45 });
    expect(pairs).toHaveLength(45);
    const pair = pairs.find((p) => p.a.claimId === ids.get('c1') && p.b.claimId === ids.get('c5'))!;
    expect(pair.a).toMatchObject({ actor: { name: 'Aurel Dragomir' }, outlet: 'Northern Wire', date: '2025-03-03' });
    expect(pair.b.quote).toBe('There is no agreement on the deployment of peacekeepers, and the issue was not discussed in Geneva');
    expect(pair.reasons).toContain('Dmitri Voskov denies (‘no agreement’), Aurel Dragomir affirms (‘will be deployed’)');
    expect(pairs.every((p) => p.kind === 'contradicts')).toBe(true);
  });

  it('lists one claim’s possible contradictions', async () => {
    const pairs: CandidatePair[] = await call(backend, 'candidates.list', { kind: 'contradicts', claimId: ids.get('c5') });
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every((p) => p.a.claimId === ids.get('c5') || p.b.claimId === ids.get('c5'))).toBe(true);
    expect(has(pairs, ids.get('c1')!, ids.get('c5')!)).toBe(true);
  });

  it('drops an accepted pair (a link), and brings it back when the link is undone', async () => {
    const [c1, c5] = [ids.get('c1')!, ids.get('c5')!];
    await call(backend, 'links.create', { claimA: c1, claimB: c5, kind: 'contradicts', rationaleJson: '', rationaleText: '' });
    expect(has(await call(backend, 'candidates.list', { limit: 500 }), c1, c5)).toBe(false);
    await call(backend, 'history.undo', {});
    expect(has(await call(backend, 'candidates.list', { limit: 500 }), c1, c5)).toBe(true);
  });

  it('undoes a dismissal: the pair is proposed again', async () => {
    const [c8, c17] = [ids.get('c8')!, ids.get('c17')!];
    await call(backend, 'candidates.dismiss', { claimA: c17, claimB: c8 });
    expect(has(await call(backend, 'candidates.list', { limit: 500 }), c8, c17)).toBe(false);
    expect(await call(backend, 'history.undo', {})).toMatchObject({ undone: 'Dismiss a candidate pair' });
    expect(has(await call(backend, 'candidates.list', { limit: 500 }), c8, c17)).toBe(true);
  });

  it('remembers a dismissal in the project file, and forgets it with either claim', async () => {
    const [c8, c17] = [ids.get('c8')!, ids.get('c17')!];
    expect(has(await call(backend, 'candidates.list', { limit: 500 }), c8, c17)).toBe(true);
    await call(backend, 'candidates.dismiss', { claimA: c17, claimB: c8 });
    await call(backend, 'candidates.dismiss', { claimA: c8, claimB: c17 });
    expect(has(await call(backend, 'candidates.list', { limit: 500 }), c8, c17)).toBe(false);
    backend.close();
    backend = Backend.open(project.file);
    expect(has(await call(backend, 'candidates.list', { limit: 500 }), c8, c17)).toBe(false);
    expect(backend.project.db.prepare('SELECT claim_a, claim_b, scorer_version FROM candidate_dismissals').all()).toEqual([
      { claim_a: [c8, c17].sort()[0], claim_b: [c8, c17].sort()[1], scorer_version: 1 },
    ]);
    const highlight = backend.project.db.prepare('SELECT highlight_id FROM claims WHERE id = ?').pluck().get(c8);
    await call(backend, 'claims.remove', { highlightId: highlight });
    expect(backend.project.db.prepare('SELECT count(*) FROM candidate_dismissals').pluck().get()).toBe(0);
  });

  it('follows the project as claims are added, changed, deleted and brought back by undo', async () => {
    const before: CandidatePair[] = await call(backend, 'candidates.list', { limit: 500 });
    // A new claim in a new article: its pairs are proposed without reopening anything.
    const text = 'Tervelia confirms peacekeepers\n\nTERVEL (Northern Wire) — Dmitri Voskov said an agreement on the deployment of peacekeepers had been signed in Geneva.';
    const { articleId } = await call(backend, 'articles.paste', { text, title: '' });
    await call(backend, 'articles.update', { id: articleId, meta: { title: 'Tervelia confirms peacekeepers', outlet: 'Northern Wire', author: '', publishedAt: '2025-06-20', url: '', language: 'en' } });
    const quote = 'an agreement on the deployment of peacekeepers had been signed in Geneva';
    const start = Array.from(text.slice(0, text.indexOf(quote))).length;
    const highlight = await call(backend, 'highlights.create', { articleId, start, end: start + Array.from(quote).length, quote });
    const voskov = backend.project.db.prepare("SELECT id FROM actors WHERE name = 'Dmitri Voskov'").pluck().get();
    const made = await call(backend, 'claims.set', { highlightId: highlight.id, actor: { id: voskov } });
    const mine: CandidatePair[] = await call(backend, 'candidates.list', { kind: 'contradicts', claimId: made.claim.id });
    expect(has(mine, made.claim.id, ids.get('c5')!)).toBe(true);
    expect(mine.find((p) => has([p], made.claim.id, ids.get('c5')!))!.reasons.join(' ')).toContain('Dmitri Voskov on 2025-03-04 and on 2025-06-20');
    // The same as a project opened afresh would propose.
    backend.close();
    backend = Backend.open(project.file);
    expect(await call(backend, 'candidates.list', { kind: 'contradicts', claimId: made.claim.id })).toEqual(mine);
    // Changed: another actor made it; deleted; then undone.
    await call(backend, 'candidates.list', { limit: 500 });
    const amsler = backend.project.db.prepare("SELECT id FROM actors WHERE name = 'Beat Amsler'").pluck().get();
    await call(backend, 'claims.set', { highlightId: highlight.id, actor: { id: amsler } });
    const changed: CandidatePair[] = await call(backend, 'candidates.list', { kind: 'contradicts', claimId: made.claim.id });
    expect(changed.find((p) => has([p], made.claim.id, ids.get('c5')!))!.reasons.join(' ')).toContain('two versions: Dmitri Voskov and Beat Amsler');
    await call(backend, 'claims.remove', { highlightId: highlight.id });
    const without: CandidatePair[] = await call(backend, 'candidates.list', { limit: 500 });
    expect(without.some((p) => p.a.claimId === made.claim.id || p.b.claimId === made.claim.id)).toBe(false);
    expect(without.map((p) => [p.a.claimId, p.b.claimId])).toEqual(before.map((p) => [p.a.claimId, p.b.claimId]));
    await call(backend, 'history.undo', {});
    expect(await call(backend, 'candidates.list', { kind: 'contradicts', claimId: made.claim.id })).toEqual(changed);
    // An actor renamed and an article redated show in the reasons at once.
    await call(backend, 'actors.update', { id: amsler, name: 'Beat Amsler-Roth', kind: 'person', role: '' });
    await call(backend, 'articles.update', { id: articleId, meta: { title: 'Tervelia confirms peacekeepers', outlet: 'Northern Wire', author: '', publishedAt: '2025-03-05', url: '', language: 'en' } });
    const renamed: CandidatePair[] = await call(backend, 'candidates.list', { kind: 'contradicts', claimId: made.claim.id });
    const pair = renamed.find((p) => has([p], made.claim.id, ids.get('c5')!))!;
    expect(pair.reasons.join(' ')).toContain('two versions: Dmitri Voskov and Beat Amsler-Roth');
    expect(pair.b.date).toBe('2025-03-05');
  });

  it('refuses bad input with one message and changes nothing', async () => {
    const c1 = ids.get('c1')!;
    const before = backend.project.db.prepare('SELECT total_changes()').pluck().get();
    const refusals: Array<[string, unknown, string]> = [
      ['candidates.dismiss', { claimA: c1, claimB: c1 }, 'a claim cannot be paired with itself'],
      ['candidates.dismiss', { claimA: c1, claimB: '00000000-0000-4000-8000-000000000000' }, 'One of these claims no longer exists.'],
      ['candidates.dismiss', { claimA: c1, claimB: 'c5' }, 'must be an id'],
      ['candidates.list', { limit: 0 }, ''],
      ['candidates.list', { kind: 'contradiction' }, ''],
    ];
    for (const [method, input, message] of refusals) {
      const result = await backend.invoke(method, input);
      expect(result.ok, `${method} ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(message);
    }
    expect(backend.project.db.prepare('SELECT count(*) FROM candidate_dismissals').pluck().get()).toBe(0);
    expect(backend.project.db.prepare('SELECT total_changes()').pluck().get()).toBe(before);
  });
});

describe('the candidate index of a large project', () => {
  it(
    'is built in slices: other calls are answered meanwhile, and a claim recorded meanwhile is not missed',
    async () => {
      const temp = tempDir();
      const file = path.join(temp.dir, 'large.gainsay');
      let backend = Backend.open(file);
      try {
        const { articleIds } = await buildLinkedProject(backend, 100, 20_000, 100);
        let listed = false;
        const listing = call(backend, 'candidates.list', { limit: 10 }).then((pairs) => {
          listed = true;
          return pairs;
        });
        const article = await call(backend, 'articles.get', { id: articleIds[0] });
        const quote = Array.from(article.text as string).slice(0, 60).join('');
        const highlight = await call(backend, 'highlights.create', { articleId: article.id, start: 0, end: 60, quote });
        const actor = (await call(backend, 'actors.create', { name: 'Dmitri Voskov', kind: 'person' })).id;
        const made = await call(backend, 'claims.set', { highlightId: highlight.id, actor: { id: actor } });
        expect(listed).toBe(false);
        expect(await listing).toHaveLength(10);
        const mine = await call(backend, 'candidates.list', { claimId: made.claim.id });
        expect(mine.length).toBeGreaterThan(0);
        backend.close();
        backend = Backend.open(file);
        expect(await call(backend, 'candidates.list', { claimId: made.claim.id })).toEqual(mine);
      } finally {
        backend.close();
        temp.remove();
      }
    },
    180_000,
  );
});
