import type Database from 'better-sqlite3';
import * as report from '../../../shared/export/report';
import { writeFileAtomically } from './output';
import { claimsByActor, linksByPair } from './report-data';

export interface ReportFiles {
  html: string;
  markdown: string;
}

/** The files a report named `out` is written to: out.html and out.md (whatever `out` ends with). */
export function reportFiles(out: string): ReportFiles {
  const base = out.replace(/\.(html?|md)$/i, '');
  return { html: `${base}.html`, markdown: `${base}.md` };
}

const VERBS = { contradicts: 'vs', corroborates: 'and' } as const;

/**
 * The review report as HTML and Markdown: contradictions side by side grouped by actor pair
 * (status and rationale with each), then corroborations, then every actor's claims by date.
 */
export async function writeReport(db: Database.Database, out: string, articleIds: string[] | null, projectName: string): Promise<ReportFiles> {
  const files = reportFiles(out);
  const contradictions = linksByPair(db, 'contradicts', articleIds);
  const corroborations = linksByPair(db, 'corroborates', articleIds);
  const count = (groups: typeof contradictions) => groups.reduce((n, g) => n + g.links.length, 0);
  const articles = articleIds ? articleIds.length : (db.prepare('SELECT count(*) FROM articles').pluck().get() as number);
  const claims = [...claimsByActor(db, articleIds)];
  const header: report.ReportHeader = {
    project: projectName,
    generated: new Date().toISOString().slice(0, 10),
    counts: { articles, claims: claims.reduce((n, a) => n + a.claims.length, 0), contradictions: count(contradictions), corroborations: count(corroborations) },
  };
  const asReportClaims = (entry: (typeof claims)[number]) =>
    entry.claims.map((c) => ({ actor: c.actor, via: c.via, outlet: c.outlet, articleTitle: c.articleTitle, date: c.claimedOn ?? c.publishedAt?.slice(0, 10) ?? null, quote: c.quote }));

  await writeFileAtomically(files.html, (write) => {
    write(report.htmlStart(header));
    write(report.htmlSection('Contradictions, by actor pair', contradictions.length ? '' : 'No contradictions have been recorded.'));
    for (const pair of contradictions) write(report.htmlPair(pair, VERBS.contradicts));
    write(report.htmlSection('Corroborations', corroborations.length ? '' : 'No corroborations have been recorded.'));
    for (const pair of corroborations) write(report.htmlPair(pair, VERBS.corroborates));
    write(report.htmlSection('Claims by actor', claims.length ? '' : 'No claims have been recorded.'));
    for (const entry of claims) write(report.htmlActorClaims(entry.actor, asReportClaims(entry)));
    write(report.HTML_END);
  });
  await writeFileAtomically(files.markdown, (write) => {
    write(report.markdownStart(header));
    write('## Contradictions, by actor pair\n\n');
    for (const pair of contradictions) write(report.markdownPair(pair, VERBS.contradicts));
    write('## Corroborations\n\n');
    for (const pair of corroborations) write(report.markdownPair(pair, VERBS.corroborates));
    write('## Claims by actor\n\n');
    for (const entry of claims) write(report.markdownActorClaims(entry.actor, asReportClaims(entry)));
  });
  return files;
}
