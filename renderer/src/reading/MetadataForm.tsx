import { useMemo, useState, type FormEvent } from 'react';
import type { Article, ArticleMeta } from '../../../shared/domain';
import { api } from '../api/client';
import { FieldError } from '../components/FieldError';
import { plainTextFindings } from '../../../shared/text/plain-meta';

const FIELDS: Array<{ key: keyof ArticleMeta; label: string; hint?: string }> = [
  { key: 'title', label: 'Title' },
  { key: 'outlet', label: 'Outlet / source' },
  { key: 'author', label: 'Author' },
  { key: 'publishedAt', label: 'Published', hint: 'YYYY-MM-DD' },
  { key: 'url', label: 'Address (URL)' },
  { key: 'language', label: 'Language', hint: 'e.g. en, fr, ru' },
];

/**
 * Which of the article's details were read from its own text, and where ("outlet from dateline"),
 * so the analyst can trust or correct them. A detail counts as found only while it still equals
 * what the text says.
 */
export function useFoundInText(article: Article | null): Partial<Record<keyof ArticleMeta, string>> {
  return useMemo(() => {
    if (!article) return {};
    const { meta, found } = plainTextFindings(article.text, article.title);
    const shown: Partial<Record<keyof ArticleMeta, string>> = {};
    for (const key of ['outlet', 'author', 'publishedAt'] as const) {
      const label = key === 'publishedAt' ? 'date' : key;
      if (found[key] && meta[key] === article[key]) shown[key] = `${label} from ${found[key]}`;
    }
    return shown;
  }, [article?.text, article?.title, article?.outlet, article?.author, article?.publishedAt]);
}

/** Edits an article's metadata. The text itself is never editable: annotations are anchored to it. */
export function MetadataForm({ article, onSaved, onCancel }: { article: Article; onSaved: () => void; onCancel: () => void }) {
  const [values, setValues] = useState<Record<keyof ArticleMeta, string>>({
    title: article.title,
    outlet: article.outlet,
    author: article.author,
    publishedAt: article.publishedAt ?? '',
    url: article.url,
    language: article.language,
  });
  const [error, setError] = useState<string | null>(null);
  const found = useFoundInText(article);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await api.call('articles.update', {
        id: article.id,
        meta: { ...values, publishedAt: values.publishedAt.trim() === '' ? null : values.publishedAt.trim() },
      });
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <form className="meta-form" onSubmit={submit} aria-label="Article details">
      {FIELDS.map(({ key, label, hint }) => (
        <label key={key}>
          {label}
          <input
            value={values[key]}
            placeholder={hint}
            onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
            required={key === 'title'}
          />
          {found[key] && values[key] === (article[key] ?? '') && <span className="field-found">{found[key]}</span>}
        </label>
      ))}
      <FieldError message={error} />
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit">Save details</button>
      </div>
    </form>
  );
}
