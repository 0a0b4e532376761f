import { ACTOR_KINDS, ACTOR_KIND_LABELS, type ActorKind } from '../../../shared/domain';

/** A labelled choice of actor kind (person, government, organisation, outlet, other). */
export function ActorKindSelect({ label, value, onChange }: { label: string; value: ActorKind; onChange: (kind: ActorKind) => void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as ActorKind)}>
        {ACTOR_KINDS.map((k) => (
          <option key={k} value={k}>
            {ACTOR_KIND_LABELS[k]}
          </option>
        ))}
      </select>
    </label>
  );
}
