import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { ACTOR_KINDS, LINK_KINDS, LINK_STATUSES, MAX_NAME, type ActorKind, type ImportOutcome } from '../../../../shared/domain';
import { GainsayError } from '../../../../shared/errors';
import { PROJECT_FORMAT, PROJECT_FORMAT_VERSION, recordId, type ActorRecord, type ProjectDocument } from '../../../../shared/export/project-json';
import { fold } from '../../../../shared/fold';
import { noteFromText } from '../../../../shared/notes/note-state';
import { MAPPINGS, type RefiMapping } from '../../../../shared/import-mappings';
import { APP_VERSION } from '../../../../shared/version';
import { storedText } from '../brat/stored-text';
import { importRecordsOutcome, refuse } from '../project-json';
import { keepKnownRecords, Registry } from '../registry';
import { child, childrenNamed, parseXml, type XmlElement } from './qde';
import { qdeSchemaProblems } from './qde-schema';

const uuid = (guid: string | undefined) => (guid && recordId.safeParse(guid.toLowerCase()).success ? guid.toLowerCase() : null);
const date = (value: string | undefined, fallback: string) => value || fallback;

/** "person; Foreign Minister; also written A, B", as Gainsay writes an actor code's description. */
function actorDetails(description: string): Pick<ActorRecord, 'kind' | 'role'> & { aliases: string[] } {
  const parts = description ? description.split('; ') : [];
  const kind = ACTOR_KINDS.includes(parts[0] as ActorKind) ? (parts.shift() as ActorKind) : 'other';
  const aliases = parts.length && parts[parts.length - 1]!.startsWith('also written ') ? parts.pop()!.slice('also written '.length).split(', ') : [];
  return { kind, role: parts.join('; ').slice(0, MAX_NAME), aliases };
}

/** "Claimed by X, reported via Y, on DATE" and the note after a blank line, as Gainsay writes a selection's description. */
const GAINSAY_SELECTION = /^Claimed by .*?(?:, reported via (.*?))?(?:, on (\d{4}-\d\d-\d\d[^,\n]*))?(?:\n\n([\s\S]*))?$/;

/** A .qdpx's files and the text of its project.qde; refuses (GainsayError) a file that is not one. */
export function unzipQdpx(bytes: Uint8Array, shown: string): Qdpx {
  try {
    const files = unzipSync(bytes);
    const qde = files['project.qde'];
    if (!qde) refuse(shown, ['it has no project.qde (a .qdpx is a zip of project.qde and its sources)']);
    return { files, qde: strFromU8(qde) };
  } catch (error) {
    if (error instanceof GainsayError) throw error;
    refuse(shown, [`it is not a readable .qdpx (${(error as Error).message.split('\n')[0]})`]);
  }
}

export interface Qdpx {
  files: Record<string, Uint8Array>;
  qde: string;
}

