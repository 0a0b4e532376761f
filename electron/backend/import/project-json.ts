import type Database from 'better-sqlite3';
import { z } from 'zod';
import { GainsayError } from '../../../shared/errors';
import { PROJECT_FORMAT, PROJECT_FORMAT_VERSION, SECTIONS, projectDocument, sectionCount, type ProjectDocument, type Section } from '../../../shared/export/project-json';
import { MAX_ARTICLE_LENGTH, count, type ImportOutcome } from '../../../shared/domain';
import { noteProblem } from '../../../shared/notes/note-state';
import { fold } from '../../../shared/fold';
import { OffsetMap } from '../../../shared/offsets';
import { spanWithin } from '../../../shared/text/span';
import { searchKey } from '../../../shared/text/search-query';
import { preparedOnce } from '../db/prepared';
import { anchorHolds } from '../features/annotations/anchors';
import { contentHash, insertArticle } from '../features/articles/repository';
import { ProjectRecords } from '../export/records';

interface SectionCounts {
  added: number;
  unchanged: number;
}

interface JsonImportReport {
  counts: Record<Section, SectionCounts>;
  /** Records whose id (or pair, or text) the project already has with other content: the project's are kept. */
  conflicts: string[];
}

/** Problems listed in the one message a refused file gets. */
const SHOWN_PROBLEMS = 20;

/** Refuses a file with one message listing its first problems; nothing is written. */
export function refuse(file: string, problems: string[]): never {
  const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `  - ${p}`).join('\n');
  const more = problems.length > SHOWN_PROBLEMS ? `\n  … and ${problems.length - SHOWN_PROBLEMS} more` : '';
  throw new GainsayError('invalid_input', `${file} was not imported; nothing was changed. ${problems.length === 1 ? 'The problem' : `${problems.length} problems`}:\n${shown}${more}`);
}

/** Parses and checks the document's form: JSON, the right format and version, every field. */
function parseProjectJson(file: string, text: string): ProjectDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    refuse(file, [`it is not valid JSON (${(error as Error).message})`]);
  }
  const head = value as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== PROJECT_FORMAT) {
    refuse(file, [`it is not a Gainsay project export (expected "format": "${PROJECT_FORMAT}")`]);
  }
  if (head.formatVersion !== PROJECT_FORMAT_VERSION) {
    refuse(file, [`it has format version ${JSON.stringify(head.formatVersion)}; this version of Gainsay reads version ${PROJECT_FORMAT_VERSION}`]);
  }
  const parsed = projectDocument.safeParse(value);
  if (!parsed.success) {
    refuse(file, parsed.error.issues.map((issue: z.core.$ZodIssue) => `${issue.path.join('.') || 'document'}: ${issue.message}`));
  }
  return parsed.data;
}

/** Checks what refers to what, and that every quote is the text at its offsets. */
function checkReferences(db: Database.Database, doc: ProjectDocument): string[] {
  const sql = (text: string) => preparedOnce(db, text);
  const problems: string[] = [];
  const has = (table: string, id: string) => !!sql(`SELECT 1 FROM ${table} WHERE id = ?`).get(id);
  const ids = new Map<Section, Set<string>>();
  for (const section of SECTIONS) {
    const seen = new Set<string>();
    doc[section].forEach((record, i) => {
      if (seen.has(record.id)) problems.push(`${section}.${i}: the id ${record.id} appears twice`);
      seen.add(record.id);
    });
    ids.set(section, seen);
  }
  const known = (section: Section, table: string, id: string) => ids.get(section)!.has(id) || has(table, id);
  const texts = new Map(doc.articles.map((a) => [a.id, a.text]));
  const maps = new Map<string, OffsetMap>();
  doc.highlights.forEach((h, i) => {
    const text = texts.get(h.articleId) ?? (sql('SELECT text FROM articles WHERE id = ?').pluck().get(h.articleId) as string | undefined);
    if (text === undefined) return problems.push(`highlights.${i}: article ${h.articleId} is neither in the file nor in the project`);
    let map = maps.get(h.articleId);
    if (!map) maps.set(h.articleId, (map = new OffsetMap(text)));
    if (!spanWithin(h.start, h.end, map.length)) {
      return problems.push(`highlights.${i}: offsets ${h.start}–${h.end} are outside the article’s ${map.length} code points`);
    }
    if (!anchorHolds(map, h.start, h.end, h.quote)) problems.push(`highlights.${i}: the quote does not match the article text at ${h.start}–${h.end}`);
  });
  doc.claims.forEach((c, i) => {
    if (!known('highlights', 'highlights', c.highlightId)) problems.push(`claims.${i}: highlight ${c.highlightId} is neither in the file nor in the project`);
    for (const actor of [c.actorId, c.viaActorId]) if (actor && !known('actors', 'actors', actor)) problems.push(`claims.${i}: actor ${actor} is neither in the file nor in the project`);
    for (const tag of c.tagIds) if (!known('tags', 'tags', tag)) problems.push(`claims.${i}: tag ${tag} is neither in the file nor in the project`);
    if (c.viaActorId === c.actorId) problems.push(`claims.${i}: the actor and the channel are the same`);
  });
  doc.links.forEach((l, i) => {
    if (l.claimA === l.claimB) problems.push(`links.${i}: a claim is linked to itself`);
    for (const claim of [l.claimA, l.claimB]) if (!known('claims', 'claims', claim)) problems.push(`links.${i}: claim ${claim} is neither in the file nor in the project`);
  });
  return problems;
}

