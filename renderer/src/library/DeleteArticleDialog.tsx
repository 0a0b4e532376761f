import { useEffect, useState } from 'react';
import type { ArticleSummary } from '../../../shared/domain';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import { plural } from '../format';
import { FieldError } from '../components/FieldError';

/** Deleting an article cannot be undone, so the dialog says exactly what goes with it. */
export function DeleteArticleDialog({
  article,
  onClose,
  onDeleted,
}: {
  article: Pick<ArticleSummary, 'id' | 'title'>;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [impact, setImpact] = useState<{ highlights: number; claims: number; links: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.call('articles.deletionImpact', { id: article.id }).then(setImpact, (e: Error) => setError(e.message));
  }, [article.id]);

  async function remove() {
    try {
      await api.call('articles.delete', { id: article.id });
      onDeleted();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <Dialog title="Delete article?" role="alertdialog" onClose={onClose}>
      <p>
        “{article.title}” will be removed from the project
        {impact
          ? `, together with ${plural(impact.highlights, 'highlight')}, ${plural(impact.claims, 'claim')} and ${plural(impact.links, 'link')} to other claims`
          : ''}
        . This cannot be undone.
      </p>
      <FieldError message={error} />
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose} autoFocus>
          Keep article
        </button>
        <button type="button" className="danger" onClick={remove} disabled={!impact}>
          Delete article
        </button>
      </div>
    </Dialog>
  );
}
