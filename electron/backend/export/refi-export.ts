import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { Zip, ZipDeflate } from 'fflate';
import { createCB } from 'xmlbuilder2';
import { APP_VERSION } from '../../../shared/version';
import { claimRows, linkRows } from './claim-rows';
import { ProjectRecords } from './records';

const NAMESPACE = 'urn:QDA-XML:project:1.0';

/** A selection's name: the start of its quote on one line. */
function selectionName(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

/**
 * project.qde, the REFI-QDA project document (QDA-XML 1.0), streamed: actors and tags are codes
 * (under the uncodable codes "Actors" and "Tags"), each article a TextSource whose plain text is
 * sources/<id>.txt, each claim a PlainTextSelection in code points coded with its actor and tags
 * (the channel in its description), notes and rationales Notes, and links Link elements
 * between the two selections.
 */
function writeProjectXml(db: Database.Database, articleIds: string[] | null, projectName: string, exportedAt: string, emit: (chunk: string) => void): void {
  const records = new ProjectRecords(db, articleIds);
  const user = randomUUID();
  const xml = createCB({ data: emit, prettyPrint: true });
  xml.dec({ version: '1.0', encoding: 'utf-8', standalone: true });
  xml.ele(NAMESPACE, 'Project', { name: projectName, origin: `Gainsay ${APP_VERSION}`, creatingUserGUID: user, creationDateTime: exportedAt });
  xml.ele('Users').ele('User', { guid: user, name: 'Gainsay export' }).up().up();
  const actorsCode = randomUUID();
  const tagsCode = randomUUID();
  xml.ele('CodeBook').ele('Codes');
  xml.ele('Code', { guid: actorsCode, name: 'Actors', isCodable: 'false' });
  for (const actor of records.actors()) {
    xml.ele('Code', { guid: actor.id, name: actor.name, isCodable: 'true' });
    const about = [actor.kind, actor.role, actor.aliases.length ? `also written ${actor.aliases.map((a) => a.alias).join(', ')}` : ''].filter(Boolean).join('; ');
    xml.ele('Description').txt(about).up().up();
  }
  xml.up();
  xml.ele('Code', { guid: tagsCode, name: 'Tags', isCodable: 'false' });
  for (const tag of records.tags()) xml.ele('Code', { guid: tag.id, name: tag.name, isCodable: 'true' }).up();
  xml.up().up().up();

  const tagIds = new Map((db.prepare('SELECT name, id FROM tags').all() as Array<{ name: string; id: string }>).map((t) => [t.name, t.id]));
  const notes: Array<{ guid: string; name: string; text: string }> = [];
  /** Claim id → the selection's guid (the claim id itself). */
  const claims = claimRows(db, articleIds);
  let pending = claims.next();
  xml.ele('Sources');
  for (const article of records.articles()) {
    xml.ele('TextSource', { guid: article.id, name: article.title, plainTextPath: `internal://${article.id}.txt`, creationDateTime: article.createdAt });
    const about = [article.outlet, article.author && `by ${article.author}`, article.publishedAt, article.url].filter(Boolean).join(' · ');
    if (about) xml.ele('Description').txt(about).up();
    // Claims come in article order, as the sources do.
    while (!pending.done && pending.value.articleId === article.id) {
      const claim = pending.value;
      xml.ele('PlainTextSelection', { guid: claim.claimId, name: selectionName(claim.quote), startPosition: String(claim.start), endPosition: String(claim.end), creationDateTime: claim.createdAt });
      const description = [`Claimed by ${claim.actor}`, claim.via && `reported via ${claim.via}`, claim.claimedOn && `on ${claim.claimedOn}`].filter(Boolean).join(', ');
      xml.ele('Description').txt(description).up();
      for (const code of [claim.actorId, ...claim.tags.map((t) => tagIds.get(t)!)]) {
        xml.ele('Coding', { guid: randomUUID(), creatingUser: user }).ele('CodeRef', { targetGUID: code }).up().up();
      }
      if (claim.noteText) {
        const guid = randomUUID();
        notes.push({ guid, name: `Note on ${selectionName(claim.quote)}`, text: claim.noteText });
        xml.ele('NoteRef', { targetGUID: guid }).up();
      }
      xml.up();
      pending = claims.next();
    }
    xml.up();
  }
  xml.up();

  const links = [...linkRows(db, articleIds)];
  for (const link of links) {
    if (link.rationaleText) notes.push({ guid: link.linkId, name: `Rationale: ${link.actorA} ${link.kind} ${link.actorB}`, text: link.rationaleText });
  }
  if (notes.length) {
    xml.ele('Notes');
    for (const note of notes) xml.ele('Note', { guid: note.guid, name: note.name }).ele('PlainTextContent').txt(note.text).up().up();
    xml.up();
  }
  if (links.length) {
    xml.ele('Links');
    for (const link of links) {
      xml.ele('Link', { guid: randomUUID(), name: `${link.kind} (${link.status})`, direction: 'Bidirectional', originGUID: link.claimA, targetGUID: link.claimB });
      if (link.rationaleText) xml.ele('NoteRef', { targetGUID: link.linkId }).up();
      xml.up();
    }
    xml.up();
  }
  xml.up().end();
}

/** The .qdpx file: a zip of project.qde and sources/<id>.txt, streamed into `write`. */
export async function writeQdpx(db: Database.Database, articleIds: string[] | null, projectName: string, write: (chunk: Uint8Array) => void): Promise<void> {
  const done = new Promise<void>((resolve, reject) => {
    const zip = new Zip((error, data, final) => {
      if (error) return reject(error);
      write(data);
      if (final) resolve();
    });
    const encoder = new TextEncoder();
    const qde = new ZipDeflate('project.qde', { level: 6 });
    zip.add(qde);
    writeProjectXml(db, articleIds, projectName, new Date().toISOString(), (chunk) => qde.push(encoder.encode(chunk)));
    qde.push(new Uint8Array(0), true);
    for (const article of new ProjectRecords(db, articleIds).articles()) {
      const source = new ZipDeflate(`sources/${article.id}.txt`, { level: 6 });
      zip.add(source);
      source.push(encoder.encode(article.text), true);
    }
    zip.end();
  });
  await done;
}
