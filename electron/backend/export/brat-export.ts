import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { BRAT_ANNOTATION_CONF, bratFragments, bratNote, bratSpanText, lineBreaks } from '../../../shared/export/brat';
import { claimsByArticle, linkRows, type LinkRow } from './claim-rows';
import type { AttentionTally } from './span-check';
import { articleFileName } from './file-names';
import { OffsetMap } from '../../../shared/offsets';

export const CROSS_DOCUMENT_LINKS = 'cross-document-links.tsv';

/**
 * brat standoff in `folder`: per article `<id>.txt` (the stored text, byte for byte) and
 * `<id>.ann` with a T line per claim, an AnnotatorNotes line with its actor, channel and tags,
 * and an R line per link within the article (with its status and rationale as a note).
 * brat relations cannot join documents, so links between articles go to cross-document-links.tsv.
 * Links are read first, so each article's file is written whole as soon as its claims are read.
 * A claim whose span does not hold on its text is left out (brat has no entity without a span),
 * with the links that need it; `tally` counts them.
 */
export function writeBrat(db: Database.Database, folder: string, articleIds: string[] | null, tally: AttentionTally): void {
  fs.writeFileSync(path.join(folder, 'annotation.conf'), BRAT_ANNOTATION_CONF);
  const within = new Map<string, LinkRow[]>();
  const across: LinkRow[] = [];
  for (const link of linkRows(db, articleIds)) {
    if (link.articleA !== link.articleB) across.push(link);
    else if (within.has(link.articleA)) within.get(link.articleA)!.push(link);
    else within.set(link.articleA, [link]);
  }
  /** Per claim: its document and T number. */
  const entities = new Map<string, { articleId: string; t: string }>();
  for (const { article, claims } of claimsByArticle(db, articleIds, { tags: true, context: false })) {
    fs.writeFileSync(path.join(folder, articleFileName(article, 'txt')), article.text, 'utf8');
    // Code points are found through an offset map: an array of every character would cost more than the rest.
    const text = new OffsetMap(article.text);
    const breaks = lineBreaks(text);
    const lines: string[] = [];
    let notes = 0;
    for (const claim of claims) {
      if (!claim.holds) {
        tally.claims++;
        continue;
      }
      const fragments = bratFragments(breaks, claim.start, claim.end);
      const t = `T${entities.size + 1}`;
      entities.set(claim.claimId, { articleId: article.id, t });
      lines.push(`${t}\tClaim ${fragments.map(([s, e]) => `${s} ${e}`).join(';')}\t${bratSpanText(text, fragments)}`);
      const note = [`actor: ${claim.actor}`, claim.via && `via: ${claim.via}`, claim.tags.length && `tags: ${claim.tags.join(', ')}`, claim.noteText && `note: ${claim.noteText}`].filter(Boolean).join('; ');
      lines.push(`#${++notes}\tAnnotatorNotes ${t}\t${bratNote(note)}`);
    }
    let relations = 0;
    for (const link of within.get(article.id) ?? []) {
      const [a, b] = [entities.get(link.claimA), entities.get(link.claimB)];
      if (!a || !b) {
        tally.links++;
        continue;
      }
      const r = `R${++relations}`;
      lines.push(`${r}\t${relationType(link)} Arg1:${a.t} Arg2:${b.t}`);
      lines.push(`#${++notes}\tAnnotatorNotes ${r}\t${bratNote(`status: ${link.status}${link.rationaleText ? `; rationale: ${link.rationaleText}` : ''}`)}`);
    }
    fs.writeFileSync(path.join(folder, articleFileName(article, 'ann')), lines.length ? `${lines.join('\n')}\n` : '', 'utf8');
  }
  const cross = ['link_id\tkind\tstatus\tdocument_a\tentity_a\tdocument_b\tentity_b\trationale'];
  for (const link of across) {
    const [a, b] = [entities.get(link.claimA), entities.get(link.claimB)];
    if (!a || !b) {
      tally.links++;
      continue;
    }
    cross.push([link.linkId, relationType(link), link.status, a.articleId, a.t, b.articleId, b.t, bratNote(link.rationaleText)].join('\t'));
  }
  fs.writeFileSync(path.join(folder, CROSS_DOCUMENT_LINKS), `${cross.join('\n')}\n`, 'utf8');
}

const relationType = (link: LinkRow) => (link.kind === 'contradicts' ? 'Contradicts' : 'Corroborates');
