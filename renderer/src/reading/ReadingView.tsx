import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Suggestion } from '../../../shared/assist/attribution/types';
import type { Article, HighlightItem, OpenedArticle } from '../../../shared/domain';
import { headlineBlock } from '../../../shared/text/blocks';
import { spanWithin } from '../../../shared/text/span';
import { trimSpan } from '../../../shared/text/trim-span';
import { api, onProjectChanged } from '../api/client';
import { formatDate, plural } from '../format';
import { DeleteArticleDialog } from '../library/DeleteArticleDialog';
import { rememberReading } from '../library/return-focus';
import { isTyping } from '../keyboard';
import { hrefFor, navigate } from '../router';
import { ARTICLE_KEYS_HINT, ArticleText } from './ArticleText';
import { KeyboardCaret } from './KeyboardCaret';
import { moveCaret, onMac, placeCaret } from './keyboard-caret';
import { ClaimsPanel } from './ClaimsPanel';
import { MetadataForm, useFoundInText } from './MetadataForm';
import { SuggestionsPanel } from './SuggestionsPanel';
import { HighlightPainter, highlightsAt, revealSpan } from './paint';
import { useActorColours } from '../actor-colours';
import type { TextIndex } from './text-index';
import { useArticleSelection } from './useArticleSelection';
import { readSentenceAhead } from './read-sentence';
import { isPending, useArticleHighlights } from './useArticleHighlights';
import { takeOpening } from './open-article';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { afterNextFrame } from '../after-frame';
import { FieldError } from '../components/FieldError';

/** The code point offset under the mouse, if it is over the article text. */
function offsetAtPoint(index: TextIndex, x: number, y: number): number | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return index.offsetAt(position.offsetNode, position.offset);
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? index.offsetAt(range.startContainer, range.startOffset) : null;
}

interface Tooltip {
  x: number;
  y: number;
  lines: string[];
}

/**
 * The article as it opened, read again when its details change (its text never does). Only the
 * latest read is shown: answers can arrive out of order.
 */
function useArticle(id: string, opening: Promise<OpenedArticle>, onError: (message: string) => void): Article | null {
  const [article, setArticle] = useState<Article | null>(null);
  useEffect(() => {
    let reads = 0;
    const show = (read: number) => (next: Article) => read === reads && setArticle(next);
    const fail = (e: Error) => onError(e.message);
    opening.then(({ article }) => show(0)(article), fail);
    return onProjectChanged((method) => {
      if (method.startsWith('articles.')) api.call('articles.get', { id }).then(show(++reads), fail);
    });
  }, [id, opening]);
  return article;
}