/**
 * The bounds the app keeps when these records are written through it: notes and rationales the
 * note editor can open, names and texts within their sizes (a file may carry anything).
 */
function checkContent(doc: ProjectDocument): string[] {
  const problems: string[] = [];
  // Names, tags and note texts are bounded by the document's schema; the text in code points here.
  doc.articles.forEach((a, i) => {
    if (a.text.length > MAX_ARTICLE_LENGTH && Array.from(a.text).length > MAX_ARTICLE_LENGTH) problems.push(`articles.${i}: the text is over the ${count(MAX_ARTICLE_LENGTH)} characters Gainsay keeps for one article`);
  });
  const note = (where: string, json: string) => {
    const problem = noteProblem(json);
    if (problem) problems.push(`${where}: the note ${problem}`);
  };
  doc.claims.forEach((c, i) => note(`claims.${i}`, c.noteJson));
  doc.links.forEach((l, i) => note(`links.${i}`, l.rationaleJson));
  return problems;
}

/** JSON with every object's keys sorted, so records compare by content, not key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
  );
}
/** Whether two records have the same content, whatever their keys' order. */
export const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * Imports a Gainsay project JSON file: into an empty project it rebuilds the project record for
 * record; into one with work in it, records are merged by id (the same record twice is kept
 * once) and records that differ from the project's copy are reported as conflicts and left as
 * the project has them. All or nothing: one transaction, and a file with any problem changes nothing.
 */
