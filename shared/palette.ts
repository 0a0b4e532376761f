/**
 * Actor colours: Paul Tol's "light" qualitative scheme (https://personal.sron.nl/~pault/), made to
 * be told apart by colour-blind readers and to sit behind dark text. Used by the reading view's
 * highlights (scripts/highlight-palette.py writes the same list into highlights.css), the actor
 * chips, and the HTML report.
 */
export const ACTOR_PALETTE = ['#77AADD', '#EE8866', '#EEDD88', '#FFAABB', '#99DDFF', '#44BB99', '#BBCC33', '#AAAA00'] as const;

/**
 * Past eight actors, colours alone would repeat: each round of the palette adds a second mark,
 * seen by colour-blind readers as well — a line over the highlighted text (solid, then dashed), a
 * square or diamond chip instead of a round one, a double or dashed bar beside a quote in the report.
 * Twenty-four actors in a row are thus told apart; the actor's name is always a hover away.
 */
export const ACTOR_MARKS = ['none', 'solid', 'dashed'] as const;
export type ActorMark = (typeof ACTOR_MARKS)[number];

/** How many actors in a row look different: every colour with every mark. */
export const ACTOR_STYLES = ACTOR_PALETTE.length * ACTOR_MARKS.length;

/** The colour and mark of an actor's style index (see actorColourIndexes). */
export function actorStyle(index: number): { colour: string; mark: ActorMark } {
  return { colour: ACTOR_PALETTE[index % ACTOR_PALETTE.length]!, mark: ACTOR_MARKS[Math.floor(index / ACTOR_PALETTE.length) % ACTOR_MARKS.length]! };
}

/** A highlight not yet recorded as a claim. */
export const PLAIN_HIGHLIGHT = '#BBBBBB';

/**
 * Each actor's style index (0 to ACTOR_STYLES - 1): actors in the order they were created, round
 * the palette's colours and then its marks.
 * Actors recorded together (one article's speakers, created as its claims are recorded) get
 * different colours, and an actor keeps its colour in every view and in the report.
 */
export function actorColourIndexes(actors: ReadonlyArray<{ id: string; createdAt: string }>): Map<string, number> {
  const ordered = [...actors].sort((x, y) => (x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return new Map(ordered.map((actor, i) => [actor.id, i % ACTOR_STYLES]));
}
