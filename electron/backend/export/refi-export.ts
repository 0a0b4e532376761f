import { randomUUID } from 'node:crypto';
import { setImmediate } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import type { ArticleRecord } from '../../../shared/export/project-json';
import { oneLine } from '../../../shared/text/one-line';
import { APP_VERSION } from '../../../shared/version';
import { claimsByArticle, linkedClaims, linkRows, type ByClaim, type ClaimKey, type LinkRow } from './claim-rows';
import { writeZip } from './zip-writer';
import { ProjectRecords } from './records';
import type { AttentionTally } from './span-check';
import { element, openTag, textElement, xmlAttribute } from './xml';
import { articleFileName } from './file-names';

const NAMESPACE = 'urn:QDA-XML:project:1.0';

/** Characters of XML made between turns of the event loop (see writeQdpx). */
const TURN_EVERY = 1 << 16;

/** A selection's name: the start of its quote on one line. */
const selectionName = (quote: string) => oneLine(quote, 60);

/**
 * project.qde, the REFI-QDA project document (QDA-XML 1.0), streamed a source at a time: actors
 * and tags are codes (under the uncodable codes "Actors" and "Tags"), each article a TextSource
 * whose plain text is sources/<id>.txt, each claim a PlainTextSelection in code points coded
 * with its actor and tags (the channel and the note in its description), notes and rationales
 * Notes (each with the creationDateTime QualCoder's importer needs), and
 * links Link elements between the two selections. A claim whose span does not hold on its text
 * is left out (a selection is its positions), with the links that need it; `tally` counts them.
 */
