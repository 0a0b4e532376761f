/**
 * Background suggesting: every article without a current stored run (just imported, or made by
 * another extractor version) is sent, one at a time, to the extractor's worker thread, and the
 * result stored. The backend's thread only reads a text and writes a run per article, so calls
 * from the windows are answered between articles and the UI never waits for the extractor.
 *
 * Self-contained behind start / progress / cancel, so that it can move onto the contract's
 * generic jobs once they exist.
 */
import type Database from 'better-sqlite3';
import type { SuggestionProgress } from '../../../../shared/assist/attribution/types';
import { EXTRACTOR_VERSION } from '../../../../shared/assist/attribution/version';
import { GainsayError } from '../../../../shared/errors';
import { ExtractionFailed, type ExtractorThread } from './extractor-thread';
import { articleText, registryOf } from './repository';
import { articlesNeedingSuggestions, storeRun, storeRunInChunks, suggestedCount } from './store';

/** Articles taken from the queue at a time (and how often the actor registry is read again). */
const BATCH = 50;

export class BackgroundSuggester {
  private running = false;
  private cancelled = false;
  private error: string | null = null;
  private thread: ExtractorThread | null = null;

  /** `startThread` is null where nothing runs in the background (CLI commands, most tests). */
  constructor(
    private readonly db: Database.Database,
    private readonly startThread: (() => ExtractorThread) | null,
  ) {}

  /** Starts working through the articles that need suggestions, unless already at it (or off, or failed). */
  start(): void {
    if (this.running || !this.startThread || this.error || !this.db.open) return;
    this.running = true;
    this.cancelled = false;
    void this.run();
  }

  /** Where it stands; starts it when articles are waiting (imported by a path that did not start it), unless cancelled. */
  progress(): SuggestionProgress {
    const { done, total } = suggestedCount(this.db);
    if (done < total && !this.cancelled) this.start();
    return { done, total, running: this.running, error: this.error };
  }

  /** Stops after the article in hand, until `start` (an import) takes up where it stopped. */
  cancel(): void {
    this.cancelled = true;
  }

  /** Stops and ends the thread (the project is closing). */
  close(): void {
    this.cancelled = true;
    const thread = this.thread;
    this.thread = null;
    void thread?.close();
  }

  private async run(): Promise<void> {
    try {
      this.thread ??= this.startThread!();
      while (!this.cancelled && this.db.open) {
        const batch = articlesNeedingSuggestions(this.db, BATCH);
        if (batch.length === 0) break;
        const registry = registryOf(this.db);
        for (const id of batch) {
          if (this.cancelled || !this.db.open) break;
          await this.suggest(id, registry);
        }
      }
    } catch (error) {
      this.error = `Suggestions are no longer made in the background (${(error as Error).message}); they are still made when an article is opened.`;
    } finally {
      this.running = false;
      // An idle thread is not kept: the next import starts one again.
      const thread = this.thread;
      this.thread = null;
      await thread?.close();
    }
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
      const { hash, extraction } = await this.thread!.extract(text, registry);
      if (this.db.open) await storeRunInChunks(this.db, id, hash, extraction);
    } catch (error) {
      if (!(error instanceof ExtractionFailed)) throw error;
      if (this.db.open) storeRun(this.db, id, '', { version: EXTRACTOR_VERSION, suggestions: [], skipped: `The extractor failed on this article: ${error.message}` });
    }
  }
}
