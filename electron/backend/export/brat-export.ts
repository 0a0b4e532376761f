import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { BRAT_ANNOTATION_CONF, bratFragments, bratNote, bratSpanText } from '../../../shared/export/brat';
import { claimsByArticle, linkRows } from './claim-rows';

export const CROSS_DOCUMENT_LINKS = 'cross-document-links.tsv';

/**
 * brat standoff in `folder`: per article `<id>.txt` (the stored text, byte for byte) and
 * `<id>.ann` with a T line per claim, an AnnotatorNotes line with its actor, channel and tags,
 * and an R line per link within the article (with its status and rationale as a note).
 * brat relations cannot join documents, so links between articles go to cross-document-links.tsv.
 * Each article is written as it is read; its relations are added once every claim has its T line.
 */
export function writeBrat(db: Database.Database, folder: string, articleIds: string[] | null): void {
  fs.writeFileSync(path.join(folder, 'annotation.conf'), BRAT_ANNOTATION_CONF);
  /** Per claim: its document and T number. */
  const entities = new Map<string, { articleId: string; t: string }>();
  /** Per document: the last note and relation numbers used. */
  const counters = new Map<string, { notes: number; relations: number }>();
  const annFile = (articleId: string) => path.join(folder, `${articleId}.ann`);
  for (const { article, claims } of claimsByArticle(db, articleIds)) {
    fs.writeFileSync(path.join(folder, `${article.id}.txt`), article.text, 'utf8');
    const points = Array.from(article.text);
    const lines: string[] = [];
    claims.forEach((claim, i) => {
      const fragments = bratFragments(points, claim.start, claim.end);
      const t = `T${entities.size + 1}`;
      entities.set(claim.claimId, { articleId: article.id, t });
      lines.push(`${t}\tClaim ${fragments.map(([s, e]) => `${s} ${e}`).join(';')}\t${bratSpanText(points, fragments)}`);
      const note = [`actor: ${claim.actor}`, claim.via && `via: ${claim.via}`, claim.tags.length && `tags: ${claim.tags.join(', ')}`, claim.noteText && `note: ${claim.noteText}`].filter(Boolean).join('; ');
      lines.push(`#${i + 1}\tAnnotatorNotes ${t}\t${bratNote(note)}`);
    });
    counters.set(article.id, { notes: claims.length, relations: 0 });
    fs.writeFileSync(annFile(article.id), lines.length ? `${lines.join('\n')}\n` : '', 'utf8');
  }
  const cross = ['link_id\tkind\tstatus\tdocument_a\tentity_a\tdocument_b\tentity_b\trationale'];
  for (const link of linkRows(db, articleIds)) {
    const a = entities.get(link.claimA)!;
    const b = entities.get(link.claimB)!;
    const kind = link.kind === 'contradicts' ? 'Contradicts' : 'Corroborates';
    if (a.articleId === b.articleId) {
      const counter = counters.get(a.articleId)!;
      const r = `R${++counter.relations}`;
      const note = bratNote(`status: ${link.status}${link.rationaleText ? `; rationale: ${link.rationaleText}` : ''}`);
      fs.appendFileSync(annFile(a.articleId), `${r}\t${kind} Arg1:${a.t} Arg2:${b.t}\n#${++counter.notes}\tAnnotatorNotes ${r}\t${note}\n`, 'utf8');
    } else {
      cross.push([link.linkId, kind, link.status, a.articleId, a.t, b.articleId, b.t, bratNote(link.rationaleText)].join('\t'));
    }
  }
  fs.writeFileSync(path.join(folder, CROSS_DOCUMENT_LINKS), `${cross.join('\n')}\n`, 'utf8');
}
