import type { ExportFormat } from '../../../shared/export/formats';
import type { BratArticles } from './brat-export';
import { removeQuietly } from './output';

/**
 * A piece of an export that can be made apart from the rest, from the same project: a file of its
 * own, whose bytes do not depend on what the rest writes. An export thread hands such a piece to
 * a second thread with its own copy of the project (jobs/part-thread.ts), so that the two are made
 * at once on two cores; anywhere else it is made in line, in the same thread, with the same bytes
 * (run-part.ts).
 */
export type PartRequest =
  /** brat's .txt and .ann of these articles, in the export's folder; `scope`: the export's (brat-export.ts). */
  | { name: 'brat-half'; folder: string; articleIds: string[]; scope: string[] | null }
  /** The report's Markdown, to a temporary file beside `target`, which `temp` names once on disk (report-export.ts). */
  | { name: 'report-markdown'; target: string; articleIds: string[] | null; project: string; generated: string };

/** The formats whose exports have parts (worth a second thread). */
export const FORMATS_WITH_PARTS: ReadonlySet<ExportFormat> = new Set(['brat', 'report']);

/** What a part gives back: the temporary file it wrote, or what the rest of the export needs of it. */
export interface PartResult {
  temp?: string;
  brat?: BratArticles;
}

/** A part under way. */
export interface RunningPart {
  /** Settles once the part is made, or has failed. */
  readonly done: Promise<PartResult>;
  /** Stops the part early if it can (the rest of the export has failed), and waits until `done` has settled. */
  stop(): Promise<void>;
}

/** How an export starts its parts. */
export type StartPart = (request: PartRequest) => RunningPart;

/**
 * Runs `work` while the part is made, and returns both. If either fails, the part is stopped (or
 * waited for) and its temporary file removed, so nothing is still writing when the export removes
 * what it began.
 */
export async function alongside<T>(startPart: StartPart, request: PartRequest, work: (part: Promise<PartResult>) => Promise<T>): Promise<[T, PartResult]> {
  const part = startPart(request);
  // Awaited below, or stopped: not "unhandled" while the work runs.
  part.done.catch(() => undefined);
  try {
    const result = await work(part.done);
    return [result, await part.done];
  } catch (error) {
    await part.stop();
    const made = await part.done.catch(() => null);
    if (made?.temp) removeQuietly(made.temp);
    throw error;
  }
}
