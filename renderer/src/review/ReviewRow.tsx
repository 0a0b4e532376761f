import { memo } from 'react';
import { ANCHOR_CONTEXT, LINK_KIND_LABELS, LINK_STATUS_LABELS, type ClaimSide, type ListedLink } from '../../../shared/domain';
import { formatDate } from '../format';
import { ActorLine } from '../links/ClaimSummary';

/** The quote in its context: the whole words before and after it, dimmed. */
function InContext({ side }: { side: ClaimSide }) {
  // Context cut at its full length may end inside a word: drop that part-word.
  const cut = (text: string) => Array.from(text).length >= ANCHOR_CONTEXT;
  const before = side.prefix.replace(/\s+/g, ' ').replace(cut(side.prefix) ? /^\S+ (?=\S)/ : /^$/, '');
  const after = side.suffix.replace(/\s+/g, ' ').replace(cut(side.suffix) ? /(?<=\S) \S+$/ : /^$/, '');
  return (
    <blockquote className="in-context">
      {before && <span className="context">…{before}</span>}
      <mark className="quote">{side.quote}</mark>
      {after && <span className="context">{after}…</span>}
    </blockquote>
  );
}

/** One claim of a pair: actor, source, the quote in its context, tags. */
export function Side({ side, label }: { side: ClaimSide; label: string }) {
  return (
    <div className="review-side" aria-label={label}>
      <ActorLine side={side} />
      <div className="source-note">
        <span className="outlet">{side.outlet || 'Unknown outlet'}</span> · {formatDate(side.date) || 'Undated'} · <span className="article-title">{side.articleTitle}</span>
      </div>
      <InContext side={side} />
      {side.tags.length > 0 && (
        <div className="claim-tags">
          {side.tags.map((t) => (
            <span key={t} className="tag">
              {t}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * One link of the review list: both claims side by side, with status and rationale. Memoised:
 * the list redraws on every frame of a scroll, and a row already shown keeps its link.
 */
export const ReviewRow = memo(function ReviewRow({ link }: { link: ListedLink }) {
  return (
    <>
      <div className="review-row-head">
        <span className={`status-badge status-${link.status}`}>{LINK_STATUS_LABELS[link.status]}</span>
        <span className="review-pair" title={`${link.a.actor.name} ${link.kind === 'contradicts' ? 'vs' : 'and'} ${link.b.actor.name}`}>
          {link.a.actor.name} <span className={`kind-badge kind-${link.kind}`}>{link.kind === 'contradicts' ? 'vs' : 'and'}</span> {link.b.actor.name}
        </span>
        <span className="muted review-changed">
          {LINK_KIND_LABELS[link.kind]} · changed {formatDate(link.updatedAt)}
          {link.createdBy ? ` · by ${link.createdBy}` : ''}
        </span>
      </div>
      <div className="review-sides">
        <Side side={link.a} label="Earlier claim" />
        <Side side={link.b} label="Later claim" />
      </div>
      <p className={link.rationaleText ? 'review-rationale' : 'review-rationale empty-rationale'}>
        <span className="field-label">Rationale</span> {link.rationaleText || 'None yet — press E to write one.'}
      </p>
    </>
  );
});
