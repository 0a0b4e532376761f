/**
 * Actor colours: Paul Tol's "light" qualitative scheme (https://personal.sron.nl/~pault/), made to
 * be told apart by colour-blind readers and to sit behind dark text. Used by the reading view's
 * highlights (scripts/highlight-palette.py writes the same list into highlights.css), the actor
 * chips, and the HTML report.
 */
export const ACTOR_PALETTE = ['#77AADD', '#EE8866', '#EEDD88', '#FFAABB', '#99DDFF', '#44BB99', '#BBCC33', '#AAAA00'] as const;

/** A highlight not yet recorded as a claim. */
export const PLAIN_HIGHLIGHT = '#BBBBBB';

/**
 * Each actor's place in the palette: actors in the order they were created, round the palette.
 * Actors recorded together (one article's speakers, created as its claims are recorded) get
 * different colours, and an actor keeps its colour in every view and in the report.
 */
export function actorColourIndexes(actors: ReadonlyArray<{ id: string; createdAt: string }>): Map<string, number> {
  const ordered = [...actors].sort((x, y) => (x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return new Map(ordered.map((actor, i) => [actor.id, i % ACTOR_PALETTE.length]));
}
