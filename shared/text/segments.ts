/** A span to paint: [start, end) in code points, with an id and a colour key. */
export interface PaintSpan {
  id: string;
  start: number;
  end: number;
  colour: string;
}

/** A run of text covered by the same set of spans. */
export interface Segment {
  start: number;
  end: number;
  /** How many spans cover it. */
  depth: number;
  /** The innermost span covering it (the shortest; the later-starting on ties): its colour shows. */
  top: PaintSpan;
}

/**
 * Cuts overlapping and nested spans into flat segments, in one sweep over their boundaries, so
 * each piece of text is painted once with its depth and the colour of its innermost span.
 */
export function overlapSegments(spans: readonly PaintSpan[]): Segment[] {
  const points = new Set<number>();
  for (const span of spans) {
    if (span.end > span.start) {
      points.add(span.start);
      points.add(span.end);
    }
  }
  const boundaries = [...points].sort((a, b) => a - b);
  const byStart = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const active: PaintSpan[] = [];
  const segments: Segment[] = [];
  let next = 0;
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const from = boundaries[i]!;
    const to = boundaries[i + 1]!;
    for (let k = active.length - 1; k >= 0; k--) if (active[k]!.end <= from) active.splice(k, 1);
    while (next < byStart.length && byStart[next]!.start === from) active.push(byStart[next++]!);
    if (active.length === 0) continue;
    let top = active[0]!;
    for (const span of active) {
      const shorter = span.end - span.start < top.end - top.start;
      const tie = span.end - span.start === top.end - top.start && span.start > top.start;
      if (shorter || tie) top = span;
    }
    segments.push({ start: from, end: to, depth: active.length, top });
  }
  return segments;
}

/**
 * The segments of `spans`, given `segments` cut from earlier spans that differ from them only
 * between `from` and `to`: only that part is cut again, from the spans that reach into it (a
 * highlight added to a long article touches a paragraph; cutting all its spans again means
 * sorting thousands). Segments that cross `from` or `to` are cut there.
 */
export function resegmented(segments: readonly Segment[], spans: readonly PaintSpan[], from: number, to: number): Segment[] {
  const before: Segment[] = [];
  const after: Segment[] = [];
  for (const segment of segments) {
    if (segment.start < from) before.push(segment.end > from ? { ...segment, end: from } : segment);
    if (segment.end > to) after.push(segment.start < to ? { ...segment, start: to } : segment);
  }
  const inside = overlapSegments(spans.filter((span) => span.start < to && span.end > from)).flatMap((segment) => {
    const start = Math.max(segment.start, from);
    const end = Math.min(segment.end, to);
    return end > start ? [{ ...segment, start, end }] : [];
  });
  return [...before, ...inside, ...after];
}

/**
 * Where two sets of spans (by id) differ: the extents of every span added, removed, moved or
 * recoloured. Outside them the same spans cover every position, so it is painted the same (the
 * same depth and innermost span); only text inside them needs painting again.
 */
export function changedExtents(before: ReadonlyMap<string, PaintSpan>, after: ReadonlyMap<string, PaintSpan>): Array<[number, number]> {
  const extents: Array<[number, number]> = [];
  for (const [id, span] of after) {
    const old = before.get(id);
    if (!old || old.start !== span.start || old.end !== span.end || old.colour !== span.colour) extents.push([span.start, span.end]);
    if (old && (old.start !== span.start || old.end !== span.end)) extents.push([old.start, old.end]);
  }
  for (const [id, span] of before) if (!after.has(id)) extents.push([span.start, span.end]);
  return extents;
}