function importProjectDocument(db: Database.Database, file: string, doc: ProjectDocument): JsonImportReport {
  const sql = (text: string) => preparedOnce(db, text);
  const problems = [...checkContent(doc), ...checkReferences(db, doc)];
  if (problems.length) refuse(file, problems);
  const report: JsonImportReport = { counts: Object.fromEntries(SECTIONS.map((s) => [s, { added: 0, unchanged: 0 }])) as JsonImportReport['counts'], conflicts: [] };
  /** Records not imported (conflicts), whose dependants must be left out too. */
  const skipped = new Set<string>();
  /** An article id of the file → the id of the same text already in the project. */
  const articleIds = new Map<string, string>();

  /** Handles a record the project may already have; returns whether to insert it. */
  const decide = (section: Section, record: { id: string }, label: string): boolean => {
    // Most records are new: a cheap look first, the whole record only when there is one.
    const existing = sql(`SELECT 1 FROM ${section} WHERE id = ?`).get(record.id) && ProjectRecords.one(db, section, record.id);
    if (!existing) return true;
    if (same(existing, record)) report.counts[section].unchanged++;
    else {
      report.conflicts.push(`${label} ${record.id} differs from the project’s; the project’s is kept`);
      skipped.add(record.id);
    }
    return false;
  };

  db.transaction(() => {
    for (const a of doc.articles) {
      const twin = sql('SELECT id FROM articles WHERE content_hash = ? AND id <> ?').pluck().get(contentHash(a.text), a.id) as string | undefined;
      if (twin) {
        articleIds.set(a.id, twin);
        report.conflicts.push(`article ${a.id} (“${a.title}”) has the same text as article ${twin}; its highlights join that one`);
        continue;
      }
      if (!decide('articles', a, 'article')) continue;
      insertArticle(db, {
        id: a.id,
        text: a.text,
        kind: a.sourceKind,
        sourceName: a.sourceName,
        meta: { title: a.title, outlet: a.outlet, author: a.author, publishedAt: a.publishedAt, url: a.url, language: a.language },
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
      });
      report.counts.articles.added++;
    }
    for (const actor of doc.actors) {
      if (!decide('actors', actor, 'actor')) continue;
      sql('INSERT INTO actors (id, name, folded, kind, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        actor.id, actor.name, fold(actor.name), actor.kind, actor.role, actor.createdAt, actor.updatedAt,
      );
      for (const alias of actor.aliases) {
        sql('INSERT INTO actor_aliases (id, actor_id, alias, folded, created_at) VALUES (?, ?, ?, ?, ?)').run(alias.id, actor.id, alias.alias, fold(alias.alias), alias.createdAt);
      }
      report.counts.actors.added++;
    }
    for (const tag of doc.tags) {
      if (!decide('tags', tag, 'tag')) continue;
      const twin = sql('SELECT id FROM tags WHERE name = ? COLLATE NOCASE').pluck().get(tag.name) as string | undefined;
      if (twin) {
        report.conflicts.push(`tag ${tag.id} (“${tag.name}”) has the name of tag ${twin}; claims keep the project’s tag`);
        skipped.add(tag.id);
        continue;
      }
      sql('INSERT INTO tags (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(tag.id, tag.name, tag.createdAt, tag.updatedAt);
      report.counts.tags.added++;
    }
    for (const h of doc.highlights) {
      const record = { ...h, articleId: articleIds.get(h.articleId) ?? h.articleId };
      if (skipped.has(h.articleId)) {
        report.conflicts.push(`highlight ${h.id} is left out: its article was in conflict`);
        skipped.add(h.id);
        continue;
      }
      if (!decide('highlights', record, 'highlight')) continue;
      sql(
        `INSERT INTO highlights (id, article_id, start_cp, end_cp, quote, quote_key, prefix, suffix, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(h.id, record.articleId, h.start, h.end, h.quote, searchKey(h.quote), h.prefix, h.suffix, h.createdAt, h.updatedAt);
      report.counts.highlights.added++;
    }
    for (const c of doc.claims) {
      if ([c.highlightId, c.actorId, c.viaActorId].some((id) => id && skipped.has(id))) {
        report.conflicts.push(`claim ${c.id} is left out: a record it needs was in conflict`);
        skipped.add(c.id);
        continue;
      }
      if (!decide('claims', c, 'claim')) continue;
      const twin = sql('SELECT id FROM claims WHERE highlight_id = ?').pluck().get(c.highlightId) as string | undefined;
      if (twin) {
        report.conflicts.push(`claim ${c.id} is on a highlight that already carries claim ${twin}; the project’s is kept`);
        skipped.add(c.id);
        continue;
      }
      sql(
        `INSERT INTO claims (id, highlight_id, actor_id, via_actor_id, claimed_on, note_json, note_text, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(c.id, c.highlightId, c.actorId, c.viaActorId, c.claimedOn, c.noteJson, c.noteText, c.createdAt, c.updatedAt);
      for (const tagId of c.tagIds) if (!skipped.has(tagId)) sql('INSERT INTO claim_tags (claim_id, tag_id) VALUES (?, ?)').run(c.id, tagId);
      report.counts.claims.added++;
    }
    for (const l of doc.links) {
      if (skipped.has(l.claimA) || skipped.has(l.claimB)) {
        report.conflicts.push(`link ${l.id} is left out: one of its claims was in conflict`);
        continue;
      }
      if (!decide('links', l, 'link')) continue;
      const [a, b] = l.claimA < l.claimB ? [l.claimA, l.claimB] : [l.claimB, l.claimA];
      const twin = sql('SELECT id FROM links WHERE claim_a = ? AND claim_b = ?').pluck().get(a, b) as string | undefined;
      if (twin) {
        report.conflicts.push(`link ${l.id} joins two claims already linked by link ${twin}; the project’s is kept`);
        continue;
      }
      sql(
        `INSERT INTO links (id, claim_a, claim_b, kind, status, rationale_json, rationale_text, rationale_key, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(l.id, a, b, l.kind, l.status, l.rationaleJson, l.rationaleText, searchKey(l.rationaleText), l.createdBy, l.createdAt, l.updatedAt);
      report.counts.links.added++;
    }
  })();
  return report;
}

/** "2 articles (+1 already there), 5 actors, …" */
function describeCounts(report: JsonImportReport): string {
  return SECTIONS.map((section) => {
    const { added, unchanged } = report.counts[section];
    return `${sectionCount(section, added)}${unchanged ? ` (+${unchanged} already there)` : ''}`;
  }).join(', ');
}

/** A merged project JSON as one line of an import's results. */
function jsonImportOutcome(name: string, report: JsonImportReport): ImportOutcome {
  const added = SECTIONS.some((section) => report.counts[section].added > 0);
  const conflicts = report.conflicts.length ? `; ${report.conflicts.length} conflict${report.conflicts.length === 1 ? '' : 's'}, where the project’s records were kept` : '';
  return {
    name,
    status: added ? 'imported' : 'duplicate',
    message: `${added ? 'merged: added' : 'nothing new: added'} ${describeCounts(report)}${conflicts}`,
    ...(report.conflicts.length ? { conflicts: report.conflicts } : {}),
  };
}

/** Merges a project JSON and says how it went, as one line of an import's results; a refused file changes nothing. */
export function importProjectJsonOutcome(db: Database.Database, name: string, text: string): ImportOutcome {
  return importRecordsOutcome(db, name, () => parseProjectJson(name, text));
}

/**
 * Merges the records another format was read into (brat, …) exactly as a project JSON is merged:
 * checked, all or nothing, by id. `read` refuses (GainsayError) with the file's problems.
 */
export function importRecordsOutcome(db: Database.Database, name: string, read: () => ProjectDocument): ImportOutcome {
  try {
    return jsonImportOutcome(name, importProjectDocument(db, name, read()));
  } catch (error) {
    if (error instanceof GainsayError) return { name, status: 'refused', message: error.message };
    throw error;
  }
}
