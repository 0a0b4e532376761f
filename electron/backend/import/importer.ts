import type Database from 'better-sqlite3';
import { pasteSizeRefusal, utf8Bytes, type ImportOutcome } from '../../../shared/domain';
import { insertArticle } from '../features/articles/repository';
import { prepareArticle, readArticle, type ReadyArticle } from './extract';
import { ImportRefusal } from './refusal';

function store(db: Database.Database, name: string, article: ReadyArticle): ImportOutcome {
  const result = insertArticle(db, { ...article, sourceName: name });
  return result.status === 'imported'
    ? { name, status: 'imported', articleId: result.id, title: result.title, message: `imported as “${result.title}”` }
    : {
        name,
        status: 'duplicate',
        articleId: result.id,
        title: result.title,
        message: `skipped: the same text is already in the project as “${result.title}”`,
      };
}

function refused(name: string, error: unknown): ImportOutcome {
  if (error instanceof ImportRefusal) return { name, status: 'refused', message: error.message };
  throw error;
}

/**
 * Imports one file: read, extract, normalise, then store in one transaction. A refused file
 * leaves the project unchanged and says why in one line.
 */
export async function importFile(db: Database.Database, name: string, bytes: Uint8Array): Promise<ImportOutcome> {
  try {
    return store(db, name, await readArticle(name, bytes));
  } catch (error) {
    return refused(name, error);
  }
}

/** Pasted text becomes an article like a .txt file would; a title typed by the user wins. */
export function importPastedText(db: Database.Database, text: string, title: string): ImportOutcome {
  const name = 'Pasted text';
  const tooLarge = pasteSizeRefusal(utf8Bytes(text));
  if (tooLarge) return { name, status: 'refused', message: tooLarge };
  try {
    const article = prepareArticle({ text, meta: title ? { title } : {}, kind: 'paste' }, name, name);
    return store(db, name, article);
  } catch (error) {
    return refused(name, error);
  }
}
