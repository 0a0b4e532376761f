import { OffsetMap } from '../../../../shared/offsets';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ANCHOR_CONTEXT, type ImportOutcome } from '../../../../shared/domain';
import { bratFragments, lineBreaks, trimFragments } from '../../../../shared/export/brat';
import { BRAT_RECORDS_FILE } from '../../../../shared/export/brat-records';
import { bratRecords, type BratRecords } from '../../../../shared/export/brat-records-schema';
import { PROJECT_FORMAT, PROJECT_FORMAT_VERSION, type ClaimRecord, type HighlightRecord, type LinkRecord, type ProjectDocument } from '../../../../shared/export/project-json';
import { noteFromText } from '../../../../shared/notes/note-state';
import { APP_VERSION } from '../../../../shared/version';
import { CROSS_DOCUMENT_LINKS } from '../../export/brat-export';
import { Registry } from '../registry';
import { importRecordsOutcome, refuse } from '../project-json';
import { parseAnn, type AnnDocument } from './ann';
import type { BratMapping } from '../../../../shared/import-mappings';
import { storedText } from './stored-text';
import { Tally } from '../tally';
import { plural } from '../../../../shared/text/plural';

/** One .txt and .ann pair. */
interface Pair {
  stem: string;
  text: string;
  points: string[];
  /** The stored text's offset map, for brat's line breaks and fragments. */
  offsets: OffsetMap;
  ann: AnnDocument;
}

