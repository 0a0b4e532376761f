import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { LINK_KINDS, LINK_STATUSES, type ImportOutcome } from '../../../../shared/domain';
import { MAPPINGS, type W3cMapping } from '../../../../shared/import-mappings';
import { PROJECT_FORMAT, PROJECT_FORMAT_VERSION, recordId, type ArticleRecord, type ProjectDocument } from '../../../../shared/export/project-json';
import { noteFromText } from '../../../../shared/notes/note-state';
import { parseMachineDate } from '../../../../shared/text/dates';
import { isoDay } from '../../../../shared/text/relative-date';
import { APP_VERSION } from '../../../../shared/version';
import { storedText, type StoredText } from '../brat/stored-text';
import { importRecordsOutcome, refuse } from '../project-json';
import { keepKnownRecords, Registry } from '../registry';
import { MAX_OCCURRENCES, SEARCH_BUDGET, anchor, type Selectors, type Unanchored } from './anchor';

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const idOf = (v: unknown): string | null => str(v) ?? (isObject(v) ? str(v.id) ?? str(v['@id']) : null);
/** The UUID of a urn:uuid: IRI, to keep Gainsay's own ids. */
const uuidOf = (iri: string | null): string | null => {
  const id = iri?.replace(/^urn:uuid:/i, '') ?? '';
  return recordId.safeParse(id).success ? id.toLowerCase() : null;
};

/**
 * Whether a file is W3C Web Annotation: .jsonld, or .json whose @context is anno.jsonld. Only the
 * file's start is read (a project JSON can be hundreds of megabytes): the context comes first in
 * every W3C file seen, Gainsay's and Hypothesis's alike.
 */
export function isW3cFile(full: string): boolean {
  if (/\.jsonld$/i.test(full)) return true;
  if (!/\.json$/i.test(full)) return false;
  const head = Buffer.alloc(4096);
  const fd = fs.openSync(full, 'r');
  try {
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return /"@context"\s*:\s*(\[[^\]]*)?"https?:\/\/www\.w3\.org\/ns\/anno\.jsonld"/.test(head.subarray(0, read).toString('utf8'));
  } finally {
    fs.closeSync(fd);
  }
}

/** The annotations of a collection (its embedded first page), a page, a list or one annotation. */
export function annotationsOf(value: unknown): Json[] | null {
  if (Array.isArray(value)) return value.filter(isObject);
  if (!isObject(value)) return null;
  const types = list(value.type);
  if (types.includes('AnnotationCollection')) return isObject(value.first) ? annotationsOf(value.first) : null;
  if (types.includes('AnnotationPage')) return list(value.items).filter(isObject);
  if (types.includes('Annotation')) return [value];
  return null;
}

/**
 * The local file of a source: `urn:uuid:ID` is `ID.txt` (as Gainsay exports texts beside it);
 * another IRI is the file its last path segment names, as it is or with .txt.
 */
