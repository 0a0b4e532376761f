/** Domain types shared by backend and renderer. Ids are UUIDs; timestamps are ISO-8601 UTC strings. */

export const ACTOR_KINDS = ['person', 'government', 'organisation', 'outlet', 'other'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  person: 'Person',
  government: 'Government / state',
  organisation: 'Organisation',
  outlet: 'Media outlet',
  other: 'Other',
};

export const LINK_KINDS = ['contradicts', 'corroborates'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const LINK_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export interface Timestamps {
  createdAt: string;
  updatedAt: string;
}

export interface Actor extends Timestamps {
  id: string;
  name: string;
  kind: ActorKind;
  role: string;
  aliases: string[];
}

export interface ProjectCounts {
  articles: number;
  actors: number;
  claims: number;
  contradictions: number;
}

export interface ProjectInfo {
  path: string;
  name: string;
  schemaVersion: number;
  appVersion: string;
  counts: ProjectCounts;
}
