import type { Backend } from '../../electron/backend/backend';
import type { Highlight } from '../../shared/domain';
import { ACTORS, ARTICLES, CLAIMS } from '../fixtures/candidates/orlova-valley';
import { call } from './project';

const codePoints = (text: string) => Array.from(text).length;

/**
 * The Orlova Valley fixture recorded through the real backend methods, as an analyst would: paste
 * each article (title first), set its details, create the actors and aliases, record each claim on
 * its span. Returns the claim id of each fixture key.
 */
export async function buildCandidateProject(backend: Backend): Promise<Map<string, string>> {
  const articleIds = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const article of ARTICLES) {
    const outcome = await call(backend, 'articles.paste', { text: `${article.title}\n\n${article.body}`, title: article.title });
    const stored = await call(backend, 'articles.get', { id: outcome.articleId });
    await call(backend, 'articles.update', { id: stored.id, meta: { title: article.title, outlet: article.outlet, author: '', publishedAt: article.date, url: '', language: 'en' } });
    articleIds.set(article.key, stored.id);
    texts.set(article.key, stored.text);
  }
  const actorIds = new Map<string, string>();
  for (const actor of ACTORS) {
    const made = await call(backend, 'actors.create', { name: actor.name, kind: actor.kind });
    for (const alias of actor.aliases) await call(backend, 'actors.addAlias', { id: made.id, alias });
    actorIds.set(actor.key, made.id);
  }
  const claimIds = new Map<string, string>();
  for (const claim of CLAIMS) {
    const text = texts.get(claim.article)!;
    const at = text.indexOf(claim.quote);
    if (at < 0 || text.indexOf(claim.quote, at + 1) >= 0) throw new Error(`${claim.key}: the quote must stand exactly once in its article`);
    const start = codePoints(text.slice(0, at));
    const highlight: Highlight = await call(backend, 'highlights.create', { articleId: articleIds.get(claim.article), start, end: start + codePoints(claim.quote), quote: claim.quote });
    const recorded: Highlight = await call(backend, 'claims.set', {
      highlightId: highlight.id,
      actor: { id: actorIds.get(claim.actor) },
      via: claim.via ? { id: actorIds.get(claim.via) } : null,
      tags: claim.tags ?? [],
    });
    claimIds.set(claim.key, recorded.claim!.id);
  }
  return claimIds;
}
