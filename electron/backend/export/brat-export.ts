import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { BRAT_ANNOTATION_CONF, bratFragments, bratNote, bratSpanText } from '../../../shared/export/brat';
import { claimRows, linkRows, type ClaimRow } from './claim-rows';

export const CROSS_DOCUMENT_LINKS = 'cross-document-links.tsv';

/**
 * brat standoff in `folder`: per article `<id>.txt` (the stored text, byte for byte) and
 * `<id>.ann` with a T line per claim, an AnnotatorNotes line with its actor, channel and tags,
 * and an R line per link within the article (with its status and rationale as a note).
 * brat relations cannot join documents, so links between articles go to cross-document-links.tsv.
 */
export function writeBrat(db: Database.Database, folder: string, articleIds: string[] | null): void {
  fs.writeFileSync(path.join(folder, 'annotation.conf'), BRAT_ANNOTATION_CONF);
  /** Per claim: its document and T number. */
  const entities = new Map<string, { articleId: string; t: string }>();
  const files = new Map<string, { lines: string[]; notes: number; relations: number }>();
  const fileOf = (articleId: string) => {
    let file = files.get(articleId);
    if (!file) files.set(articleId, (file = { lines: [], notes: 0, relations: 0 }));
    return file;
  };
  const articles = db.prepare(`SELECT id, text FROM articles ${articleIds ? 'WHERE id IN (SELECT value FROM json_each(?))' : ''} ORDER BY seq`);
  let current: { id: string; points: string[] } | null = null;
  const pointsOf = (claim: ClaimRow) => {
    if (current?.id !== claim.articleId) {
      const text = db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(claim.articleId) as string;
      current = { id: claim.articleId, points: Array.from(text) };
    }
    return current.points;
  };
  for (const claim of claimRows(db, articleIds)) {
    const file = fileOf(claim.articleId);
    const points = pointsOf(claim);
    const fragments = bratFragments(points, claim.start, claim.end);
    const t = `T${entities.size + 1}`;
    entities.set(claim.claimId, { articleId: claim.articleId, t });
    file.lines.push(`${t}\tClaim ${fragments.map(([s, e]) => `${s} ${e}`).join(';')}\t${bratSpanText(points, fragments)}`);
    const note = [`actor: ${claim.actor}`, claim.via && `via: ${claim.via}`, claim.tags.length && `tags: ${claim.tags.join(', ')}`, claim.noteText && `note: ${claim.noteText}`].filter(Boolean).join('; ');
    file.lines.push(`#${++file.notes}\tAnnotatorNotes ${t}\t${bratNote(note)}`);
  }
  const cross = ['link_id\tkind\tstatus\tdocument_a\tentity_a\tdocument_b\tentity_b\trationale'];
  for (const link of linkRows(db, articleIds)) {
    const a = entities.get(link.claimA)!;
    const b = entities.get(link.claimB)!;
    const kind = link.kind === 'contradicts' ? 'Contradicts' : 'Corroborates';
    if (a.articleId === b.articleId) {
      const file = fileOf(a.articleId);
      const r = `R${++file.relations}`;
      file.lines.push(`${r}\t${kind} Arg1:${a.t} Arg2:${b.t}`);
      file.lines.push(`#${++file.notes}\tAnnotatorNotes ${r}\t${bratNote(`status: ${link.status}${link.rationaleText ? `; rationale: ${link.rationaleText}` : ''}`)}`);
    } else {
      cross.push([link.linkId, kind, link.status, a.articleId, a.t, b.articleId, b.t, bratNote(link.rationaleText)].join('\t'));
    }
  }
  for (const article of articles.iterate(...(articleIds ? [JSON.stringify(articleIds)] : [])) as IterableIterator<{ id: string; text: string }>) {
    fs.writeFileSync(path.join(folder, `${article.id}.txt`), article.text, 'utf8');
    const lines = files.get(article.id)?.lines ?? [];
    fs.writeFileSync(path.join(folder, `${article.id}.ann`), lines.length ? `${lines.join('\n')}\n` : '', 'utf8');
  }
  fs.writeFileSync(path.join(folder, CROSS_DOCUMENT_LINKS), `${cross.join('\n')}\n`, 'utf8');
}
