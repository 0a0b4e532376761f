import { firstIndex } from '../../../shared/first-index';
import { resegmented, type PaintSpan, type Segment } from '../../../shared/text/segments';

/**
 * `resegmented`, visiting only the segments that reach between `from` and `to` (found by binary
 * search) and the spans reaching there: adding one highlight to a long article then costs the
 * same as to a short one, where `resegmented` copies every segment of the article one by one.
 */
export function resegmentedWithin(segments: readonly Segment[], spans: Iterable<PaintSpan>, from: number, to: number): Segment[] {
  const first = firstIndex(segments.length, (k) => segments[k]!.end <= from);
  const end = firstIndex(segments.length, (k) => segments[k]!.start < to);
  const reaching: PaintSpan[] = [];
  for (const span of spans) if (span.start < to && span.end > from) reaching.push(span);
  return segments.slice(0, first).concat(resegmented(segments.slice(first, end), reaching, from, to), segments.slice(end));
}
