import { useCallback, useEffect, useRef, useState } from 'react';
import type { Article } from '../../../shared/domain';
import { api } from '../api/client';
import { formatDate, plural } from '../format';
import { DeleteArticleDialog } from '../library/DeleteArticleDialog';
import { useProject } from '../project-context';
import { hrefFor, navigate } from '../router';
import { ArticleText } from './ArticleText';
import { MetadataForm } from './MetadataForm';
import type { TextIndex } from './text-index';

/** Where the current selection lies in the stored text, in code points. */
function useSelectionOffsets(index: TextIndex | null) {
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  useEffect(() => {
    if (!index) return;
    const update = () => {
      const current = document.getSelection();
      if (!current || current.rangeCount === 0 || current.isCollapsed) return setSelection(null);
      const range = current.getRangeAt(0);
      const start = index.offsetAt(range.startContainer, range.startOffset);
      const end = index.offsetAt(range.endContainer, range.endOffset);
      setSelection(start !== null && end !== null && end > start ? { start, end } : null);
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [index]);
  return selection;
}

export function ReadingView({ id }: { id: string }) {
  const { refresh } = useProject();
  const [article, setArticle] = useState<Article | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [index, setIndex] = useState<TextIndex | null>(null);
  const selection = useSelectionOffsets(index);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(() => {
    api.call('articles.get', { id }).then(setArticle, (e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);
  useEffect(() => {
    if (article) heading.current?.focus();
  }, [article?.id]);

  if (error) {
    return (
      <div className="reading">
        <p role="alert" className="field-error">
          {error}
        </p>
        <a href={hrefFor({ view: 'library' })}>Back to the library</a>
      </div>
    );
  }
  if (!article) return <p className="empty">Opening article…</p>;

  const facts = [article.outlet, article.author && `by ${article.author}`, formatDate(article.publishedAt), article.language.toUpperCase()].filter(Boolean);

  return (
    <article className="reading" aria-labelledby="article-title">
      <div className="reading-toolbar">
        <a href={hrefFor({ view: 'library' })} className="back-link">
          ← Library
        </a>
        <div className="spacer" />
        <button type="button" className="secondary" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
          Edit details
        </button>
        <button type="button" className="ghost" onClick={() => setDeleting(true)}>
          Delete article
        </button>
      </div>
      <header className="reading-header">
        <p className="reading-outlet">{facts.join(' · ')}</p>
        <h2 id="article-title" ref={heading} tabIndex={-1}>
          {article.title}
        </h2>
        {article.url && <p className="reading-url">{article.url}</p>}
        <p className="reading-source">
          From {article.sourceKind === 'paste' ? 'pasted text' : article.sourceName} · {plural(article.length, 'character')} · {plural(article.claimCount, 'claim')}
        </p>
      </header>
      {editing && (
        <MetadataForm
          article={article}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            load();
            refresh();
          }}
        />
      )}
      <ArticleText text={article.text} onIndex={setIndex} />
      <footer className="reading-status" aria-live="polite" data-testid="selection-status">
        {selection ? `Selected ${plural(selection.end - selection.start, 'character')} (offsets ${selection.start}–${selection.end})` : 'Select text to see its position.'}
      </footer>
      {deleting && (
        <DeleteArticleDialog
          article={article}
          onClose={() => setDeleting(false)}
          onDeleted={() => {
            refresh();
            navigate({ view: 'library' });
          }}
        />
      )}
    </article>
  );
}