export function sourceFile(folder: string, iri: string): string | null {
  const uuid = uuidOf(iri);
  const name = uuid ? `${uuid}.txt` : decodeURIComponent(iri.split(/[?#]/)[0]!.split('/').pop() ?? '');
  for (const candidate of [name, `${name}.txt`]) {
    if (candidate && !candidate.startsWith('.') && fs.existsSync(path.join(folder, candidate)) && fs.statSync(path.join(folder, candidate)).isFile()) return candidate;
  }
  return null;
}

/** Why a source cannot be read: the file it should be. */
/** A date or date-time (ISO 8601) as the day a claim was made; anything else ("2026-03-07 is disputed", "last Tuesday") is no day. */
function claimedDay(value: string | null): string | null {
  return value !== null && /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/u.test(value) ? isoDay(value) : null;
}

export const noSourceFile = (iri: string) => `its source ${iri} is no text file in the folder (${uuidOf(iri) ? `${uuidOf(iri)}.txt` : 'named by the IRI’s last segment'})`;

interface Source {
  article: ArticleRecord;
  stored: StoredText;
  original: string;
  originalPoints: string[];
}

/** Each reason a quote was not anchored, said of its source file. */
const UNANCHORED: Record<Unanchored, (file: string) => string> = {
  absent: (file) => `is not in ${file}`,
  'too common': (file) => `is in ${file} more than ${MAX_OCCURRENCES} times, too often to tell which is meant`,
  'over budget': (file) => `was not searched for in ${file}: the import had already searched as much text as it may, for earlier annotations whose positions disagree with their texts`,
};

function readW3c(db: Database.Database, file: string, shown: string, mapping: W3cMapping, unanchored: string[]): ProjectDocument {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    refuse(shown, [`it is not valid JSON (${(error as Error).message})`]);
  }
  const annotations = annotationsOf(value);
  if (!annotations) refuse(shown, ['it is not a W3C AnnotationCollection (with its first page embedded), AnnotationPage, list of Annotations or Annotation']);
  const folder = path.dirname(file);
  const problems: string[] = [];
  const now = new Date().toISOString();
  const registry = new Registry(db, now);
  const doc: ProjectDocument = { format: PROJECT_FORMAT, formatVersion: PROJECT_FORMAT_VERSION, appVersion: APP_VERSION, exportedAt: now, project: { name: shown }, articles: [], actors: [], tags: [], highlights: [], claims: [], links: [] };
  const sources = new Map<string, Source | null>();
  const source = (iri: string, described: Json | null): Source | null => {
    if (sources.has(iri)) return sources.get(iri)!;
    const name = sourceFile(folder, iri);
    let found: Source | null = null;
    if (name) {
      const original = fs.readFileSync(path.join(folder, name), 'utf8');
      const stored = storedText(original);
      if (stored?.text) {
        const meta = (key: string) => str(described?.[`dcterms:${key}`]) ?? str(described?.[key]) ?? '';
        const article: ArticleRecord = { id: uuidOf(iri) ?? randomUUID(), title: (meta('title') || stored.text.split('\n', 1)[0]!).slice(0, 300), outlet: meta('publisher').slice(0, 300), author: '', publishedAt: parseMachineDate(meta('issued').slice(0, 64)), url: /^https?:/.test(iri) ? iri.slice(0, 2000) : '', language: '', sourceName: name, sourceKind: 'txt', text: stored.text, createdAt: now, updatedAt: now };
        doc.articles.push(article);
        found = { article, stored, original, originalPoints: Array.from(original) };
      }
    }
    sources.set(iri, found);
    return found;
  };

  const budget = { left: SEARCH_BUDGET };
  /** Annotation IRI → claim id, for links. */
  const claims = new Map<string, string>();
  const links: Json[] = [];
  annotations.forEach((a, i) => {
    const label = str(a.id) ?? `annotation ${i + 1}`;
    if (list(a.motivation).includes('linking')) return void links.push(a);
    const target = list(a.target).find((t) => isObject(t) && t.selector !== undefined) as Json | undefined;
    const iri = idOf(target?.source);
    if (!target || !iri) return void problems.push(`${label}: it has no target with a source and a selector`);
    const src = source(iri, isObject(target.source) ? target.source : null);
    if (!src) return void problems.push(`${label}: ${noSourceFile(iri)}`);
    const selectors = list(target.selector).filter(isObject);
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    const int = (v: unknown) => (Number.isSafeInteger(v) && (v as number) >= 0 ? (v as number) : null);
    const wanted: Selectors = { exact: str(quote?.exact), prefix: str(quote?.prefix) ?? '', suffix: str(quote?.suffix) ?? '', start: int(position?.start), end: int(position?.end) };
    const span = anchor(src.originalPoints, src.original, wanted, budget);
    const [start, end] = typeof span === 'string' ? [null, null] : [src.stored.at(span[0]), src.stored.at(span[1])];
    if (start === null || end === null || start >= end) return void unanchored.push(`${label}: “${(wanted.exact ?? '').slice(0, 60)}” ${UNANCHORED[typeof span === 'string' ? span : 'absent'](src.article.sourceName)}`);
    let actor: string | null = null;
    let via: string | null = null;
    const tags: string[] = [];
    let note = '';
    for (const body of list(a.body).filter(isObject)) {
      const resource = isObject(body.source) ? body.source : null;
      const name = str(resource?.label) ?? str(resource?.name) ?? str(body.value);
      if (!name) continue;
      const known = uuidOf(idOf(body.source));
      if (body.purpose === mapping.actorPurpose) actor = registry.actor(name, known ?? undefined);
      else if (body.purpose === mapping.channelPurpose) via = registry.actor(resource ? name : name.replace(/^reported via /, ''), known ?? undefined);
      else if (body.purpose === mapping.tagPurpose) tags.push(registry.tag(name));
      else if (body.purpose === mapping.notePurpose) note = name;
    }
    const created = str(a.created) ?? now;
    const actorId = actor ?? registry.actor(mapping.unknownActor);
    const claimId = uuidOf(str(a.id)) ?? randomUUID();
    const highlight = registry.highlight(claimId, src.article.id, src.stored.points, start, end, created);
    doc.highlights.push(highlight);
    doc.claims.push({ id: claimId, highlightId: highlight.id, actorId, viaActorId: via === actorId ? null : via, claimedOn: claimedDay(str(a['dcterms:date'])), tagIds: [...new Set(tags)].sort(), noteJson: noteFromText(note), noteText: note.trim(), createdAt: created, updatedAt: str(a.modified) ?? created });
    if (str(a.id)) claims.set(str(a.id)!, claimId);
  });
  for (const a of links) {
    const label = str(a.id) ?? 'a linking annotation';
    const ends = list(a.target).map(idOf).map((t) => (t ? claims.get(t) : undefined));
    const value = (purpose: string) => list(a.body).filter(isObject).find((b) => b.purpose === purpose)?.value;
    const kind = LINK_KINDS.find((k) => k === value('classifying'));
    if (ends.length !== 2 || !ends[0] || !ends[1] || !kind) {
      problems.push(`${label}: a link needs two claims of this file as targets and a kind (${LINK_KINDS.join(' or ')})`);
      continue;
    }
    const rationale = str(value('commenting')) ?? '';
    const created = str(a.created) ?? now;
    doc.links.push({ id: uuidOf(str(a.id)) ?? randomUUID(), claimA: ends[0], claimB: ends[1], kind, status: LINK_STATUSES.find((s) => s === value('assessing')) ?? 'open', rationaleJson: noteFromText(rationale), rationaleText: rationale.trim(), createdBy: isObject(a.creator) ? (str(a.creator.name) ?? '') : '', createdAt: created, updatedAt: str(a.modified) ?? created });
  }
  if (problems.length) refuse(shown, problems);
  doc.actors = registry.actors;
  doc.tags = registry.tags;
  keepKnownRecords(db, doc);
  return doc;
}

/** Imports a W3C Web Annotation file as one all-or-nothing merge; annotations that could not be anchored are listed, not imported. */
export function importW3cFile(db: Database.Database, file: string, shown: string, mapping: W3cMapping = MAPPINGS.w3c.defaults): ImportOutcome {
  const unanchored: string[] = [];
  const outcome = importRecordsOutcome(db, shown, () => readW3c(db, file, shown, mapping, unanchored));
  return outcome.status === 'refused' || !unanchored.length ? outcome : { ...outcome, unanchored };
}
