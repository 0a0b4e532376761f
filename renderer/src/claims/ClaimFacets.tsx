import type { ClaimFilters, ClaimPage, FacetCount } from '../../../shared/domain';
import { plural } from '../format';

type Facets = NonNullable<ClaimPage['facets']>;

const SECTIONS: Array<{ facet: keyof Facets; filter: 'actorId' | 'tag' | 'outlet' | 'articleId'; title: string }> = [
  { facet: 'actors', filter: 'actorId', title: 'Claimed by' },
  { facet: 'tags', filter: 'tag', title: 'Tags' },
  { facet: 'outlets', filter: 'outlet', title: 'Outlets' },
  { facet: 'articles', filter: 'articleId', title: 'Articles' },
];

function FacetList({ title, values, chosen, onChoose }: { title: string; values: FacetCount[]; chosen: string | undefined; onChoose: (value: string | undefined) => void }) {
  const most = Math.max(1, ...values.map((v) => v.count));
  return (
    <div className="facet" role="group" aria-label={title}>
      <h3>{title}</h3>
      {values.length === 0 ? (
        <p className="muted facet-empty">None</p>
      ) : (
        <ul>
          {values.map((v) => (
            <li key={v.value}>
              <button
                type="button"
                className="facet-value"
                aria-pressed={chosen === v.value}
                aria-label={`${v.label}, ${plural(v.count, 'claim')}`}
                onClick={() => onChoose(chosen === v.value ? undefined : v.value)}
              >
                <span className="facet-label">{v.label}</span>
                <span className="facet-count">{v.count}</span>
                {/* The bar shows the share at a glance, as a QDA tool's code frequencies do. */}
                <span className="facet-bar" style={{ width: `${(100 * v.count) / most}%` }} aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The Claims view's side panel: the listed claims counted by actor, tag, outlet and article;
 * choosing one filters the list (drilling down), choosing it again clears it.
 */
export function ClaimFacets({ facets, filters, onChange }: { facets: Facets | null; filters: ClaimFilters; onChange: (filters: ClaimFilters) => void }) {
  return (
    <aside className="facets" aria-label="Claim counts">
      {SECTIONS.map(({ facet, filter, title }) => (
        <FacetList key={facet} title={title} values={facets?.[facet] ?? []} chosen={filters[filter]} onChoose={(value) => onChange({ ...filters, [filter]: value })} />
      ))}
    </aside>
  );
}