function readQdpx(db: Database.Database, { files, qde }: Qdpx, shown: string, mapping: RefiMapping): ProjectDocument {
  let project: XmlElement | undefined;
  try {
    project = child(parseXml(qde), 'Project');
  } catch (error) {
    refuse(shown, [`project.qde is not well-formed XML (${(error as Error).message.split('\n')[0]})`]);
  }
  if (!project) refuse(shown, ['project.qde has no Project element']);
  const problems: string[] = [];
  const now = new Date().toISOString();
  const guids = new Set<string>();
  const guid = (e: XmlElement) => {
    const g = e.attributes.guid ?? '';
    if (guids.has(g)) problems.push(`the GUID ${g} is used twice`);
    guids.add(g);
    return g;
  };

  // Codes: the actor and tag branches, by name.
  const actorCodes = new Map<string, XmlElement>();
  const tagCodes = new Map<string, XmlElement>();
  const walk = (codes: XmlElement[], branch: Map<string, XmlElement> | null) => {
    for (const code of codes) {
      guid(code);
      const name = code.attributes.name ?? '';
      const below = name === mapping.actorCodes ? actorCodes : name === mapping.tagCodes ? tagCodes : branch;
      if (branch && code.attributes.isCodable !== 'false') branch.set(code.attributes.guid ?? '', code);
      walk(childrenNamed(code, 'Code'), below);
    }
  };
  walk(childrenNamed(child(child(project, 'CodeBook'), 'Codes'), 'Code'), null);
  const notes = new Map(childrenNamed(child(project, 'Notes'), 'Note').map((n) => [guid(n), child(n, 'PlainTextContent')?.text ?? '']));

  const registry = new Registry(db, now);
  const actors = new Map<string, string>();
  const doc: ProjectDocument = { format: PROJECT_FORMAT, formatVersion: PROJECT_FORMAT_VERSION, appVersion: APP_VERSION, exportedAt: now, project: { name: shown }, articles: [], actors: [], tags: [], highlights: [], claims: [], links: [] };
  for (const [g, code] of actorCodes) {
    const name = (code.attributes.name ?? '').slice(0, MAX_NAME) || mapping.unknownActor;
    const id = uuid(g);
    const details = actorDetails(child(code, 'Description')?.text ?? '');
    if (id && !db.prepare('SELECT 1 FROM actors WHERE id = ?').get(id)) {
      doc.actors.push({ id, name, kind: details.kind, role: details.role, aliases: [...new Set(details.aliases.filter((a) => a && fold(a) !== fold(name)))].map((alias) => ({ id: randomUUID(), alias: alias.slice(0, MAX_NAME), createdAt: now })), createdAt: now, updatedAt: now });
      actors.set(g, id);
    } else actors.set(g, registry.actor(name, id ?? undefined));
  }
  const actorByName = new Map([...actorCodes].map(([g, code]) => [fold(code.attributes.name ?? ''), actors.get(g)!]));
  const tags = new Map([...tagCodes].map(([g, code]) => [g, registry.tag((code.attributes.name ?? '').slice(0, 100) || 'tag')]));

  /** Selection GUID → claim id, for links. */
  const claimOf = new Map<string, string>();
  for (const source of childrenNamed(child(project, 'Sources'), 'TextSource')) {
    const sourceGuid = guid(source);
    const entry = (source.attributes.plainTextPath ?? '').replace(/^internal:\/\//, 'sources/');
    const bytes = files[entry];
    if (!bytes) {
      problems.push(`the text source “${source.attributes.name ?? sourceGuid}” has no file ${entry || '(no plainTextPath)'} in the .qdpx`);
      continue;
    }
    const original = strFromU8(bytes);
    const stored = storedText(original);
    if (!stored?.text) {
      problems.push(`the text of “${source.attributes.name ?? sourceGuid}” is empty or has offsets Gainsay cannot keep (NFC)`);
      continue;
    }
    const about = (child(source, 'Description')?.text ?? '').split(' · ');
    const part = (test: RegExp) => about.find((p) => test.test(p)) ?? '';
    const articleId = uuid(sourceGuid) ?? randomUUID();
    doc.articles.push({
      id: articleId,
      title: (source.attributes.name || stored.text.split('\n', 1)[0]!).slice(0, MAX_NAME),
      outlet: about.find((p) => p && !/^by |^\d{4}-\d\d-\d\d|^https?:/.test(p)) ?? '',
      author: part(/^by /).slice(3),
      publishedAt: part(/^\d{4}-\d\d-\d\d/) || null,
      url: part(/^https?:/),
      language: '',
      sourceName: entry.replace(/^sources\//, ''),
      sourceKind: 'txt',
      text: stored.text,
      createdAt: date(source.attributes.creationDateTime, now),
      updatedAt: date(source.attributes.modifiedDateTime ?? source.attributes.creationDateTime, now),
    });
    const length = Array.from(original).length;
    for (const selection of childrenNamed(source, 'PlainTextSelection')) {
      const g = guid(selection);
      const [from, to] = [Number(selection.attributes.startPosition), Number(selection.attributes.endPosition)];
      const codes = childrenNamed(selection, 'Coding').map((c) => child(c, 'CodeRef')?.attributes.targetGUID ?? '');
      const actorCode = codes.find((c) => actors.has(c));
      if (mapping.claims === 'actor-coded' && !actorCode) continue;
      if (!(Number.isSafeInteger(from) && Number.isSafeInteger(to) && from >= 0 && from < to && to <= length)) {
        problems.push(`the selection ${g} (${selection.attributes.startPosition}–${selection.attributes.endPosition}) is not inside the ${length} characters of its text`);
        continue;
      }
      const [start, end] = [stored.at(from), stored.at(to)];
      if (start === null || end === null || start >= end) {
        problems.push(`the selection ${g} starts or ends inside a character Gainsay composes (NFC), or covers only characters it leaves out`);
        continue;
      }
      const description = child(selection, 'Description')?.text ?? '';
      const gainsay = GAINSAY_SELECTION.exec(description);
      const noteRef = child(selection, 'NoteRef')?.attributes.targetGUID;
      const note = (noteRef && notes.get(noteRef)) ?? (gainsay ? (gainsay[3] ?? '') : description);
      const viaName = gainsay?.[1];
      const actorId = actorCode ? actors.get(actorCode)! : registry.actor(mapping.unknownActor);
      const via = viaName ? (actorByName.get(fold(viaName)) ?? registry.actor(viaName)) : null;
      const created = date(selection.attributes.creationDateTime, now);
      const claimId = uuid(g) ?? randomUUID();
      const highlight = registry.highlight(claimId, articleId, stored.points, start, end, created);
      doc.highlights.push(highlight);
      claimOf.set(g, claimId);
      doc.claims.push({ id: claimId, highlightId: highlight.id, actorId, viaActorId: via === actorId ? null : via, claimedOn: gainsay?.[2] ?? null, tagIds: [...new Set(codes.filter((c) => tags.has(c)).map((c) => tags.get(c)!))].sort(), noteJson: noteFromText(note), noteText: note.trim(), createdAt: created, updatedAt: date(selection.attributes.modifiedDateTime, created) });
    }
  }
  for (const link of childrenNamed(child(project, 'Links'), 'Link')) {
    const g = guid(link);
    const [a, b] = [claimOf.get(link.attributes.originGUID ?? ''), claimOf.get(link.attributes.targetGUID ?? '')];
    if (!a || !b) {
      problems.push(`the link ${g} joins ${link.attributes.originGUID} and ${link.attributes.targetGUID}, which are not both selections of this project`);
      continue;
    }
    // "contradicts (open)", as Gainsay names a link; any other link between two claims is a corroboration to review.
    const named = /^(\w+) \((\w+)\)$/.exec(link.attributes.name ?? '');
    const rationale = notes.get(child(link, 'NoteRef')?.attributes.targetGUID ?? '') ?? '';
    const created = date(link.attributes.creationDateTime, now);
    doc.links.push({
      id: uuid(g) ?? randomUUID(),
      claimA: a,
      claimB: b,
      kind: LINK_KINDS.find((k) => k === named?.[1]) ?? 'corroborates',
      status: LINK_STATUSES.find((s) => s === named?.[2]) ?? 'open',
      rationaleJson: noteFromText(rationale),
      rationaleText: rationale.trim(),
      createdBy: '',
      createdAt: created,
      updatedAt: date(link.attributes.modifiedDateTime, created),
    });
  }
  if (problems.length) refuse(shown, problems);
  doc.actors.push(...registry.actors);
  doc.tags = registry.tags;
  keepKnownRecords(db, doc);
  return doc;
}

/**
 * Imports a .qdpx's bytes as one all-or-nothing merge, as one line of an import's results. Its
 * project.qde must validate against the QDA-XML schema; then its records are checked as every
 * import's are.
 */
export async function importQdpx(db: Database.Database, bytes: Uint8Array, shown: string, mapping: RefiMapping = MAPPINGS.refi.defaults): Promise<ImportOutcome> {
  let qdpx: Qdpx;
  let problems: string[];
  try {
    qdpx = unzipQdpx(bytes, shown);
    problems = await qdeSchemaProblems(qdpx.qde);
  } catch (error) {
    if (error instanceof GainsayError) return { name: shown, status: 'refused', message: error.message };
    throw error;
  }
  return importRecordsOutcome(db, shown, () => {
    if (problems.length) refuse(shown, problems);
    return readQdpx(db, qdpx, shown, mapping);
  });
}
