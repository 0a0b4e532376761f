/**
 * Background suggesting: every article without a current stored run (just imported, or made by
 * another extractor version) is sent, one at a time, to the extractor's worker thread, and the
 * result stored. The backend's thread only reads a text and writes a run per article, so calls
 * from the windows are answered between articles and the UI never waits for the extractor.
 *
 * It runs as one of the project's jobs ('suggest'): its progress reaches every host's jobs
 * panel, and `jobs.cancel` stops it after the article in hand, keeping what was stored.
 */
import type Database from 'better-sqlite3';
import { nextTurn } from '../../next-turn';
import type { SuggestionProgress } from '../../../../shared/assist/attribution/types';
import { EXTRACTOR_VERSION } from '../../../../shared/assist/attribution/version';
import { GainsayError } from '../../../../shared/errors';
import { SUGGEST_JOB_LABEL, type SuggestJobResult } from '../../../../shared/jobs';
import { CancelledError, type JobControl, type Jobs } from '../../jobs/jobs';
import { ExtractionFailed, type ExtractorThread } from './extractor-thread';
import { articleText, registryOf } from './repository';
import { articlesNeedingSuggestions, lastArticleSeq, nextArticleSeq, seqsAreExact, storeRun, storeRunInChunks, suggestedCount } from './store';

/** Articles taken from the queue at a time (and how often the actor registry is read again). */
const BATCH = 50;
/**
 * Articles looked at by one query for the next batch (articlesNeedingSuggestions), which reads
 * each of their rows: half a millisecond at the median, 5 ms at most in a traced run. (At 500, the
 * first query of a job, its pages no longer in SQLite's cache, took 27 to 250 ms on a loaded machine.)
 */
const SCAN_SPAN = 100;

export class BackgroundSuggester {
  private job: string | null = null;
  /** Articles were added while the job ran: its total is counted again before the next article. */
  private added = false;
  private cancelled = false;
  private error: string | null = null;
  private thread: ExtractorThread | null = null;

  /** `startThread` is null where nothing runs in the background (CLI commands, most tests). */
  constructor(
    private readonly db: Database.Database,
    private readonly jobs: Jobs,
    private readonly startThread: (() => ExtractorThread) | null,
  ) {}

  /** Starts working through the articles that need suggestions, unless already at it (or off, or failed). */
  start(): void {
    this.added = this.job !== null;
    if (this.job || !this.startThread || this.error || !this.db.open) return;
    this.cancelled = false;
    this.job = this.jobs.start('suggest', SUGGEST_JOB_LABEL, 'articles', (control) => this.run(control)).id;
  }

  /**
   * Where it stands; starts it when articles are waiting (imported by a path that did not start
   * it), unless cancelled. The counts are mostly held in memory (suggestedCount), and a job it
   * starts begins after it has answered.
   */
  progress(): SuggestionProgress {
    const { done, total } = suggestedCount(this.db);
    if (done < total && !this.cancelled) this.start();
    return { done, total, running: this.job !== null, error: this.error };
  }

  /** Stops after the article in hand, until `start` (an import) takes up where it stopped. */
  cancel(): void {
    this.cancelled = true;
    if (this.job) this.jobs.cancel(this.job);
  }

  /** Stops and ends the thread (the project is closing). */
  close(): void {
    this.cancel();
    const thread = this.thread;
    this.thread = null;
    void thread?.close();
  }

  private async run(control: JobControl): Promise<SuggestJobResult> {
    // However it is stopped (cancel here, or jobs.cancel from a window), it stays stopped until the next import.
    const stopped = () => (this.cancelled ||= control.signal.aborted) || !this.db.open;
    const result: SuggestJobResult = { kind: 'suggest', done: 0, total: 0 };
    const report = () => {
      if (this.added) countWaiting();
      control.progress({ done: result.done, total: result.total, message: `Suggesting claims: ${result.done} of ${result.total} articles` });
    };
    // The articles still waiting, counted when it begins and again when an import adds to them.
    const countWaiting = () => {
      this.added = false;
      const { done, total } = suggestedCount(this.db);
      result.total = result.done + total - done;
    };
    try {
      // Begins in a task of its own, once the call that started it (an import, a window asking
      // for progress) has been answered: counting, starting the worker thread and the first
      // stretch of the walk are then not that call's wait.
      await nextTurn();
      if (!stopped()) countWaiting();
      const suggestAll = async (batch: Array<{ id: string }>) => {
        report();
        const registry = registryOf(this.db);
        for (const { id } of batch) {
          if (stopped()) break;
          await this.suggest(id, registry);
          result.done++;
          report();
        }
      };
      // A file whose seqs are not exact as numbers is read whole at each batch, as it always was
      // (a walk by seq could miss an article); each article suggested leaves the queue.
      if (!stopped() && !seqsAreExact(this.db)) {
        for (let batch; !stopped() && (batch = articlesNeedingSuggestions(this.db, BATCH, -Infinity, Infinity)).length; ) await suggestAll(batch);
      } else {
        // The queue is walked in order of seq, at most SCAN_SPAN articles a query with the event
        // loop free between them, each batch taken after the last. Past the end it walks once more
        // from the start, for an article that came to need suggestions behind it meanwhile (its run
        // made stale); a walk that finds none ends the job.
        let after: number | null = null;
        let foundInWalk = false;
        while (!stopped()) {
          const from = nextArticleSeq(this.db, after);
          if (from === null) {
            if (!foundInWalk) break;
            after = null;
            foundInWalk = false;
            countWaiting();
            continue;
          }
          const batch = articlesNeedingSuggestions(this.db, BATCH, from, from + SCAN_SPAN);
          if (batch.length === 0) {
            // On from the stretch's last article, not from its end: one added while the loop is
            // free comes after every article there is (a seq is the largest one's + 1).
            after = lastArticleSeq(this.db, from, from + SCAN_SPAN);
            await nextTurn();
            continue;
          }
          foundInWalk = true;
          after = batch.at(-1)!.seq;
          await suggestAll(batch);
        }
      }
    } catch (error) {
      this.error = `Suggestions are no longer made in the background (${(error as Error).message}); they are still made when an article is opened.`;
      throw new GainsayError('internal', this.error);
    } finally {
      this.job = null;
      // An idle thread is not kept: the next import starts one again.
      const thread = this.thread;
      this.thread = null;
      await thread?.close();
    }
    if (stopped()) throw new CancelledError(`${result.done} of ${result.total} articles suggested, and kept; the rest when suggesting starts again`, result);
    return result;
  }

  private async suggest(id: string, registry: ReturnType<typeof registryOf>): Promise<void> {
    let text: string;
    try {
      text = articleText(this.db, id);
    } catch (error) {
      if (!(error instanceof GainsayError)) throw error;
      if (error.code === 'not_found') return;
      // Too large to open: stored as skipped with the reason, so it is not tried again.
      storeRun(this.db, id, '', { version: EXTRACTOR_VERSION, suggestions: [], skipped: error.message });
      return;
    }
    try {
      // Started for the first article there is to suggest, not before.
      this.thread ??= this.startThread!();
      const { hash, stored } = await this.thread.extract(text, registry);
      if (this.db.open) await storeRunInChunks(this.db, id, hash, stored);
    } catch (error) {
      if (!(error instanceof ExtractionFailed)) throw error;
      if (this.db.open) storeRun(this.db, id, '', { version: EXTRACTOR_VERSION, suggestions: [], skipped: `The extractor failed on this article: ${error.message}` });
    }
  }
}
