import type { Page } from '@playwright/test';
import { noteFromText } from '../../shared/notes/note-state';
import { invoke } from './fixtures';

interface SeedClaim {
  article: number;
  quote: string;
  actor: string;
  via?: string;
  tags?: string[];
}

/** Adds articles, claims and links through the backend, as a project an analyst has worked on. */
export async function seed(page: Page, articles: Array<{ text: string; outlet: string; date: string }>, claims: SeedClaim[], links: Array<[number, number, string, string, string]>) {
  const articleIds: string[] = [];
  for (const article of articles) {
    const outcome = await invoke(page, 'articles.paste', { text: article.text, title: '' });
    const stored = await invoke(page, 'articles.get', { id: outcome.articleId });
    await invoke(page, 'articles.update', { id: stored.id, meta: { title: stored.title, outlet: article.outlet, author: '', publishedAt: article.date, url: '', language: 'en' } });
    articleIds.push(stored.id);
  }
  const actors = new Map<string, string>();
  const ref = (name: string) => (actors.has(name) ? { id: actors.get(name)! } : { name, kind: /Wire|Véritas|Tass|Interfax|Daily|Times/.test(name) ? 'outlet' : 'person' });
  const claimIds: string[] = [];
  for (const claim of claims) {
    const article = await invoke(page, 'articles.get', { id: articleIds[claim.article]! });
    const text: string = article.text;
    const start = Array.from(text.slice(0, text.indexOf(claim.quote))).length;
    const highlight = await invoke(page, 'highlights.create', { articleId: article.id, start, end: start + Array.from(claim.quote).length, quote: claim.quote });
    const saved = await invoke(page, 'claims.set', { highlightId: highlight.id, actor: ref(claim.actor), via: claim.via ? ref(claim.via) : null, tags: claim.tags ?? [] });
    actors.set(claim.actor, saved.claim.actor.id);
    if (claim.via) actors.set(claim.via, saved.claim.via.id);
    claimIds.push(saved.claim.id);
  }
  for (const [x, y, kind, status, rationaleText] of links) {
    const link = await invoke(page, 'links.create', { claimA: claimIds[x], claimB: claimIds[y], kind, rationaleJson: noteFromText(rationaleText), rationaleText });
    if (status !== 'open') await invoke(page, 'links.update', { id: link.id, status });
  }
  return { articleIds, claimIds, actors };
}

/** Four fictional reports of one story from four outlets. */
export const REPORTS = [
  {
    outlet: 'Northern Wire',
    date: '2026-03-04',
    text: 'Foreign troops to join monitors, minister says\n\nVELMORA (Northern Wire) — Foreign Minister İlham Qadirov said on Tuesday that “foreign troops will join the ceasefire-monitoring mission within weeks”, adding that 40 observers had already been named.\n\nA spokeswoman for the mission, Zofia Łukasiewicz, said the first patrols would start near Orlova Bay.',
  },
  {
    outlet: 'Agence Véritas',
    date: '2026-03-05',
    text: 'Moscow denies any deal on monitors 🇷🇺\n\nMOSCOW (Agence Véritas) — Tass cited the spokesman Dmitri Pelkov as saying: “There is no agreement on foreign troops and there will be none.”\n\nInterfax quoted Pelkov separately: “No decision on foreign participation has been taken.”',
  },
  {
    outlet: 'Meridian Daily',
    date: '2026-03-05',
    text: 'Mission will be unarmed, envoy insists\n\nKARSK (Meridian Daily) — The envoy Søren Ødegård told reporters that the mission “will not include a single armed soldier”, contradicting the minister.\n\nIlham Kadirov, speaking later in Karsk, repeated that “troops from three countries” would take part.',
  },
  {
    outlet: 'Koryo Times 高丽时报',
    date: '2026-03-06',
    text: '停火监督团将于下周抵达。 Monitors expected next week\n\nSEOUL (Koryo Times) — Officials said “the first 40 observers arrive on Monday”, while Pelkov again said “no foreign soldiers will be deployed”.',
  },
];

