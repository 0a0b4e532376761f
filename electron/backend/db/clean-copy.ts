import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import { APP_VERSION } from '../../../shared/version';
import { GainsayError } from '../../../shared/errors';
import { MAX_ARTICLE_LENGTH, count } from '../../../shared/domain';
import {
  PROJECT_FORMAT,
  PROJECT_FORMAT_VERSION,
  SECTIONS,
  actorRecord,
  articleRecord,
  claimRecord,
  highlightRecord,
  linkRecord,
  sectionCount,
  tagRecord,
  type ProjectDocument,
  type Section,
} from '../../../shared/export/project-json';
import { noteFromText, noteProblem } from '../../../shared/notes/note-state';
import { OffsetMap } from '../../../shared/offsets';
import { spanWithin } from '../../../shared/text/span';
import { importProjectJsonOutcome } from '../import/project-json';
import { renameForeignIds } from './new-ids';
import { ProjectRecords } from '../export/records';
import { anchorHolds } from '../features/annotations/anchors';
import { Project } from '../project';
import { appSchema } from './app-schema';
import { APPLICATION_ID } from './file-identity';
import { LATEST_SCHEMA_VERSION } from './migrations';
import { protect } from './protect';
import { schemaDifferences } from './schema-check';
import { withoutNewSidecars } from './sidecars';

export interface CleanCopyReport {
  /** Records copied, by section. */
  copied: Record<Section, number>;
  /** What was left out, one line each: schema objects the app does not make, and records that failed validation. */
  dropped: string[];
  /** Records given a new id, one line each: theirs was not one Gainsay makes (see renameForeignIds). */
  renamed: string[];
}

const RECORD_SCHEMAS: { [S in Section]: z.ZodType } = {
  articles: articleRecord,
  actors: actorRecord,
  tags: tagRecord,
  highlights: highlightRecord,
  claims: claimRecord,
  links: linkRecord,
};

/** The tables the copy reads, as the first schema made them (every later one only adds columns). */
const READ_TABLES = ['articles', 'actors', 'actor_aliases', 'tags', 'highlights', 'claims', 'claim_tags', 'links'];

/**
 * Makes a clean copy of a project file that was refused for carrying schema objects of its own:
 * the data rows are read (plain SELECTs of the app's own columns from tables that are plain
 * tables; no view, trigger or virtual table of the file is ever used), checked record by record
 * as a project JSON import checks them (ids, enums, sizes, offsets inside the text, quotes
 * matching), and written into a new project by that import. Everything else is left out and
 * listed. The source file is only read.
 */
export function makeCleanCopy(source: string, target: string): CleanCopyReport {
  const from = path.resolve(source);
  const to = path.resolve(target);
  const shown = path.basename(from);
  if (from === to) throw new GainsayError('invalid_input', 'A clean copy must be written to a new file, not over the original.');
  if (fs.existsSync(to)) throw new GainsayError('conflict', `“${path.basename(to)}” already exists; choose a new file for the clean copy.`);
  const doc = withoutNewSidecars(from, () => readRecords(from, shown));
  const renamed = renameForeignIds(doc.document);
  const dropped = [...doc.dropped, ...validate(doc.document)];
  const project = Project.open(to);
  let outcome;
  try {
    outcome = importProjectJsonOutcome(project.db, shown, JSON.stringify(doc.document));
  } finally {
    project.close();
  }
  if (outcome.status === 'refused') {
    for (const file of [to, `${to}-wal`, `${to}-shm`]) fs.rmSync(file, { force: true });
    throw new GainsayError('invalid_input', `No clean copy of “${shown}” could be made: ${outcome.message}`);
  }
  const copied = Object.fromEntries(SECTIONS.map((s) => [s, doc.document[s].length])) as Record<Section, number>;
  return { copied, dropped, renamed };
}

/** "3 articles, 2 actors, …": what a clean copy holds, for the CLI and the desktop window alike. */
export function describeCopied(report: CleanCopyReport): string {
  return SECTIONS.map((s) => sectionCount(s, report.copied[s])).join(', ');
}

function readRecords(file: string, shown: string): { document: ProjectDocument; dropped: string[] } {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new GainsayError('not_a_project', `“${shown}” cannot be read (${(error as Error).message}).`);
  }
  try {
    protect(db);
    db.pragma('query_only = ON');
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) throw new GainsayError('not_a_project', `“${shown}” is not a Gainsay project; there is nothing to copy.`);
    if (version < 1 || version > LATEST_SCHEMA_VERSION) {
      throw new GainsayError('newer_version', `“${shown}” has project format ${version}; this version of Gainsay copies formats 1 to ${LATEST_SCHEMA_VERSION}.`);
    }
    checkReadable(db, shown);
    const dropped = schemaDifferences(db, version).map((d) => `left out ${d}`);
    const records = new ProjectRecords(db);
    const document: ProjectDocument = {
      format: PROJECT_FORMAT,
      formatVersion: PROJECT_FORMAT_VERSION,
      appVersion: APP_VERSION,
      exportedAt: new Date().toISOString(),
      project: { name: shown },
      articles: [...records.articles()],
      actors: [...records.actors()],
      tags: [...records.tags()],
      highlights: [...records.highlights()],
      claims: [...records.claims()],
      links: [...records.links()],
    };
    return { document, dropped };
  } catch (error) {
    if (error instanceof GainsayError) throw error;
    throw new GainsayError('corrupt', `No clean copy of “${shown}” could be made: its records cannot be read (${(error as Error).message}).`);
  } finally {
    db.close();
  }
}