export function ReadingView({ id, highlightId }: { id: string; highlightId?: string }) {
  const [error, setError] = useState<string | null>(null);
  // The text, highlights and links in one answer, asked for as the address changed: drawn
  // together in one commit.
  const [opening] = useState(() => takeOpening(id));
  useEffect(() => rememberReading(id), [id]);
  const { highlights, links, add } = useArticleHighlights(id, opening, setError);
  const article = useArticle(id, opening, setError);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [index, setIndex] = useState<TextIndex | null>(null);
  const [activeId, setActiveId] = useState<string | null>(highlightId ?? null);
  const [focusActor, setFocusActor] = useState(false);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  const [selected, forgetSelection, readSelection] = useArticleSelection(index, article?.text ?? '');
  /** The element holding the text, and the text's own element (once indexed): for the keyboard's caret. */
  const [body, setBody] = useState<HTMLDivElement | null>(null);
  const articleRoot = useMemo(() => (index && body?.querySelector<HTMLElement>('.article-text')) || null, [index, body]);
  // What a highlight is made from: the selection without spaces or line breaks at its ends.
  const selection = useMemo(() => selected && trimSpan(selected), [selected]);
  const foundInText = useFoundInText(article);
  const colours = useActorColours();
  const heading = useRef<HTMLHeadingElement>(null);
  const hoverFrame = useRef(0);
  const revealed = useRef<string | null>(null);

  // Once a change is saved, the editor that opened for it should not grab the focus again.
  useEffect(() => onProjectChanged(() => setFocusActor(false)), []);
  // Focus moves to the title once the article has been painted, after the frame that shows it
  // (focusing forces a layout of the whole article, and the editor reads the selection it moves,
  // which would otherwise delay its first paint).
  useEffect(() => {
    if (!article || highlightId) return;
    return afterNextFrame(() => heading.current?.focus({ preventScroll: true }));
  }, [article?.id]);

  /**
   * The highlights that can be drawn on the text: one whose offsets (read from the project file)
   * fall outside it is only listed in the claims panel, as needing attention.
   */
  const drawable = useMemo(() => highlights.filter((h) => article && spanWithin(h.start, h.end, article.length)), [highlights, article?.length]);

  const painter = useRef<HighlightPainter | null>(null);
  /** The suggestions to outline, kept for a painter made after they arrive. */
  const outlined = useRef<readonly Suggestion[]>([]);
  const outline = useCallback((spans: readonly Suggestion[]) => {
    outlined.current = spans;
    painter.current?.outline(spans);
  }, []);
  useEffect(() => {
    if (!index) return;
    painter.current = new HighlightPainter(index);
    if (outlined.current.length) painter.current.outline(outlined.current);
    return () => {
      painter.current?.dispose();
      painter.current = null;
    };
  }, [index]);
  useEffect(() => {
    painter.current?.update(drawable, activeId, colours);
  }, [index, drawable, activeId, colours]);

  // Opened to show a particular highlight (from an actor page or a link): scroll to it once.
  useEffect(() => {
    const target = highlights.find((h) => h.id === highlightId);
    if (index && target && revealed.current !== target.id) {
      revealed.current = target.id;
      setActiveId(target.id);
      if (drawable.includes(target)) revealSpan(index, target.start, target.end);
    }
  }, [index, highlights, drawable, highlightId]);

  // Read when a claim is chosen, so that `activate` stays one function as the text's index arrives
  // (just after the article is first drawn) and the claims panel is not drawn again for it.
  const placing = useRef({ index, drawable, articleRoot });
  useLayoutEffect(() => {
    placing.current = { index, drawable, articleRoot };
  }, [index, drawable, articleRoot]);
  /** Whether the claim in the editor was opened from the text (a selection, a click on it) rather than from the list. */
  const openedFromText = useRef(false);
  const activate = useCallback((next: string) => {
    if (isPending(next)) return; // not in the project yet: nothing to open in the editor
    setActiveId(next);
    setFocusActor(false);
    openedFromText.current = false;
    const { index, drawable } = placing.current;
    const target = drawable.find((h) => h.id === next);
    if (index && target) revealSpan(index, target.start, target.end);
  }, []);

  const editSuggested = useCallback((highlightId: string) => {
    setActiveId(highlightId);
    setFocusActor(true);
    openedFromText.current = true;
  }, []);

  /**
   * After a claim is saved from its editor, the keyboard goes on where the claim came from: in the
   * text, with the caret at the claim's end (select, C, Enter, and the next selection starts
   * there). False when it was opened from the list, which then takes the focus back itself.
   */
  const returnToText = useCallback((highlight: HighlightItem): boolean => {
    const { index, articleRoot } = placing.current;
    const range = openedFromText.current && index?.rangeFor(highlight.start, highlight.end);
    if (!range || !articleRoot) return false;
    // The caret first: focused with no caret of its own in the text, the text would place one where the window is.
    document.getSelection()?.collapse(range.endContainer, range.endOffset);
    articleRoot.focus({ preventScroll: true });
    return true;
  }, []);

  /**
   * The new highlight is painted and listed at once; it is opened in the editor when the backend
   * has saved it. If the backend refuses it, it goes again, the reason is shown, and the text
   * is selected again as it was.
   */
  const createFromSelection = useCallback(
    async (asClaim: boolean) => {
      setMenu(null);
      if (!selection) return;
      // From the keyboard, the caret goes on from the span's end; else the selection just goes.
      const end = articleRoot && document.activeElement === articleRoot ? index?.rangeFor(selection.start, selection.end) : null;
      if (end) document.getSelection()?.collapse(end.endContainer, end.endOffset);
      else document.getSelection()?.removeAllRanges();
      // With the new highlight, in one commit: the selectionchange that follows then changes
      // nothing, and the frame after the one that shows the highlight has nothing to redraw.
      forgetSelection();
      const adding = add(selection);
      // Asked for after the highlight, which the backend (answering in order) then saves first.
      if (asClaim) readSentenceAhead(id, selection.start, selection.end);
      try {
        const created = await adding;
        setActiveId(created.id);
        setFocusActor(asClaim);
        openedFromText.current = true;
        setNotice(null);
      } catch (e) {
        setNotice((e as Error).message);
        const range = index?.rangeFor(selection.start, selection.end);
        if (range) document.getSelection()?.addRange(range);
      }
    },
    [add, index, selection, forgetSelection, articleRoot],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Keys in an open dialog are the dialog's: Escape there closes the dialog, not the claim.
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      // Ctrl/Cmd+Enter saves the open claim from anywhere in the view (its fields handle their own).
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        const editor = document.querySelector<HTMLFormElement>('form.claim-editor');
        if (!editor) return;
        event.preventDefault();
        editor.requestSubmit();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'h' && selection) void createFromSelection(false);
      else if (key === 'c' && selection) void createFromSelection(true);
      else if (key === 'escape') {
        setMenu(null);
        setActiveId(null);
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, createFromSelection]);

  function onMouseMove(event: MouseEvent) {
    const { clientX, clientY } = event;
    cancelAnimationFrame(hoverFrame.current);
    hoverFrame.current = requestAnimationFrame(() => {
      const offset = index && offsetAtPoint(index, clientX, clientY);
      const covering = offset === null || offset === undefined ? [] : highlightsAt(drawable, offset);
      setTooltip(
        covering.length
          ? {
              x: clientX,
              y: clientY,
              lines: covering.map((h) => (h.claim ? `${h.claim.actor.name}${h.claim.via ? `, via ${h.claim.via.name}` : ''}` : 'Highlight, not yet a claim')),
            }
          : null,
      );
    });
  }

  /** A click on highlighted text selects the innermost highlight there; clicking again goes outwards. */
  function onClick(event: MouseEvent) {
    if (!index || !document.getSelection()?.isCollapsed) return;
    const offset = offsetAtPoint(index, event.clientX, event.clientY);
    if (offset === null) return;
    const covering = highlightsAt(drawable, offset).filter((h) => !isPending(h.id));
    if (covering.length === 0) return;
    const current = covering.findIndex((h) => h.id === activeId);
    setActiveId(covering[(current + 1) % covering.length]!.id);
    setFocusActor(false);
    openedFromText.current = true;
  }

  if (error) {
    return (
      <div className="reading">
        <FieldError message={error} />
        <a href={hrefFor({ view: 'library' })}>Back to the library</a>
      </div>
    );
  }
  if (!article) return <p className="empty">Opening article…</p>;

  const headline = headlineBlock(article.text, article.title);
  const found = Object.values(foundInText);
  const facts = [article.outlet, article.author && `by ${article.author}`, formatDate(article.publishedAt), article.language.toUpperCase()].filter(Boolean);

  return (
    <div className="reading-layout">
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
          {/* When the text's own headline line is shown as the heading, the title is not repeated above it. */}
          <h2 id="article-title" ref={heading} tabIndex={-1} className={headline >= 0 ? 'visually-hidden' : undefined}>
            {article.title}
          </h2>
          {found.length > 0 && <p className="reading-found">Read from the text: {found.join(' · ')}</p>}
          {article.url && <p className="reading-url">{article.url}</p>}
          <p className="reading-source">
            From {article.sourceKind === 'paste' ? 'pasted text' : article.sourceName} · {plural(article.length, 'character')} · {plural(highlights.filter((h) => h.claim).length, 'claim')}
          </p>
        </header>
        {editing && (
          <MetadataForm
            article={article}
            onCancel={() => setEditing(false)}
            onSaved={() => setEditing(false)}
          />
        )}
        <div className="selection-bar" role="toolbar" aria-label="Selection">
          <button type="button" disabled={!selection} onClick={() => createFromSelection(false)} title="H">
            Highlight
          </button>
          <button type="button" disabled={!selection} onClick={() => createFromSelection(true)} title="C">
            Record claim…
          </button>
          <span className="selection-status" aria-live="polite" data-testid="selection-status">
            {selected ? `Selected ${plural(selected.end - selected.start, 'character')} (offsets ${selected.start}–${selected.end})` : 'Select text to highlight it (H) or record a claim (C).'}
          </span>
        </div>
        <FieldError message={notice} />
        <SuggestionsPanel article={article} onOutline={outline} onEdit={editSuggested} />
        {/* Read as the text's description only, not as a line of the page. */}
        <p id={ARTICLE_KEYS_HINT} hidden>
          Arrow keys move through the text, with {onMac() ? 'Option' : 'Ctrl'} a word or a paragraph at a time; with Shift they select. Then H highlights, C records a claim.
        </p>
        <div
          ref={setBody}
          className="article-body"
          onKeyDown={(event) => {
            if (event.target !== articleRoot || !moveCaret(articleRoot, event)) return;
            event.preventDefault();
            readSelection();
          }}
          // Tabbed to, the text shows its caret at once, where the analyst is reading.
          onFocus={(event) => {
            if (event.target === articleRoot && articleRoot.matches(':focus-visible')) placeCaret(articleRoot);
          }}
          onMouseMove={onMouseMove}
          onMouseLeave={() => setTooltip(null)}
          onClick={onClick}
          onContextMenu={(event) => {
            if (!selection) return;
            event.preventDefault();
            setMenu({ x: event.clientX, y: event.clientY });
          }}
        >
          <ArticleText text={article.text} headline={headline} onIndex={setIndex} />
          <KeyboardCaret root={articleRoot} body={body} />
        </div>
      </article>
      {/* The text stays readable if a claim cannot be drawn; choosing another one tries again. */}
      <ErrorBoundary resetKey={activeId} what="this claim" back={{ label: 'Close the claim', onClick: () => setActiveId(null) }}>
        <ClaimsPanel article={article} highlights={highlights} links={links} activeId={activeId} onActivate={activate} selection={selection} focusActor={focusActor} returnToText={returnToText} />
      </ErrorBoundary>
      {menu && (
        <div className="context-menu" role="menu" aria-label="Selection actions" style={{ left: menu.x, top: menu.y }} onMouseLeave={() => setMenu(null)}>
          <button type="button" role="menuitem" autoFocus onClick={() => createFromSelection(false)}>
            Highlight
          </button>
          <button type="button" role="menuitem" onClick={() => createFromSelection(true)}>
            Record claim…
          </button>
        </div>
      )}
      {tooltip && (
        <div className="hover-tip" role="tooltip" style={{ left: tooltip.x + 12, top: tooltip.y + 16 }}>
          {tooltip.lines.map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </div>
      )}
      {deleting && (
        <DeleteArticleDialog
          article={article}
          onClose={() => setDeleting(false)}
          onDeleted={() => navigate({ view: 'library' })}
        />
      )}
    </div>
  );
}