async function writeProjectXml(
  db: Database.Database,
  articleIds: string[] | null,
  projectName: string,
  exportedAt: string,
  emit: (chunk: string) => void,
  /** Called with each article as its source is written, for its text to go beside. */
  onArticle: (article: ArticleRecord) => void,
  tally: AttentionTally,
  /** Called after each selection: a promise to wait for when the event loop should turn. */
  breathe: () => Promise<void> | undefined,
): Promise<void> {
  const records = new ProjectRecords(db, articleIds);
  const user = randomUUID();
  emit('<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n');
  emit(`${openTag('Project', { xmlns: NAMESPACE, name: projectName, origin: `Gainsay ${APP_VERSION}`, creatingUserGUID: user, creationDateTime: exportedAt })}\n`);
  emit(element('Users', {}, element('User', { guid: user, name: 'Gainsay export' })));

  const actorCodes = [...records.actors()].map((actor) => {
    const about = [actor.kind, actor.role, actor.aliases.length ? `also written ${actor.aliases.map((a) => a.alias).join(', ')}` : ''].filter(Boolean).join('; ');
    return element('Code', { guid: actor.id, name: actor.name, isCodable: 'true' }, textElement('Description', about));
  });
  const tags = [...records.tags()];
  const tagCodes = tags.map((tag) => element('Code', { guid: tag.id, name: tag.name, isCodable: 'true' }));
  const group = (name: string, codes: string[]) => element('Code', { guid: randomUUID(), name, isCodable: 'false' }, codes.join(''));
  emit(element('CodeBook', {}, element('Codes', {}, group('Actors', actorCodes) + group('Tags', tagCodes))));

  const tagIds = new Map(tags.map((t) => [t.name, t.id]));
  const notes: string[] = [];
  /** Each code's CodeRef, made once: a project has hundreds of codes, and a coding per claim and tag. */
  const codeRefs = new Map<string, string>();
  const codeRef = (code: string) => {
    let ref = codeRefs.get(code);
    if (ref === undefined) codeRefs.set(code, (ref = element('CodeRef', { targetGUID: code })));
    return ref;
  };
  // As element() writes it: the GUIDs randomUUID gives (hex digits and hyphens) need no escaping.
  const coding = (code: string) => `<Coding guid="${randomUUID()}" creatingUser="${user}">\n${codeRef(code)}</Coding>\n`;
  // Links are read first: only the claims they join are remembered as written, by rowid.
  const inScope = [...linkRows(db, articleIds, { rowids: true })];
  const linked = linkedClaims(inScope);
  const selections: ByClaim<boolean> = {};
  const selected = (rowid: ClaimKey | null) => rowid !== null && selections[rowid] === true;
  emit('<Sources>\n');
  for (const { article, claims } of claimsByArticle(db, articleIds, { tags: true, context: false })) {
    onArticle(article);
    const about = [article.outlet, article.author && `by ${article.author}`, article.publishedAt, article.url].filter(Boolean).join(' · ');
    const source = { guid: article.id, name: article.title, plainTextPath: `internal://${articleFileName(article, 'txt')}`, creationDateTime: article.createdAt };
    // Written as it goes (a source's selections are never one string): open tag, content, close tag.
    emit(`${openTag('TextSource', source)}\n${textElement('Description', about)}`);
    for (const claim of claims) {
      if (!claim.holds) {
        tally.claims++;
        continue;
      }
      if (linked[claim.rowid]) selections[claim.rowid] = true;
      const name = selectionName(claim.quote);
      let noteRef = '';
      if (claim.noteText) {
        const guid = randomUUID();
        notes.push(element('Note', { guid, name: `Note on ${name}`, creationDateTime: claim.updatedAt }, textElement('PlainTextContent', claim.noteText)));
        noteRef = element('NoteRef', { targetGUID: guid });
      }
      let claimed = `Claimed by ${claim.actor}`;
      if (claim.via) claimed += `, reported via ${claim.via}`;
      if (claim.claimedOn) claimed += `, on ${claim.claimedOn}`;
      // QualCoder reads a selection's Description as its coding memo (and no NoteRef there): the note goes in it too.
      const description = claim.noteText ? `${claimed}\n\n${claim.noteText}` : claimed;
      let codings = coding(claim.actorId);
      for (const tag of claim.tags) codings += coding(tagIds.get(tag)!);
      // As element() writes it (a selection always has a coding), without an attribute object per selection.
      emit(
        `<PlainTextSelection guid="${xmlAttribute(claim.claimId)}" name="${xmlAttribute(name)}" startPosition="${claim.start}" endPosition="${claim.end}" creationDateTime="${xmlAttribute(claim.createdAt)}">\n` +
          `${textElement('Description', description)}${codings}${noteRef}</PlainTextSelection>\n`,
      );
      const turn = breathe();
      if (turn) await turn;
    }
    emit('</TextSource>\n');
  }
  emit('</Sources>\n');

  const links: LinkRow[] = [];
  for (const link of inScope) {
    if (selected(link.rowidA) && selected(link.rowidB)) links.push(link);
    else tally.links++;
  }
  /** Each rationale's Note, by link. */
  const rationales = new Map<string, string>();
  for (const link of links) {
    if (!link.rationaleText) continue;
    const guid = randomUUID();
    rationales.set(link.linkId, guid);
    notes.push(element('Note', { guid, name: `Rationale: ${link.actorA} ${link.kind} ${link.actorB}`, creationDateTime: link.updatedAt }, textElement('PlainTextContent', link.rationaleText)));
  }
  if (notes.length) emit(element('Notes', {}, notes.join('')));
  if (links.length) {
    const items = links.map((link) =>
      element(
        'Link',
        { guid: link.linkId, name: `${link.kind} (${link.status})`, direction: 'Bidirectional', originGUID: link.claimA, targetGUID: link.claimB },
        rationales.has(link.linkId) ? element('NoteRef', { targetGUID: rationales.get(link.linkId)! }) : '',
      ),
    );
    emit(element('Links', {}, items.join('')));
  }
  emit('</Project>\n');
}

/**
 * The .qdpx file: a zip of project.qde and sources/<id>.txt, streamed into `write` (the zip
 * keeps its entries in the order added and holds back the texts' compressed bytes until
 * project.qde is complete). The project is read in one go; only the compression is waited for.
 */
export async function writeQdpx(db: Database.Database, articleIds: string[] | null, projectName: string, write: (chunk: Uint8Array) => void, tally: AttentionTally): Promise<void> {
  await writeZip(write, async (add, _addFile, addBytes) => {
    const qde = add('project.qde');
    // Each text is added whole as the XML reaches its article, so it is deflated meanwhile (streamed, it waited for project.qde to end).
    const source = (article: ArticleRecord) => addBytes(`sources/${articleFileName(article, 'txt')}`, Buffer.from(article.text, 'utf8'));
    let sinceTurn = 0;
    const emit = (text: string) => {
      qde.pushText(text);
      sinceTurn += text.length;
    };
    // zlib deflates in libuv's threads a step (16 KB out) each time the event loop turns: made in
    // one go, the XML was deflated only once complete, while this thread waited (a fifth of the
    // export at 100,000 claims). Turning the loop as often as about a step's worth of XML is made
    // lets the deflating keep pace on another core.
    const breathe = () => {
      if (sinceTurn < TURN_EVERY) return undefined;
      sinceTurn = 0;
      return setImmediate();
    };
    await writeProjectXml(db, articleIds, projectName, new Date().toISOString(), emit, source, tally, breathe);
    qde.end();
  });
}
