import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { ARTICLE_SORTS, SUPPORTED_EXTENSIONS, type ArticleSort, type ArticleSummary, type SearchResult } from '../../../shared/domain';
import { api, onProjectChanged } from '../api/client';
import { inDesktopWindow } from '../api/transport';
import { IMPORT_CATCH_UP_MS, startJob } from '../jobs/jobs';
import { Highlighted } from '../components/Highlighted';
import { formatDate } from '../format';
import { hrefFor } from '../router';
import { AnnotationImportDialog } from './AnnotationImportDialog';
import { DeleteArticleDialog } from './DeleteArticleDialog';
import { filesFromDrop, filesFromFolderInput } from './files';
import { ImportPanel } from './ImportPanel';
import { PasteDialog } from './PasteDialog';
import { useFocusOnReturn } from './return-focus';
import { useImportQueue } from './useImportQueue';
import { FieldError } from '../components/FieldError';
import { focusIsLost } from '../keyboard';

const SORT_LABELS: Record<ArticleSort, string> = {
  published: 'Publication date',
  title: 'Title',
  outlet: 'Outlet',
  added: 'Date added',
  claims: 'Claims',
  contradictions: 'Contradictions',
};

// Named files may also be a Gainsay project export, merged into this project.
const ACCEPT = [...SUPPORTED_EXTENSIONS, '.json', '.qdpx'].join(',');