/** A claim as brat gave it, before it has ids. */
interface FoundClaim {
  entity: string;
  start: number;
  end: number;
  /** Trimmed fragments as a T line would show them: compared with a record's span. */
  fragments: Array<[number, number]>;
  actor: string | null;
  via: string | null;
  tags: string[];
  note: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Every .ann of the folder with its .txt (the files Gainsay's export and brat write side by side). */
function readPairs(folder: string, problems: string[]): Pair[] {
  const pairs: Pair[] = [];
  for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.ann')).sort()) {
    const stem = name.slice(0, -4);
    const txt = path.join(folder, `${stem}.txt`);
    if (!fs.existsSync(txt)) {
      problems.push(`${name} has no ${stem}.txt beside it`);
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(fs.readFileSync(txt));
    } catch {
      problems.push(`${stem}.txt is not UTF-8 text`);
      continue;
    }
    const stored = storedText(text);
    if (!stored || !stored.text) {
      problems.push(stored ? `${stem}.txt contains no text` : `${stem}.txt has characters whose offsets Gainsay cannot keep when it normalises the text (NFC)`);
      continue;
    }
    const ann = parseAnn(name, decoder.decode(fs.readFileSync(path.join(folder, name))));
    problems.push(...ann.problems);
    // Spans are checked against the file as brat reads it, then carried over to the text as stored.
    const original = stored.text === text ? stored.points : Array.from(text);
    for (const t of ann.entities.values()) {
      const where = `${name} line ${t.line}: ${t.id}`;
      if (t.fragments.some(([, e]) => e > original.length)) problems.push(`${where} ends after the ${original.length} characters of ${stem}.txt`);
      else if (t.fragments.map(([s, e]) => original.slice(s, e).join('')).join(' ') !== t.text) problems.push(`${where}’s text “${t.text.slice(0, 40)}” is not the text of ${stem}.txt at its span`);
      else {
        const moved = t.fragments.map(([s, e]) => [stored.at(s), stored.at(e)]);
        const kept = (moved as Array<[number, number]>).filter(([s, e]) => s < e);
        if (moved.some(([s, e]) => s === null || e === null)) problems.push(`${where} starts or ends inside a letter and its accents, which Gainsay stores as one character (NFC)`);
        else if (!kept.length) problems.push(`${where} covers only characters Gainsay leaves out of stored text (spaces at line ends, control characters)`);
        else t.fragments = kept;
      }
    }
    pairs.push({ stem, text: stored.text, points: stored.points, offsets: new OffsetMap(stored.text), ann });
  }
  return pairs;
}

/** "actor: X; via: Y; tags: a, b; note: N", as Gainsay's brat export writes a claim's AnnotatorNotes. */
const GAINSAY_NOTE = /^actor: (.*?)(?:; via: (.*?))?(?:; tags: (.*?))?(?:; note: (.*))?$/s;

/** The claims of one document, as the mapping reads them. */
function findClaims(pair: Pair, mapping: BratMapping): Map<string, FoundClaim> {
  const { ann, offsets } = pair;
  const claims = new Map<string, FoundClaim>();
  const breaks = lineBreaks(offsets);
  const claim = (id: string) => {
    const t = ann.entities.get(id);
    if (!t) return undefined;
    if (!claims.has(id)) {
      const start = Math.min(...t.fragments.map(([s]) => s));
      const end = Math.max(...t.fragments.map(([, e]) => e));
      claims.set(id, { entity: id, start, end, fragments: trimFragments(offsets, bratFragments(breaks, start, end)), actor: null, via: null, tags: [], note: '' });
    }
    return claims.get(id)!;
  };
  const text = (id: string) => ann.entities.get(id)?.text ?? null;
  const claimTypes = new Set(mapping.claimEntities);
  for (const t of ann.entities.values()) if (claimTypes.has(t.type)) claim(t.id);
  for (const event of ann.events) {
    for (const rule of mapping.events.filter((r) => r.type === event.type)) {
      const role = (name: string | undefined) => (name ? event.args.find((a) => a.role === name)?.id : undefined);
      // An event may name several claims (Content, Content2): each is the actor's claim.
      for (const arg of event.args.filter((a) => a.role === rule.claim)) {
        const found = claim(arg.id);
        if (!found) continue;
        found.actor = text(role(rule.actor) ?? '') ?? found.actor;
        found.via = text(role(rule.channel) ?? '') ?? found.via;
      }
    }
  }
  const byRelation = (types: string[], set: (c: FoundClaim, name: string) => void) => {
    for (const r of ann.relations.filter((r) => types.includes(r.type))) {
      const [c, other] = claims.has(r.arg1) ? [claims.get(r.arg1)!, r.arg2] : [claims.get(r.arg2), r.arg1];
      const name = text(other);
      if (c && name !== null) set(c, name);
    }
  };
  byRelation(mapping.actorRelations, (c, name) => (c.actor = name));
  byRelation(mapping.channelRelations, (c, name) => (c.via = name));
  if (mapping.gainsayNotes) {
    for (const note of ann.notes) {
      const found = claims.get(note.target);
      const m = note.type === 'AnnotatorNotes' && found ? GAINSAY_NOTE.exec(note.text) : null;
      if (!found || !m) continue;
      found.actor = m[1] || found.actor;
      found.via = m[2] ?? found.via;
      found.tags = m[3] ? m[3].split(', ') : [];
      found.note = m[4] ?? '';
    }
  }
  return claims;
}

/** The sidecar Gainsay's export writes, when the folder has one and the mapping reads Gainsay's notes. */
function readRecords(folder: string, mapping: BratMapping, problems: string[]): BratRecords | null {
  const file = path.join(folder, BRAT_RECORDS_FILE);
  if (!mapping.gainsayNotes || !fs.existsSync(file)) return null;
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${BRAT_RECORDS_FILE} is not valid JSON (${(error as Error).message})`);
    return null;
  }
  const parsed = bratRecords.safeParse(value);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${BRAT_RECORDS_FILE}: ${i.path.join('.')}: ${i.message}`));
  return parsed.success ? parsed.data : null;
}

