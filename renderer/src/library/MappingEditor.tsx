import type { ReactNode } from 'react';
import type { AnnotationMapping, AnnotationPreview, BratMapping, Counted, RefiMapping, W3cMapping } from '../../../shared/import-mappings';

/** A table of names found with their counts, and a cell of controls for each. */
function CountTable({ label, rows, control }: { label: string; rows: Counted[]; control?: (row: Counted) => ReactNode }) {
  if (rows.length === 0) return null;
  return (
    <table className="table mapping-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col" className="num">
            Found
          </th>
          {control && <th scope="col">Becomes</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <td className="name-cell">{row.name}</td>
            <td className="num">{row.count.toLocaleString()}</td>
            {control && <td>{control(row)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function UnknownActor({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <label>
      Actor of claims the mapping finds none for
      <input type="text" value={value} maxLength={300} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** A labelled select of names, each shown as it is. */
function NameSelect({ label, value, names, onChange }: { label: string; value: string; names: string[]; onChange: (name: string) => void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

const RELATION_ROLES = {
  none: 'not imported',
  actor: 'names the claim’s actor',
  channel: 'names the channel',
  contradicts: 'a contradiction link',
  corroborates: 'a corroboration link',
} as const;
type RelationRole = keyof typeof RELATION_ROLES;
const RELATION_LISTS = { actor: 'actorRelations', channel: 'channelRelations', contradicts: 'contradicts', corroborates: 'corroborates' } as const;

function relationRole(mapping: BratMapping, type: string): RelationRole {
  const found = (Object.keys(RELATION_LISTS) as Array<keyof typeof RELATION_LISTS>).find((role) => mapping[RELATION_LISTS[role]].includes(type));
  return found ?? 'none';
}

/** A select of an event's roles, with a first choice for none. */
function RoleSelect({ label, roles, value, none, onChange }: { label: string; roles: Counted[]; value: string | undefined; none: string; onChange: (role: string | undefined) => void }) {
  return (
    <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{none}</option>
      {roles.map((role) => (
        <option key={role.name} value={role.name}>
          {role.name}
        </option>
      ))}
    </select>
  );
}

function BratEditor({ preview, mapping, onChange }: { preview: AnnotationPreview; mapping: BratMapping; onChange: (mapping: BratMapping) => void }) {
  const without = (list: string[], type: string) => list.filter((t) => t !== type);
  const setRelation = (type: string, role: RelationRole) => {
    const next = { ...mapping };
    for (const key of Object.values(RELATION_LISTS)) next[key] = without(next[key], type);
    if (role !== 'none') next[RELATION_LISTS[role]] = [...next[RELATION_LISTS[role]], type];
    onChange(next);
  };
  const setEvent = (type: string, change: Partial<{ claim: string; actor: string; channel: string }>) => {
    const rule = { type, claim: '', ...mapping.events.find((r) => r.type === type), ...change };
    const events = mapping.events.filter((r) => r.type !== type);
    // Without a claim role, the event type gives no claims: no rule.
    onChange({ ...mapping, events: rule.claim ? [...events, { type, claim: rule.claim, ...(rule.actor ? { actor: rule.actor } : {}), ...(rule.channel ? { channel: rule.channel } : {}) }] : events });
  };
  return (
    <>
      <CountTable
        label="Entity types"
        rows={preview.entities}
        control={(row) => (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={mapping.claimEntities.includes(row.name)}
              onChange={(e) => onChange({ ...mapping, claimEntities: e.target.checked ? [...mapping.claimEntities, row.name] : without(mapping.claimEntities, row.name) })}
            />{' '}
            each span is a claim
          </label>
        )}
      />
      {preview.events.length > 0 && (
        <table className="table mapping-table" aria-label="Event types">
          <thead>
            <tr>
              <th scope="col">Event types</th>
              <th scope="col" className="num">
                Found
              </th>
              <th scope="col">Claim</th>
              <th scope="col">Actor</th>
              <th scope="col">Channel</th>
            </tr>
          </thead>
          <tbody>
            {preview.events.map((event) => {
              const rule = mapping.events.find((r) => r.type === event.name);
              return (
                <tr key={event.name}>
                  <td>
                    {event.name}
                    <div className="hint">{event.roles.map((r) => `${r.name} ${r.count.toLocaleString()}`).join(', ')}</div>
                  </td>
                  <td className="num">{event.count.toLocaleString()}</td>
                  <td>
                    <RoleSelect label={`${event.name}: the role that is the claim`} roles={event.roles} value={rule?.claim} none="no claims" onChange={(claim) => setEvent(event.name, { claim: claim ?? '' })} />
                  </td>
                  <td>
                    <RoleSelect label={`${event.name}: the role that names the actor`} roles={event.roles} value={rule?.actor} none="none" onChange={(actor) => setEvent(event.name, { actor })} />
                  </td>
                  <td>
                    <RoleSelect label={`${event.name}: the role that names the channel`} roles={event.roles} value={rule?.channel} none="none" onChange={(channel) => setEvent(event.name, { channel })} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <CountTable
        label="Relation types"
        rows={preview.relations}
        control={(row) => (
          <select aria-label={`Relation ${row.name}`} value={relationRole(mapping, row.name)} onChange={(e) => setRelation(row.name, e.target.value as RelationRole)}>
            {(Object.keys(RELATION_ROLES) as RelationRole[]).map((role) => (
              <option key={role} value={role}>
                {RELATION_ROLES[role]}
              </option>
            ))}
          </select>
        )}
      />
      <CountTable label="Attributes (not imported)" rows={preview.attributes} />
      <label className="checkbox">
        <input type="checkbox" checked={mapping.gainsayNotes} onChange={(e) => onChange({ ...mapping, gainsayNotes: e.target.checked })} /> Read actor, channel, tags and
        note from the {preview.notes.toLocaleString()} notes, as Gainsay’s brat export writes them
      </label>
      <UnknownActor value={mapping.unknownActor} onChange={(unknownActor) => onChange({ ...mapping, unknownActor })} />
    </>
  );
}

const W3C_FIELDS = { actorPurpose: 'The actor’s name', channelPurpose: 'The channel', tagPurpose: 'Tags', notePurpose: 'The note' } as const;

function W3cEditor({ preview, mapping, onChange }: { preview: AnnotationPreview; mapping: W3cMapping; onChange: (mapping: W3cMapping) => void }) {
  const purposes = (current: string) => [...new Set([current, ...preview.bodies.map((b) => b.name).filter((name) => !name.endsWith('(of a link)'))])];
  return (
    <>
      <CountTable label="Selectors" rows={preview.selectors} />
      <CountTable label="Bodies by purpose" rows={preview.bodies} />
      <fieldset className="mapping-fields">
        <legend>Read from bodies with the purpose</legend>
        {(Object.keys(W3C_FIELDS) as Array<keyof typeof W3C_FIELDS>).map((field) => (
          <NameSelect key={field} label={W3C_FIELDS[field]} value={mapping[field]} names={purposes(mapping[field])} onChange={(purpose) => onChange({ ...mapping, [field]: purpose })} />
        ))}
      </fieldset>
      <UnknownActor value={mapping.unknownActor} onChange={(unknownActor) => onChange({ ...mapping, unknownActor })} />
    </>
  );
}

function RefiEditor({ preview, mapping, onChange }: { preview: AnnotationPreview; mapping: RefiMapping; onChange: (mapping: RefiMapping) => void }) {
  const branches = (current: string) => [...new Set([current, ...preview.codes.map((c) => c.name.split(' / ')[0]!)])];
  const branchSelect = (label: string, key: 'actorCodes' | 'tagCodes') => (
    <NameSelect label={label} value={mapping[key]} names={branches(mapping[key])} onChange={(branch) => onChange({ ...mapping, [key]: branch })} />
  );
  return (
    <>
      <CountTable label="Codes (selections coded)" rows={preview.codes} />
      <fieldset className="mapping-fields">
        <legend>Codes</legend>
        {branchSelect('The codes under this code are actors', 'actorCodes')}
        {branchSelect('The codes under this code are tags', 'tagCodes')}
        <label>
          Claims
          <select value={mapping.claims} onChange={(e) => onChange({ ...mapping, claims: e.target.value as RefiMapping['claims'] })}>
            <option value="every-selection">every coded selection</option>
            <option value="actor-coded">only selections coded with an actor</option>
          </select>
        </label>
      </fieldset>
      <UnknownActor value={mapping.unknownActor} onChange={(unknownActor) => onChange({ ...mapping, unknownActor })} />
    </>
  );
}

/** The types found in the chosen annotations with their counts, and the mapping of each to Gainsay's records, editable. */
export function MappingEditor({ preview, mapping, onChange }: { preview: AnnotationPreview; mapping: AnnotationMapping; onChange: (mapping: AnnotationMapping) => void }) {
  if (mapping.format === 'brat') return <BratEditor preview={preview} mapping={mapping.mapping} onChange={(m) => onChange({ format: 'brat', mapping: m })} />;
  if (mapping.format === 'w3c') return <W3cEditor preview={preview} mapping={mapping.mapping} onChange={(m) => onChange({ format: 'w3c', mapping: m })} />;
  return <RefiEditor preview={preview} mapping={mapping.mapping} onChange={(m) => onChange({ format: 'refi', mapping: m })} />;
}
