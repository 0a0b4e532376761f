import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ACTOR_KIND_LABELS, type Actor, type ActorKind } from '../../../shared/domain';
import { ActorKindSelect } from '../components/ActorKindSelect';
import { api, onProjectChanged } from '../api/client';
import { DEFAULT_CLAIMS, hrefFor } from '../router';
import { FieldError } from '../components/FieldError';
import { plural } from '../format';
import { fold } from '../../../shared/fold';

export function ActorsView() {
  const [actors, setActors] = useState<Actor[]>([]);
  const [claimCounts, setClaimCounts] = useState<Record<string, number>>({});
  const [passedOn, setPassedOn] = useState<Record<string, number>>({});
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ActorKind>('person');
  const [role, setRole] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [find, setFind] = useState('');
  /** The actors whose name or an alias contains the words typed, ignoring case and diacritics. */
  const shown = useMemo(() => {
    const words = fold(find).split(' ').filter(Boolean);
    if (!words.length) return actors;
    return actors.filter((actor) => {
      const names = [actor.name, ...actor.aliases].map(fold).join('\n');
      return words.every((word) => names.includes(word));
    });
  }, [actors, find]);

  const findField = useRef<HTMLInputElement>(null);
  async function remove(actor: Actor) {
    try {
      await api.call('actors.delete', { id: actor.id });
      setError(null);
      // Its row, and the Delete button that had the focus, are gone: the find field takes it.
      findField.current?.focus();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const load = useCallback(() => {
    api.call('actors.list', {}).then(setActors, (e: Error) => setError(e.message));
    api.call('actors.claimCounts', {}).then(setClaimCounts, (e: Error) => setError(e.message));
    api.call('actors.passedOnCounts', {}).then(setPassedOn, (e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    load();
    return onProjectChanged(load);
  }, [load]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api.call('actors.create', { name, kind, role });
      // Cleared only if unchanged: what was typed while the actor was being added is kept.
      setName((current) => (current === name ? '' : current));
      setRole((current) => (current === role ? '' : current));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="actors-heading">
      <h2 id="actors-heading">Actors</h2>
      <p className="hint">People, governments, organisations and outlets whose claims you track.</p>
      <form className="inline-form" onSubmit={submit} aria-label="New actor">
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={300} />
        </label>
        <ActorKindSelect label="Kind" value={kind} onChange={setKind} />
        <label>
          Role or affiliation
          <input value={role} onChange={(e) => setRole(e.target.value)} maxLength={300} placeholder="e.g. presidential spokesman" />
        </label>
        <button type="submit" disabled={busy || name.trim() === ''}>
          Add actor
        </button>
      </form>
      <FieldError message={error} />
      {actors.length > 0 && (
        <label className="actor-find">
          Find an actor
          <input ref={findField} type="search" value={find} onChange={(e) => setFind(e.target.value)} placeholder="name or alias, e.g. Lavrenko" />
        </label>
      )}
      {actors.length === 0 ? (
        <p className="empty">No actors yet. Add the first person or outlet above.</p>
      ) : shown.length === 0 ? (
        <p className="empty">No actor’s name or alias contains “{find.trim()}”.</p>
      ) : (
        <table className="table" aria-label="Actors">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Role</th>
              <th scope="col" className="number">Claims</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((actor) => (
              <tr key={actor.id}>
                <td className="name-cell">
                  <a href={hrefFor({ view: 'actor', id: actor.id })} className="article-link">
                    {actor.name}
                  </a>
                  {actor.aliases.length > 0 && <div className="source-note">also {actor.aliases.join(', ')}</div>}
                </td>
                <td>{ACTOR_KIND_LABELS[actor.kind]}</td>
                <td className="name-cell">{actor.role}</td>
                <td className="number">
                  {claimCounts[actor.id] ? (
                    <a href={hrefFor({ view: 'claims', query: { ...DEFAULT_CLAIMS, filters: { actorId: actor.id } } })} aria-label={`${plural(claimCounts[actor.id]!, 'claim')}, in the Claims view`}>
                      {claimCounts[actor.id]}
                    </a>
                  ) : (
                    <span className="muted">0</span>
                  )}
                  {passedOn[actor.id] ? <div className="source-note">passed on {passedOn[actor.id]}</div> : null}
                </td>
                <td className="row-actions">
                  {!claimCounts[actor.id] && !passedOn[actor.id] && (
                    <button type="button" className="ghost" onClick={() => void remove(actor)} aria-label={`Delete ${actor.name}`}>
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
