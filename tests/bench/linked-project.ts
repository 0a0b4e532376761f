import type { Backend } from '../../electron/backend/backend';
import { createActor } from '../../electron/backend/features/actors/repository';
import { createHighlight } from '../../electron/backend/features/annotations/repository';
import { createLink } from '../../electron/backend/features/links/repository';
import { newId } from '../../electron/backend/clock';
import type { ImportOutcome, LinkStatus } from '../../shared/domain';
import { prng, syntheticCorpus } from './corpus';

const TAGS = ['foreign troops', 'denial', 'casualties', 'ceasefire', 'observers', 'shelling', 'aid', 'talks', 'Łódź talks', 'evacuation'];
const STATUSES: LinkStatus[] = ['open', 'open', 'open', 'confirmed', 'dismissed'];

export interface LinkedProject {
  actorIds: string[];
  articleIds: string[];
}

/**
 * A project the size the review list is built for: `claims` claims on sentences of `articles`
 * synthetic reports, by 300 actors (some through a channel), tagged, and `links` links between
 * random pairs (four in five contradictions), with statuses and some rationales. Deterministic.
 */
export async function buildLinkedProject(backend: Backend, articles: number, claims: number, links: number): Promise<LinkedProject> {
  const rand = prng(42);
  const articleIds: string[] = [];
  for (const article of syntheticCorpus(articles, 12_000, 7)) {
    const result = await backend.invoke('articles.paste', { text: `${article.title}\n\n${article.text}`, title: article.title });
    const outcome = result.ok ? (result.value as ImportOutcome) : null;
    if (!outcome?.articleId) throw new Error('could not add an article');
    backend.project.db.prepare('UPDATE articles SET outlet = ?, published_at = ? WHERE id = ?').run(article.outlet, article.publishedAt, outcome.articleId);
    articleIds.push(outcome.articleId);
  }
  const { db, anchors } = backend.project;
  const actorIds: string[] = [];
  const claimIds: string[] = [];
  db.transaction(() => {
    for (let i = 0; i < 300; i++) actorIds.push(createActor(db, { name: `Speaker ${i} Łukasiewicz-Erdoğan`, kind: i % 10 === 0 ? 'government' : 'person', role: '' }));
    const tagIds = TAGS.map((name) => {
      db.prepare('INSERT INTO tags (id, name, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING').run(newId(), name, '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z');
      return db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(name) as string;
    });
    const insertClaim = db.prepare(
      `INSERT INTO claims (id, highlight_id, actor_id, via_actor_id, claimed_on, note_json, note_text, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, '', '', ?, ?)`,
    );
    const insertTag = db.prepare('INSERT INTO claim_tags (claim_id, tag_id) VALUES (?, ?)');
    const perArticle = Math.ceil(claims / articles);
    for (const articleId of articleIds) {
      const text = db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(articleId) as string;
      const points = Array.from(text);
      // Sentences and parts of sentences, spread over the article.
      for (let k = 0; k < perArticle && claimIds.length < claims; k++) {
        const start = Math.floor(rand() * (points.length - 200));
        const end = start + 20 + Math.floor(rand() * 160);
        const highlightId = createHighlight(db, anchors, articleId, start, end, points.slice(start, end).join(''));
        const claimId = newId();
        const via = rand() < 0.3 ? actorIds[Math.floor(rand() * 30)]! : null;
        let actor = actorIds[Math.floor(rand() * actorIds.length)]!;
        if (actor === via) actor = actorIds[(actorIds.indexOf(actor) + 1) % actorIds.length]!;
        const day = rand() < 0.8 ? `2026-03-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}` : null;
        insertClaim.run(claimId, highlightId, actor, via, day, '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z');
        insertTag.run(claimId, tagIds[Math.floor(rand() * tagIds.length)]!);
        claimIds.push(claimId);
      }
    }
    const made = new Set<string>();
    while (made.size < links) {
      const x = claimIds[Math.floor(rand() * claimIds.length)]!;
      const y = claimIds[Math.floor(rand() * claimIds.length)]!;
      const key = x < y ? `${x}${y}` : `${y}${x}`;
      if (x === y || made.has(key)) continue;
      made.add(key);
      createLink(db, {
        claimA: x,
        claimB: y,
        kind: rand() < 0.8 ? 'contradicts' : 'corroborates',
        status: STATUSES[Math.floor(rand() * STATUSES.length)]!,
        rationaleJson: '',
        rationaleText: rand() < 0.3 ? 'The two accounts of the observer mission cannot both be true; Velmora’s ministry gave the later one.' : '',
        createdBy: 'bench',
      });
    }
  })();
  db.exec('ANALYZE');
  return { actorIds, articleIds };
}
