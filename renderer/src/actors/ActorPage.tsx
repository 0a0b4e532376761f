import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ACTOR_KIND_LABELS, type Actor, type ActorClaim, type ActorKind } from '../../../shared/domain';
import { ActorKindSelect } from '../components/ActorKindSelect';
import { api, onProjectChanged } from '../api/client';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { formatDate, plural } from '../format';
import { DEFAULT_CLAIMS, hrefFor, navigate } from '../router';
import { ActorLinks } from './ActorLinks';
import { FieldError } from '../components/FieldError';
import { basket, useBasket } from '../links/linking-basket';

/** One actor: names, kind and role, aliases, merging, and every claim they made or passed on. */
export function ActorPage({ id }: { id: string }) {
  const [actor, setActor] = useState<Actor | null>(null);
  const [claims, setClaims] = useState<ActorClaim[]>([]);
  const [others, setOthers] = useState<Actor[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [alias, setAlias] = useState('');
  const [mergeInto, setMergeInto] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [details, setDetails] = useState<{ name: string; kind: ActorKind; role: string } | null>(null);
  const chosen = useBasket();

  const load = useCallback(() => {
    api.call('actors.get', { id }).then(
      (a) => {
        setActor(a);
        setDetails({ name: a.name, kind: a.kind, role: a.role });
      },
      (e: Error) => setError(e.message),
    );
    api.call('actors.claims', { id }).then(setClaims, () => {});
    api.call('actors.list', {}).then((all) => setOthers(all.filter((a) => a.id !== id)), () => {});
  }, [id]);
  useEffect(() => {
    load();
    return onProjectChanged(load);
  }, [load]);

  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      setError(null);
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  }

  if (!actor || !details) {
    return error ? <FieldError message={error} /> : <p className="empty">Opening actor…</p>;
  }
  const target = others.find((o) => o.id === mergeInto);

  return (
    <section className="panel actor-page" aria-labelledby="actor-heading">
      <a href={hrefFor({ view: 'actors' })} className="back-link">
        ← Actors
      </a>
      <h2 id="actor-heading">{actor.name}</h2>
      <p className="hint">
        {ACTOR_KIND_LABELS[actor.kind]}
        {actor.role ? ` · ${actor.role}` : ''}
      </p>
      <FieldError message={error} />
      <form
        className="inline-form"
        aria-label="Actor details"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void run(() => api.call('actors.update', { id, ...details }));
        }}
      >
        <label>
          Name
          <input value={details.name} onChange={(e) => setDetails({ ...details, name: e.target.value })} required />
        </label>
        <ActorKindSelect label="Kind" value={details.kind} onChange={(kind) => setDetails({ ...details, kind })} />
        <label>
          Role or affiliation
          <input value={details.role} onChange={(e) => setDetails({ ...details, role: e.target.value })} />
        </label>
        <button type="submit">Save details</button>
      </form>

      <h3>Other names</h3>
      <ul className="alias-list" aria-label="Aliases">
        {actor.aliases.map((a) => (
          <li key={a}>
            {a}
            <button type="button" className="ghost" aria-label={`Remove alias ${a}`} onClick={() => run(() => api.call('actors.removeAlias', { id, alias: a }))}>
              ✕
            </button>
          </li>
        ))}
        {actor.aliases.length === 0 && <li className="muted">No other spellings yet.</li>}
      </ul>
      <form
        className="inline-form"
        aria-label="Add alias"
        onSubmit={async (e: FormEvent) => {
          e.preventDefault();
          if (await run(() => api.call('actors.addAlias', { id, alias }))) setAlias('');
        }}
      >
        <label>
          New alias or spelling
          <input value={alias} onChange={(e) => setAlias(e.target.value)} placeholder="e.g. Ilcham Kadirow" />
        </label>
        <button type="submit" className="secondary" disabled={!alias.trim()}>
          Add alias
        </button>
      </form>

      <h3>Merge</h3>
      <div className="inline-form">
        <label>
          The same actor as
          <select value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
            <option value="">Choose an actor…</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" disabled={!target} onClick={() => setConfirming(true)}>
          Merge into…
        </button>
      </div>

      <ActorLinks actorId={id} actorName={actor.name} kind="contradicts" />
      <ActorLinks actorId={id} actorName={actor.name} kind="corroborates" />

      <h3>
        Claims <span className="muted">({claims.length})</span>{' '}
        <a className="heading-link" href={hrefFor({ view: 'claims', query: { ...DEFAULT_CLAIMS, filters: { actorId: id } } })}>
          Filter and sort them in Claims
        </a>
      </h3>
      {claims.length === 0 ? (
        <p className="empty">No claims by or through {actor.name} yet.</p>
      ) : (
        <ol className="actor-claims" aria-label={`Claims by ${actor.name}`}>
          {claims.map((c) => (
            <li key={c.claimId}>
              <div className="source-note">
                {formatDate(c.claimedOn ?? c.publishedAt) || 'Undated'} · {c.outlet || 'Unknown outlet'} ·{' '}
                <a href={hrefFor({ view: 'article', id: c.articleId, highlight: c.highlightId })}>{c.articleTitle}</a>
                {c.role === 'via' ? ' · passed on by this actor' : c.via ? ` · via ${c.via.name}` : ''}
              </div>
              <blockquote className="claim-quote-block">{c.quote}</blockquote>
              {c.role === 'claimant' && (
                <button
                  type="button"
                  className="ghost"
                  aria-pressed={chosen.some((x) => x.claimId === c.claimId)}
                  onClick={() => basket.toggle({ claimId: c.claimId, actor: actor.name, quote: c.quote, articleTitle: c.articleTitle })}
                >
                  {chosen.some((x) => x.claimId === c.claimId) ? 'Chosen for linking' : 'Choose for linking'}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}

      {confirming && target && (
        <ConfirmDialog
          title="Merge actors?"
          action="Merge"
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            setConfirming(false);
            if (await run(() => api.call('actors.merge', { sourceId: id, targetId: target.id }))) navigate({ view: 'actor', id: target.id });
          }}
        >
          <p>
            {actor.name} will be merged into {target.name}: {plural(claims.length, 'claim')} {claims.length === 1 ? 'moves' : 'move'} to {target.name}, and “{actor.name}” and its
            aliases become aliases of {target.name}. You can undo this.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
