import type { Handlers } from '../../context';
import type { Project } from '../../project';
import { importFile, importPastedText } from '../../import/importer';
import { listHighlights } from '../annotations/repository';
import { linksForArticle } from '../links/repository';
import {
  deleteArticle,
  deletionImpact,
  getArticle,
  listArticles,
  listOutlets,
  searchArticles,
  updateMeta,
} from './repository';

/** New articles are suggested in the background. */
function afterImport<T>(project: Project, outcome: T): T {
  project.suggesting.start();
  return outcome;
}

export const articleHandlers: Pick<
  Handlers,
  | 'articles.importFile'
  | 'articles.paste'
  | 'articles.list'
  | 'articles.outlets'
  | 'articles.search'
  | 'articles.get'
  | 'articles.open'
  | 'articles.update'
  | 'articles.deletionImpact'
  | 'articles.delete'
> = {
  'articles.importFile': async (input, { project }) =>
    afterImport(project, await importFile(project.db, input.name, new Uint8Array(Buffer.from(input.dataBase64, 'base64')))),
  'articles.paste': (input, { project }) => afterImport(project, importPastedText(project.db, input.text, input.title)),
  'articles.list': (input, { project }) => listArticles(project.db, input),
  'articles.outlets': (_input, { project }) => listOutlets(project.db),
  'articles.search': (input, { project }) => searchArticles(project.db, input.query, input.limit, input.offset),
  'articles.get': (input, { project }) => getArticle(project.db, input.id),
  // The article first: an unknown or unreadable one is refused before its lists are read.
  'articles.open': (input, { project }) => {
    const article = getArticle(project.db, input.id);
    return { article, highlights: listHighlights(project.db, project.anchors, input.id), links: linksForArticle(project.db, input.id) };
  },
  'articles.update': (input, { project, history }) =>
    history.record(`Edit details of “${input.meta.title.slice(0, 60)}”`, () => updateMeta(project.db, input.id, input.meta)),
  'articles.deletionImpact': (input, { project }) => deletionImpact(project.db, input.id),
  'articles.delete': (input, { project }) => {
    const impact = deleteArticle(project.db, input.id);
    // Deleting an article cannot be undone, and steps that touched its annotations no longer apply.
    project.undo.clear();
    return impact;
  },
};
