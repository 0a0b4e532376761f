import type { Backend } from '../../electron/backend/backend';
import type { Highlight } from '../../shared/domain';
import { call } from './project';
import { noteFromText } from '../../shared/notes/note-state';

/**
 * A small fictional project with the mess exports must survive: emoji (with skin-tone modifiers
 * and flags), CJK and non-breaking spaces before and inside claims, curly quotes, the characters
 * XML, HTML and CSV escape (< & ") in texts, quotes, titles, names, tags, notes and rationales, an
 * actor with aliases, a claim reported via a channel, tags, notes, and links of both kinds and all statuses.
 */
export const SAMPLE_ARTICLES = [
  {
    outlet: 'Northern Wire',
    date: '2026-03-04',
    text: 'Troops 👍🏽 will join & stay, minister "says" <live>\n\nVELMORA (Northern Wire) — 停火监督团 Foreign Minister İlham Qadirov said on Tuesday that “foreign troops will join the mission within 48\u00a0hours & stay <until \"peace\">” 🇪🇺.\n\nThe café owner in Karsk said she had seen no soldiers & "no <tanks>".',
  },
  {
    outlet: 'Agence Véritas',
    date: '2026-03-05',
    text: 'Moscow denies deal 🙄\n\nMOSCOW (Agence Véritas) — Tass & "RIA" <wires> cited Dmitri Pelkov as saying: “There is no agreement\u00a0and there will be none 🚫.”\n\n高丽时报 reported: “no foreign soldiers will be deployed”.',
  },
];

export interface SampleProject {
  articleIds: string[];
  claims: Highlight[];
  linkIds: string[];
}

const cp = (text: string, needle: string) => Array.from(text.slice(0, text.indexOf(needle))).length;

export async function buildSampleProject(backend: Backend): Promise<SampleProject> {
  const articleIds: string[] = [];
  for (const article of SAMPLE_ARTICLES) {
    const outcome = await call(backend, 'articles.paste', { text: article.text, title: '' });
    const stored = await call(backend, 'articles.get', { id: outcome.articleId });
    await call(backend, 'articles.update', { id: stored.id, meta: { title: stored.title, outlet: article.outlet, author: '', publishedAt: article.date, url: '', language: 'en' } });
    articleIds.push(stored.id);
  }
  const claim = async (article: number, quote: string, actor: unknown, extra: Record<string, unknown> = {}): Promise<Highlight> => {
    const text = SAMPLE_ARTICLES[article]!.text;
    const start = cp(text, quote);
    const h: Highlight = await call(backend, 'highlights.create', { articleId: articleIds[article], start, end: start + Array.from(quote).length, quote });
    return call(backend, 'claims.set', { highlightId: h.id, actor, ...extra });
  };
  const qadirov = await claim(0, '“foreign troops will join the mission within 48\u00a0hours & stay <until "peace">” 🇪🇺', { name: 'İlham Qadirov', kind: 'person', role: 'Foreign Minister' }, {
    tags: ['foreign troops'],
    noteJson: noteFromText('Said at a press conference <Q&A>, "live".'),
    noteText: 'Said at a press conference <Q&A>, "live".',
  });
  await call(backend, 'actors.addAlias', { id: qadirov.claim!.actor.id, alias: 'Ilham Kadirov' });
  const pelkov = await claim(1, '“There is no agreement\u00a0and there will be none 🚫.”', { name: 'Dmitri Pelkov', kind: 'person' }, { via: { name: 'Tass & "RIA" <wire>', kind: 'outlet' }, tags: ['denial', 'foreign troops'] });
  const koryo = await claim(1, '“no foreign soldiers will be deployed”', { name: '高丽时报', kind: 'outlet' }, { tags: ['denial'], claimedOn: '2026-03-06' });
  const cafe = await claim(0, 'she had seen no soldiers & "no <tanks>"', { name: 'Café owner in Karsk', kind: 'person' }, { tags: ['hearsay & "rumour" <unverified>'] });
  await call(backend, 'highlights.create', { articleId: articleIds[0], start: 0, end: 6, quote: 'Troops' });
  const link = async (x: Highlight, y: Highlight, kind: string, status: string, rationaleText: string) => {
    const made = await call(backend, 'links.create', { claimA: x.claim!.id, claimB: y.claim!.id, kind, rationaleJson: noteFromText(rationaleText), rationaleText });
    if (status !== 'open') await call(backend, 'links.update', { id: made.id, status });
    return made.id as string;
  };
  const linkIds = [
    await link(qadirov, pelkov, 'contradicts', 'confirmed', 'Announced troops; denied a day later — “none”.'),
    await link(qadirov, koryo, 'contradicts', 'open', ''),
    await link(pelkov, koryo, 'corroborates', 'open', 'Same denial, two wordings.'),
    await link(cafe, qadirov, 'contradicts', 'dismissed', 'A café owner is no source on deployments & "troops" <in general>.'),
  ];
  return { articleIds, claims: [qadirov, pelkov, koryo, cafe], linkIds };
}

/** Pasted text keeps NEL (U+0085): brat ends a line there. One claim crosses it; another starts on a no-break space and ends on a line break. */
export const NEL_TEXT = 'Harbour talks stall\n\nPORTVALE (Coastal Ledger) — The port authority said:\u0085“Talks are over.” The union replied\u00a0“we never began.”\nThe mayor said nothing.';

/** Adds the NEL article with its two claims; returns the article's id. */
export async function addNelArticle(backend: Backend): Promise<string> {
  const { articleId } = await call(backend, 'articles.paste', { text: NEL_TEXT, title: '' });
  for (const [quote, actor] of [['said:\u0085“Talks are over.”', 'Port authority'], ['\u00a0“we never began.”\n', 'Dock workers’ union']] as const) {
    const start = cp(NEL_TEXT, quote);
    const h = await call(backend, 'highlights.create', { articleId, start, end: start + Array.from(quote).length, quote });
    await call(backend, 'claims.set', { highlightId: h.id, actor: { name: actor, kind: 'organisation' }, noteJson: '', noteText: '' });
  }
  return articleId;
}
