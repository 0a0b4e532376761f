import { useEffect, useState } from 'react';
import { CLAIM_SORTS, LINK_KINDS, LINK_STATUSES, REVIEW_SORTS, type ClaimFilters, type ClaimSort, type LinkKind, type LinkStatus, type ReviewFilters, type ReviewSort } from '../../shared/domain';

/** What the review list shows: its filters and order, kept in the address so reload and back keep them. */
export interface ReviewQuery {
  filters: ReviewFilters;
  sort: ReviewSort;
  descending: boolean;
}

/** What the Claims view shows, kept in the address like the review list's. */
export interface ClaimsQuery {
  filters: ClaimFilters;
  sort: ClaimSort;
  descending: boolean;
}

export const DEFAULT_CLAIMS: ClaimsQuery = { filters: {}, sort: 'date', descending: true };

export const DEFAULT_REVIEW: ReviewQuery = { filters: { kind: 'contradicts', statuses: [...LINK_STATUSES] }, sort: 'date', descending: true };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads an address's parameters, each only if it has the form it should. */
function readParams(search: string) {
  const params = new URLSearchParams(search);
  return {
    params,
    text: (name: string) => params.get(name)?.trim() || undefined,
    id: (name: string) => (new RegExp(`^${UUID}$`).test(params.get(name) ?? '') ? params.get(name)! : undefined),
    date: (name: string) => (ISO_DATE.test(params.get(name) ?? '') ? params.get(name)! : undefined),
  };
}

/** Leaves out the filters that are not set, so two equal queries have one key. */
function withoutUnset<T extends object>(filters: T): T {
  for (const key of Object.keys(filters) as Array<keyof T>) if (filters[key] === undefined) delete filters[key];
  return filters;
}

/** Writes the set filters as address parameters. */
function setParams(params: URLSearchParams, fields: Array<[string, string | undefined]>): void {
  for (const [name, value] of fields) if (value) params.set(name, value);
}

/** The filters the Claims view and the review list share, as address parameters and back. */
type SharedFilters = Pick<ClaimFilters, 'articleId' | 'outlet' | 'tag' | 'from' | 'to' | 'text'>;

function readSharedFilters({ text, id, date }: ReturnType<typeof readParams>): SharedFilters {
  return { articleId: id('article'), outlet: text('outlet'), tag: text('tag'), from: date('from'), to: date('to'), text: text('q') };
}

function sharedFilterParams(filters: SharedFilters): Array<[string, string | undefined]> {
  return [
    ['article', filters.articleId],
    ['outlet', filters.outlet],
    ['tag', filters.tag],
    ['from', filters.from],
    ['to', filters.to],
    ['q', filters.text],
  ];
}

function parseClaims(search: string): ClaimsQuery {
  const read = readParams(search);
  const sort = read.params.get('sort');
  return {
    filters: withoutUnset({ actorId: read.id('actor'), ...readSharedFilters(read) }),
    sort: (CLAIM_SORTS as readonly string[]).includes(sort ?? '') ? (sort as ClaimSort) : 'date',
    descending: read.params.get('order') !== 'asc',
  };
}

/** An address's query: the filters that are set, then the order unless it is the default (by date, newest first). */
function listSearch(params: URLSearchParams, filters: Array<[string, string | undefined]>, sort: string, descending: boolean): string {
  setParams(params, filters);
  if (sort !== 'date') params.set('sort', sort);
  if (!descending) params.set('order', 'asc');
  const query = params.toString();
  return query ? `?${query}` : '';
}

function claimsSearch({ filters, sort, descending }: ClaimsQuery): string {
  return listSearch(new URLSearchParams(), [['actor', filters.actorId], ...sharedFilterParams(filters)], sort, descending);
}

function parseReview(search: string): ReviewQuery {
  const read = readParams(search);
  const { params, id } = read;
  const kind = params.get('kind');
  const sort = params.get('sort');
  const statuses = params.has('status') ? params.get('status')!.split(',').filter((s): s is LinkStatus => (LINK_STATUSES as readonly string[]).includes(s)) : [...LINK_STATUSES];
  const filters: ReviewFilters = {
    kind: (LINK_KINDS as readonly string[]).includes(kind ?? '') ? (kind as LinkKind) : 'contradicts',
    statuses,
    actorId: id('actor'),
    otherActorId: id('actor') ? id('other') : undefined,
    ...readSharedFilters(read),
  };
  return {
    filters: withoutUnset(filters),
    sort: (REVIEW_SORTS as readonly string[]).includes(sort ?? '') ? (sort as ReviewSort) : 'date',
    descending: params.get('order') !== 'asc',
  };
}

function reviewSearch({ filters, sort, descending }: ReviewQuery): string {
  const params = new URLSearchParams();
  if (filters.kind !== 'contradicts') params.set('kind', filters.kind);
  if (filters.statuses.length !== LINK_STATUSES.length) params.set('status', filters.statuses.join(','));
  return listSearch(params, [['actor', filters.actorId], ['other', filters.otherActorId], ...sharedFilterParams(filters)], sort, descending);
}

export type Route =
  | { view: 'library' }
  | { view: 'actors' }
  | { view: 'review'; query: ReviewQuery }
  | { view: 'claims'; query: ClaimsQuery }
  | { view: 'candidates' }
  | { view: 'suggestions' }
  | { view: 'actor'; id: string }
  | { view: 'article'; id: string; highlight?: string };


export function parseRoute(hash: string): Route {
  const article = new RegExp(`^#/article/(${UUID})(?:/(${UUID}))?$`).exec(hash);
  if (article) return article[2] ? { view: 'article', id: article[1]!, highlight: article[2] } : { view: 'article', id: article[1]! };
  const actor = new RegExp(`^#/actor/(${UUID})$`).exec(hash);
  if (actor) return { view: 'actor', id: actor[1]! };
  if (hash === '#/actors') return { view: 'actors' };
  if (hash === '#/candidates') return { view: 'candidates' };
  const claims = /^#\/claims(\?.*)?$/.exec(hash);
  if (claims) return { view: 'claims', query: parseClaims(claims[1] ?? '') };
  if (hash === '#/suggestions') return { view: 'suggestions' };
  const review = /^#\/review(\?.*)?$/.exec(hash);
  if (review) return { view: 'review', query: parseReview(review[1] ?? '') };
  return { view: 'library' };
}

export function hrefFor(route: Route): string {
  switch (route.view) {
    case 'article':
      return `#/article/${route.id}${route.highlight ? `/${route.highlight}` : ''}`;
    case 'actor':
      return `#/actor/${route.id}`;
    case 'review':
      return `#/review${reviewSearch(route.query)}`;
    case 'claims':
      return `#/claims${claimsSearch(route.query)}`;
    default:
      return `#/${route.view}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

/** Changes the address without a new history entry (filters being adjusted, not a new place). */
export function replaceRoute(route: Route): void {
  history.replaceState(history.state, '', hrefFor(route));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** The current view, from the URL hash (so reload and back/forward keep the place). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