/**
 * Every table the copy reads must be a plain table with the app's columns: then a SELECT of those
 * columns reads stored values only. A view or virtual table under one of these names could run
 * anything, so such a file is not copied at all.
 */
function checkReadable(db: Database.Database, shown: string): void {
  const first = appSchema(1);
  for (const table of READ_TABLES) {
    const found = db.prepare("SELECT type, sql FROM sqlite_schema WHERE name = ?").get(table) as { type: string; sql: string } | undefined;
    const plain = found?.type === 'table' && /^CREATE TABLE\b/i.test(found.sql);
    const columns = plain ? new Set(db.prepare('SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0').pluck().all(table) as string[]) : new Set();
    if (!plain || first.columns(table).some((c) => !columns.has(c))) {
      throw new GainsayError('untrusted', `No clean copy of “${shown}” could be made: its “${table}” is not the table Gainsay makes, so its records cannot be read safely. The file was left untouched.`);
    }
  }
}

/**
 * Removes from the document every record that a project JSON import would refuse, and every
 * record that depends on one removed; returns a line for each.
 */
function validate(doc: ProjectDocument): string[] {
  const dropped: string[] = [];
  const keep = <S extends Section>(section: S, ok: (record: ProjectDocument[S][number]) => string | null) => {
    const seen = new Set<string>();
    (doc[section] as Array<ProjectDocument[S][number]>) = (doc[section] as Array<ProjectDocument[S][number]>).filter((record) => {
      const id = String((record as { id?: unknown }).id).slice(0, 40);
      const parsed = RECORD_SCHEMAS[section].safeParse(record);
      const problem = !parsed.success
        ? parsed.error.issues.slice(0, 2).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
        : seen.has(record.id) ? 'its id appears twice' : ok(record);
      if (problem) dropped.push(`left out ${section.slice(0, -1)} ${id}: ${problem}`);
      else seen.add(record.id);
      return !problem;
    });
    return seen;
  };
  const articles = keep('articles', (a) =>
    a.text.length > MAX_ARTICLE_LENGTH && Array.from(a.text).length > MAX_ARTICLE_LENGTH ? `its text is over the ${count(MAX_ARTICLE_LENGTH)} characters Gainsay keeps for one article` : null,
  );
  // One offset map per article, made when its first highlight is checked.
  const texts = new Map(doc.articles.map((a) => [a.id, a.text]));
  const maps = new Map<string, OffsetMap>();
  const mapOf = (articleId: string) => {
    let map = maps.get(articleId);
    if (!map) maps.set(articleId, (map = new OffsetMap(texts.get(articleId)!)));
    return map;
  };
  const actors = keep('actors', () => null);
  const tags = keep('tags', () => null);
  const highlights = keep('highlights', (h) => {
    if (!articles.has(h.articleId)) return 'its article is not in the copy';
    const map = mapOf(h.articleId);
    if (!spanWithin(h.start, h.end, map.length)) return `offsets ${h.start}–${h.end} are outside the article’s ${map.length} code points`;
    return anchorHolds(map, h.start, h.end, h.quote) ? null : 'its quote is not the article text at its offsets';
  });
  const claims = keep('claims', (c) => {
    if (!highlights.has(c.highlightId)) return 'its highlight is not in the copy';
    if (!actors.has(c.actorId)) return 'its actor is not in the copy';
    // A note the editor could not open, a channel or a tag that cannot be copied is left off the
    // claim, which is kept (a note as its plain text).
    if (noteProblem(c.noteJson)) {
      dropped.push(`left out the formatting of claim ${c.id}’s note: it ${noteProblem(c.noteJson)}; its text is kept`);
      c.noteJson = noteFromText(c.noteText);
    }
    if (c.viaActorId && (!actors.has(c.viaActorId) || c.viaActorId === c.actorId)) {
      dropped.push(`left out the channel of claim ${c.id}: it is not an actor in the copy`);
      c.viaActorId = null;
    }
    const missing = c.tagIds.filter((t) => !tags.has(t));
    if (missing.length) {
      dropped.push(`left out ${missing.length} tag${missing.length === 1 ? '' : 's'} of claim ${c.id}: not in the copy`);
      c.tagIds = c.tagIds.filter((t) => tags.has(t));
    }
    return null;
  });
  keep('links', (l) => {
    if (l.claimA === l.claimB) return 'it links a claim to itself';
    if (!claims.has(l.claimA) || !claims.has(l.claimB)) return 'one of its claims is not in the copy';
    if (noteProblem(l.rationaleJson)) {
      dropped.push(`left out the formatting of link ${l.id}’s rationale: it ${noteProblem(l.rationaleJson)}; its text is kept`);
      l.rationaleJson = noteFromText(l.rationaleText);
    }
    return null;
  });
  return dropped;
}