/** Reads a brat folder into the records of a project JSON (and the documents' names, in the order of its articles), or refuses it with its problems. */
function readBratFolder(db: Database.Database, folder: string, shown: string, mapping: BratMapping): { doc: ProjectDocument; stems: string[] } {
  const problems: string[] = [];
  const pairs = readPairs(folder, problems);
  if (!pairs.length && !problems.length) problems.push('the folder has no .ann files');
  const records = readRecords(folder, mapping, problems);
  if (problems.length) refuse(shown, problems);

  const now = new Date().toISOString();
  const registry = new Registry(db, now);
  const doc: ProjectDocument = { format: PROJECT_FORMAT, formatVersion: PROJECT_FORMAT_VERSION, appVersion: APP_VERSION, exportedAt: now, project: { name: shown }, articles: [], actors: [], tags: [], highlights: [], claims: [], links: [] };
  const articleRecords = new Map(records?.articles.map((a) => [a.id, a]));
  const highlightRecords = new Map(records?.highlights.map((h) => [`${h.articleId}/${h.entity}`, h]));
  const claimRecords = new Map(records?.claims.map((c) => [c.highlightId, c]));
  /** `stem/T3` → claim id, for links. */
  const claimIds = new Map<string, string>();

  for (const pair of pairs) {
    const article = articleRecords.get(pair.stem);
    const articleId = article?.id ?? randomUUID();
    const title = pair.text.split('\n', 1)[0]!.trim().slice(0, 200) || pair.stem;
    doc.articles.push(article ? { ...article, text: pair.text } : { id: articleId, title, outlet: '', author: '', publishedAt: null, url: '', language: '', sourceName: `${pair.stem}.txt`, sourceKind: 'txt', text: pair.text, createdAt: now, updatedAt: now });
    for (const found of findClaims(pair, mapping).values()) {
      const hRecord = highlightRecords.get(`${articleId}/${found.entity}`);
      const cRecord = hRecord && claimRecords.get(hRecord.id);
      // The record's exact span, unless the T line was changed since (then brat's span wins).
      const exact = hRecord && sameFragments(trimFragments(pair.offsets, bratFragments(lineBreaks(pair.offsets), hRecord.start, hRecord.end)), found.fragments);
      const [start, end] = exact ? [hRecord.start, hRecord.end] : [found.start, found.end];
      const highlight: HighlightRecord = {
        id: hRecord?.id ?? randomUUID(),
        articleId,
        start,
        end,
        quote: pair.points.slice(start, end).join(''),
        prefix: pair.points.slice(Math.max(0, start - ANCHOR_CONTEXT), start).join(''),
        suffix: pair.points.slice(end, end + ANCHOR_CONTEXT).join(''),
        createdAt: hRecord?.createdAt ?? now,
        updatedAt: exact ? hRecord.updatedAt : now,
      };
      doc.highlights.push(highlight);
      const claim: ClaimRecord = cRecord ?? {
        id: randomUUID(),
        highlightId: highlight.id,
        actorId: registry.actor(found.actor?.trim() || mapping.unknownActor),
        viaActorId: found.via?.trim() ? registry.actor(found.via.trim()) : null,
        claimedOn: null,
        tagIds: [...new Set(found.tags.map((t) => registry.tag(t)))].sort(),
        noteJson: noteFromText(found.note),
        noteText: found.note.trim(),
        createdAt: now,
        updatedAt: now,
      };
      if (claim.viaActorId === claim.actorId) claim.viaActorId = null;
      doc.claims.push(claim);
      claimIds.set(`${pair.stem}/${found.entity}`, claim.id);
    }
  }
  if (!doc.claims.length) {
    const unread = typesNotRead(pairs);
    if (unread) refuse(shown, [`none of its annotations is a claim under this mapping (${unread}); say which are claims with a mapping: \`gainsay import --mapping FILE\` (docs/imports.md), or the mapping in Import annotations…`]);
  }
  const recorded = new Set([...(records?.actors ?? []), ...(records?.tags ?? [])].map((r) => r.id));
  doc.actors = [...(records?.actors ?? []), ...registry.actors.filter((a) => !recorded.has(a.id))];
  doc.tags = [...(records?.tags ?? []), ...registry.tags.filter((t) => !recorded.has(t.id))];
  doc.links = readLinks(folder, pairs, mapping, claimIds, records?.links ?? [], now);
  return { doc, stems: pairs.map((p) => p.stem) };
}

/**
 * "entity types Source (812), Content (900); event types Attribution (900)": what a folder
 * annotates, when a mapping made no claim of it; empty when it annotates nothing (a brat project
 * not yet annotated imports as its texts).
 */
