import type Database from 'better-sqlite3';
import * as report from '../../../shared/export/report';
import { writeFilesTogether } from './output';
import { reportData } from './report-data';
import type { AttentionTally } from './span-check';

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
 * A section of the report in both forms: its parts written one at a time, or, when it has none,
 * the same sentence in both files saying so.
 */
function section<T>(title: string, empty: string, parts: T[], html: (part: T) => string, markdown: (part: T) => string) {
  return {
    title,
    empty: parts.length ? '' : empty,
    *html() {
      for (const part of parts) yield html(part);
    },
    *markdown() {
      for (const part of parts) yield markdown(part);
    },
  };
}

/**
 * The review report as HTML and Markdown: contradictions side by side grouped by actor pair
 * (status and rationale with each), then corroborations, then every actor's claims by date.
 * Claims whose span does not hold on their text are kept and marked; `tally` counts them. The two
 * files appear together or not at all.
 */
export async function writeReport(db: Database.Database, out: string, articleIds: string[] | null, projectName: string, tally: AttentionTally): Promise<ReportFiles> {
  const files = reportFiles(out);
  const data = reportData(db, articleIds);
  const count = (groups: report.ReportPair[]) => groups.reduce((n, g) => n + g.links.length, 0);
  const articles = articleIds ? articleIds.length : (db.prepare('SELECT count(*) FROM articles').pluck().get() as number);
  const header: report.ReportHeader = {
    project: projectName,
    generated: new Date().toISOString().slice(0, 10),
    counts: { articles, claims: data.claims, contradictions: count(data.contradictions), corroborations: count(data.corroborations), needsAttention: data.needsAttention },
  };
  const sections = [
    section('Contradictions, by actor pair', 'No contradictions have been recorded.', data.contradictions, (p) => report.htmlPair(p, VERBS.contradicts), (p) => report.markdownPair(p, VERBS.contradicts)),
    section('Corroborations', 'No corroborations have been recorded.', data.corroborations, (p) => report.htmlPair(p, VERBS.corroborates), (p) => report.markdownPair(p, VERBS.corroborates)),
    section('Claims by actor', 'No claims have been recorded.', data.claimsByActor, (e) => report.htmlActorClaims(e.actor, e.claims), (e) => report.markdownActorClaims(e.actor, e.claims)),
  ];
  await writeFilesTogether([
    {
      target: files.html,
      produce: (write) => {
        write(report.htmlStart(header));
        for (const { title, empty, html } of sections) {
          write(report.htmlSection(title, empty));
          for (const part of html()) write(part);
        }
        write(report.HTML_END);
      },
    },
    {
      target: files.markdown,
      produce: (write) => {
        write(report.markdownStart(header));
        for (const { title, empty, markdown } of sections) {
          write(report.markdownSection(title, empty));
          for (const part of markdown()) write(part);
        }
      },
    },
  ]);
  tally.claims += data.needsAttention;
  return files;
}