export function LibraryView() {
  const [articles, setArticles] = useState<ArticleSummary[]>([]);
  /** Whether the list has come in once (an empty one included). */
  const [listed, setListed] = useState(false);
  const [found, setFound] = useState<SearchResult | null>(null);
  const [outlets, setOutlets] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [outlet, setOutlet] = useState('');
  const [sort, setSort] = useState<ArticleSort>('published');
  const [descending, setDescending] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [pasting, setPasting] = useState(false);
  const [importingAnnotations, setImportingAnnotations] = useState(false);
  const [deleting, setDeleting] = useState<ArticleSummary | null>(null);
  const [dragging, setDragging] = useState(false);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [version, setVersion] = useState(0);
  const table = useRef<HTMLTableElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnReturn(listed, table, heading);
  /** After a delete: the article deleted, and its neighbour, whose row takes the focus once the list no longer has it (the heading, with no neighbour). */
  const focusAfterDelete = useRef<{ deleted: string; next: string | null } | null>(null);
  useEffect(() => {
    const after = focusAfterDelete.current;
    if (!after || articles.some((a) => a.id === after.deleted)) return;
    focusAfterDelete.current = null;
    // The deleted row's Delete button had the focus: with the row gone it fell to the page body.
    if (!focusIsLost()) return;
    const row = after.next === null ? null : table.current?.querySelector<HTMLElement>(`a[href="${hrefFor({ view: 'article', id: after.next })}"]`);
    (row ?? heading.current)?.focus();
  }, [articles]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const imports = useImportQueue(reload);
  // A batch import's files change the project one by one: the list catches up with the first
  // file, then every few seconds (not after each file), and once after the last, which another
  // window's import (it has no queue here to say it ended) would otherwise leave unread.
  useEffect(() => {
    let caughtUp = -Infinity;
    let pending: ReturnType<typeof setTimeout> | null = null;
    const catchUp = () => {
      pending = null;
      caughtUp = Date.now();
      reload();
    };
    const off = onProjectChanged((method) => {
      if (method !== 'articles.importFile') return reload();
      const wait = caughtUp + IMPORT_CATCH_UP_MS - Date.now();
      if (wait <= 0) catchUp();
      else pending ??= setTimeout(catchUp, wait);
    });
    return () => {
      off();
      if (pending) clearTimeout(pending);
    };
  }, [reload]);

  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  useEffect(() => {
    let live = true;
    const fail = (e: Error) => live && setError(e.message);
    api.call('articles.outlets', {}).then((v) => live && setOutlets(v), fail);
    api.call('articles.list', { sort, descending, ...(outlet ? { outlet } : {}) }).then((v) => {
      if (!live) return;
      setArticles(v);
      setListed(true);
    }, fail);
    return () => {
      live = false;
    };
  }, [sort, descending, outlet, version]);

  useEffect(() => {
    if (!query.trim()) {
      setFound(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.call('articles.search', { query }).then(
        (v) => live && setFound(v),
        (e: Error) => live && setError(e.message),
      );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, version]);

  /** The desktop window: the shell's open dialog, then an import job (shown in the jobs panel). */
  function importWithDialog(choose: 'files' | 'folder') {
    startJob('imports.start', { choose }).catch((e: Error) => setError(e.message));
  }

  async function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const { files, refused } = await filesFromDrop(event.dataTransfer);
    void imports.start(files, refused);
  }


  return (
    <section
      className={dragging ? 'library dropping' : 'library'}
      aria-labelledby="library-heading"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="library-head">
        <h2 id="library-heading" ref={heading} tabIndex={-1}>
          Library
        </h2>
        <div className="import-actions" role="group" aria-label="Add articles">
          <button type="button" onClick={() => (inDesktopWindow() ? importWithDialog('files') : filesInput.current?.click())} disabled={imports.state.running}>
            Import files…
          </button>
          <button type="button" className="secondary" onClick={() => (inDesktopWindow() ? importWithDialog('folder') : folderInput.current?.click())} disabled={imports.state.running}>
            Import folder…
          </button>
          <button type="button" className="secondary" onClick={() => setPasting(true)} disabled={imports.state.running}>
            Paste text…
          </button>
          <button type="button" className="secondary" onClick={() => setImportingAnnotations(true)} disabled={imports.state.running}>
            Import annotations…
          </button>
          <input
            ref={filesInput}
            type="file"
            multiple
            accept={ACCEPT}
            hidden
            aria-label="Choose files to import"
            onChange={(e) => {
              const list = Array.from(e.target.files ?? []).map((file) => ({ file, name: file.name }));
              e.target.value = '';
              void imports.start(list);
            }}
          />
          <input
            ref={folderInput}
            type="file"
            multiple
            hidden
            aria-label="Choose a folder to import"
            onChange={(e) => {
              // Read the FileList before clearing the input: clearing empties it.
              const list = Array.from(e.target.files ?? []);
              e.target.value = '';
              const { files, refused } = filesFromFolderInput(list);
              void imports.start(files, refused);
            }}
          />
        </div>
      </div>
      <p className="hint">
        Drop files or folders here to import them: {SUPPORTED_EXTENSIONS.join(' ')} — or a Gainsay project .json export, or a REFI-QDA
        .qdpx project, to merge into this project. Annotations from brat, W3C Web Annotation or REFI-QDA with another mapping: Import
        annotations….
      </p>

      <ImportPanel state={imports.state} onCancel={imports.cancel} onDismiss={imports.dismiss} />

      <div className="library-filters" role="search">
        <label className="grow">
          Search titles and text
          <input type="search" aria-label="Search titles and text" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. Erdogan, “foreign troops”" />
        </label>
        <label>
          Outlet
          <select aria-label="Outlet" value={outlet} onChange={(e) => setOutlet(e.target.value)}>
            <option value="">All outlets</option>
            {outlets.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select aria-label="Sort by" value={sort} onChange={(e) => setSort(e.target.value as ArticleSort)} disabled={found !== null}>
            {ARTICLE_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="secondary"
          onClick={() => setDescending((d) => !d)}
          disabled={found !== null}
          aria-label={descending ? 'Sorted descending; sort ascending' : 'Sorted ascending; sort descending'}
        >
          {descending ? '↓' : '↑'}
        </button>
      </div>

      <FieldError message={error} />

      {found !== null ? (
        <SearchResults
          found={found}
          outlet={outlet}
          query={query}
          onMore={() =>
            api.call('articles.search', { query, offset: found.hits.length }).then(
              (more) => setFound({ total: more.total, hits: [...found.hits, ...more.hits] }),
              (e: Error) => setError(e.message),
            )
          }
        />
      ) : articles.length === 0 ? (
        <p className="empty">
          {outlet ? 'No articles from this outlet.' : imports.state.running ? 'Importing: articles appear here as they come in.' : 'No articles yet. Import files, a folder, or paste an article to begin.'}
        </p>
      ) : (
        <table ref={table} className="table library-table" aria-label="Articles">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Outlet</th>
              <th scope="col">Published</th>
              <th scope="col" className="num">Claims</th>
              <th scope="col" className="num">Contradictions</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {articles.map((article) => (
              <tr key={article.id}>
                <td className="name-cell">
                  <a href={hrefFor({ view: 'article', id: article.id })} className="article-link">
                    {article.title}
                  </a>
                  <div className="source-note">
                    {article.sourceKind === 'paste' ? 'pasted' : article.sourceName}
                    {article.author ? ` · ${article.author}` : ''}
                  </div>
                </td>
                <td className="name-cell">{article.outlet || <span className="muted">—</span>}</td>
                <td className="nowrap">{formatDate(article.publishedAt) || <span className="muted">—</span>}</td>
                <td className="num">{article.claimCount}</td>
                <td className="num">{article.contradictionCount}</td>
                <td className="row-actions">
                  <button type="button" className="ghost" aria-label={`Delete “${article.title}”`} onClick={() => setDeleting(article)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {pasting && (
        <PasteDialog
          onClose={() => setPasting(false)}
          onDone={(outcome) => {
            setPasting(false);
            imports.addOutcome(outcome);
          }}
        />
      )}
      {importingAnnotations && <AnnotationImportDialog onClose={() => setImportingAnnotations(false)} />}
      {deleting && (
        <DeleteArticleDialog
          article={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            const at = articles.findIndex((a) => a.id === deleting.id);
            focusAfterDelete.current = { deleted: deleting.id, next: (articles[at + 1] ?? articles[at - 1])?.id ?? null };
            setDeleting(null);
          }}
        />
      )}
    </section>
  );
}

function SearchResults({ found, outlet, query, onMore }: { found: SearchResult; outlet: string; query: string; onMore: () => void }) {
  const hits = found.hits.filter((hit) => !outlet || hit.article.outlet === outlet);
  if (found.total === 0) return <p className="empty">Nothing matches “{query}”.</p>;
  return (
    <>
      <p className="hint" aria-live="polite">
        {found.total > found.hits.length
          ? `The ${found.hits.length} best of ${found.total.toLocaleString()} matching articles`
          : `${found.total.toLocaleString()} matching ${found.total === 1 ? 'article' : 'articles'}`}
        {outlet ? `, showing those from ${outlet}` : ''}
      </p>
      <ol className="search-results" aria-label="Search results">
        {hits.map((hit) => (
          <li key={hit.article.id}>
            <a href={hrefFor({ view: 'article', id: hit.article.id })} className="article-link">
              <Highlighted parts={hit.titleParts} />
            </a>
            <div className="source-note">
              {[hit.article.outlet, formatDate(hit.article.publishedAt)].filter(Boolean).join(' · ')}
            </div>
            <p className="snippet">
              <Highlighted parts={hit.snippet} />
            </p>
          </li>
        ))}
      </ol>
      {found.hits.length < found.total && (
        <button type="button" className="secondary more" onClick={onMore}>
          Show more results
        </button>
      )}
    </>
  );
}