function typesNotRead(pairs: Pair[]): string {
  const [entities, events] = [new Tally(), new Tally()];
  for (const { ann } of pairs) {
    for (const t of ann.entities.values()) entities.add(t.type);
    for (const e of ann.events) events.add(e.type);
  }
  const named = (what: string, tally: Tally) => {
    const counted = tally.list();
    return counted.length ? `${what} ${counted.map((c) => `${c.name} (${c.count})`).join(', ')}` : '';
  };
  return [named('entity types', entities), named('event types', events)].filter(Boolean).join('; ');
}

const sameFragments = (a: Array<[number, number]>, b: Array<[number, number]>) => a.length === b.length && a.every(([s, e], i) => s === b[i]![0] && e === b[i]![1]);

/** Links from the relations the mapping names and from cross-document-links.tsv, with the records' ids, statuses and rationales where they have the pair. */
function readLinks(folder: string, pairs: Pair[], mapping: BratMapping, claimIds: Map<string, string>, records: LinkRecord[], now: string): LinkRecord[] {
  const kindOf = (type: string) => (mapping.contradicts.includes(type) ? 'contradicts' : mapping.corroborates.includes(type) ? 'corroborates' : null);
  const found: Array<{ a: string; b: string; kind: 'contradicts' | 'corroborates' }> = [];
  const add = (a: string | undefined, b: string | undefined, type: string) => {
    const kind = kindOf(type);
    if (a && b && a !== b && kind) found.push({ a, b, kind });
  };
  for (const pair of pairs) for (const r of pair.ann.relations) add(claimIds.get(`${pair.stem}/${r.arg1}`), claimIds.get(`${pair.stem}/${r.arg2}`), r.type);
  const cross = path.join(folder, CROSS_DOCUMENT_LINKS);
  if (fs.existsSync(cross)) {
    for (const line of fs.readFileSync(cross, 'utf8').split('\n').slice(1)) {
      const [, type = '', , docA = '', entityA = '', docB = '', entityB = ''] = line.split('\t');
      add(claimIds.get(`${docA}/${entityA}`), claimIds.get(`${docB}/${entityB}`), type);
    }
  }
  const byPair = new Map(records.map((l) => [[l.claimA, l.claimB].sort().join(' '), l]));
  return found.map(({ a, b, kind }) => {
    const record = byPair.get([a, b].sort().join(' '));
    return record ? { ...record, kind } : { id: randomUUID(), claimA: a, claimB: b, kind, status: 'open', rationaleJson: '', rationaleText: '', createdBy: '', createdAt: now, updatedAt: now };
  });
}

/** "NAME: 12 claims, 3 links" for each document read (a link between two documents counts in both). */
function documentLines(doc: ProjectDocument, stems: string[]): string[] {
  const articleOf = new Map(doc.highlights.map((h) => [h.id, h.articleId]));
  const claimArticle = new Map(doc.claims.map((c) => [c.id, articleOf.get(c.highlightId)]));
  const tally = (ids: Array<string | undefined>) => ids.reduce((counts, id) => counts.set(id, (counts.get(id) ?? 0) + 1), new Map<string | undefined, number>());
  const claims = tally([...claimArticle.values()]);
  const links = tally(doc.links.flatMap((l) => [...new Set([claimArticle.get(l.claimA), claimArticle.get(l.claimB)])]));
  return doc.articles.map((a, i) => `${stems[i]}: ${plural(claims.get(a.id) ?? 0, 'claim')}, ${plural(links.get(a.id) ?? 0, 'link')}`);
}

/** Imports a brat folder as one all-or-nothing merge, as one line of an import's results with a line per document. */
export function importBratFolder(db: Database.Database, folder: string, shown: string, mapping: BratMapping): ImportOutcome {
  let documents: string[] = [];
  const outcome = importRecordsOutcome(db, shown, () => {
    const { doc, stems } = readBratFolder(db, folder, shown, mapping);
    documents = documentLines(doc, stems);
    return doc;
  });
  return outcome.status === 'refused' ? outcome : { ...outcome, documents };
}
