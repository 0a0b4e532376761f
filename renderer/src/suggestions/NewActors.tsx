/** The actors an Accept all would create, named (the first 50), so that none is made unseen. */
export function NewActors({ total, names }: { total: number; names: string[] }) {
  if (total === 0) return <p>Every speaker and channel is an actor already.</p>;
  const more = total - names.length;
  return (
    <>
      <p>{total === 1 ? 'It creates one new actor:' : `It creates ${total.toLocaleString('en')} new actors:`}</p>
      <ul className="new-actors" aria-label="New actors">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
        {more > 0 && <li className="muted">and {more.toLocaleString('en')} more</li>}
      </ul>
    </>
  );
}
