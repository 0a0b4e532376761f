import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { SuggestionProgress } from '../../shared/assist/attribution/types';
import { EXTRACTOR_VERSION } from '../../shared/assist/attribution/version';
import { importPastedText } from '../../electron/backend/import/importer';
import { STORE_CHUNK, storeRun, storeRunInChunks, suggestedCount } from '../../electron/backend/features/suggestions/store';
import type { StoredSuggestion } from '../../electron/backend/features/suggestions/stored-form';
import { call, tempBackend } from '../helpers/project';

/** The counts as SQL gives them, read afresh. */
function counted(db: Database.Database): { done: number; total: number } {
  return {
    done: db.prepare('SELECT count(*) FROM suggestion_runs WHERE extractor_version = ?').pluck().get(EXTRACTOR_VERSION) as number,
    total: db.prepare('SELECT count(*) FROM articles').pluck().get() as number,
  };
}

/** Rows of a run long enough to be stored in several chunks (their spans need not fit a text to be stored). */
const longRun: StoredSuggestion[] = Array.from({ length: 2 * STORE_CHUNK + 1 }, (_, i) => [i, i + 1, 'x', 'Ana Moreau', 'ana moreau', 0.5, '{}']);

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** What may happen to a project's articles and runs, in any order. */
type Step =
  | { kind: 'paste' }
  | { kind: 'delete'; pick: number }
  | { kind: 'store'; pick: number; version: 'current' | 'other' }
  | { kind: 'open'; pick: number }
  | { kind: 'chunks'; pick: number; turns: number }
  | { kind: 'rolledBack'; pick: number }
  | { kind: 'inCallersTransaction'; pick: number; rollBack: boolean };

const pick = fc.nat(50);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ kind: 'paste' as const }),
  fc.record({ kind: fc.constant('delete' as const), pick }),
  fc.record({ kind: fc.constant('store' as const), pick, version: fc.constantFrom('current' as const, 'other' as const) }),
  fc.record({ kind: fc.constant('open' as const), pick }),
  fc.record({ kind: fc.constant('chunks' as const), pick, turns: fc.nat(4) }),
  fc.record({ kind: fc.constant('rolledBack' as const), pick }),
  fc.record({ kind: fc.constant('inCallersTransaction' as const), pick, rollBack: fc.boolean() }),
);

describe('how many articles have current suggestions, held between writes (suggestions.progress)', () => {
  let project: ReturnType<typeof tempBackend> | null = null;
  afterEach(() => {
    project?.dispose();
    project = null;
  });

  it('are what SQL counts after any sequence of imports, deletions and runs stored, whole, in chunks, rolled back or in a caller’s transaction', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        project?.dispose();
        project = tempBackend();
        const { backend } = project;
        const db = backend.project.db;
        let pasted = 0;
        // One at a time, as the background job stores them.
        let chunking: Promise<unknown> = Promise.resolve();
        const articleIds = () => db.prepare('SELECT id FROM articles ORDER BY seq').pluck().all() as string[];
        const store = (id: string, version: number) => storeRun(db, id, 'hash', { version, suggestions: [], skipped: null });
        for (const s of steps) {
          const ids = articleIds();
          const id = 'pick' in s && ids.length ? ids[s.pick % ids.length]! : null;
          if (s.kind === 'paste') {
            await call(backend, 'articles.paste', { title: `Briefing ${++pasted}`, text: `The ministry of roads said on Monday that bridge ${pasted} would reopen.` });
          } else if (id === null) {
            continue;
          } else if (s.kind === 'delete') {
            await call(backend, 'articles.delete', { id });
          } else if (s.kind === 'store') {
            store(id, s.version === 'current' ? EXTRACTOR_VERSION : EXTRACTOR_VERSION + 1);
          } else if (s.kind === 'open') {
            await call(backend, 'suggestions.forArticle', { articleId: id });
          } else if (s.kind === 'chunks') {
            // Left part-way (pending) for the steps that follow, which may replace or delete it.
            await chunking;
            chunking = storeRunInChunks(db, id, 'hash', { version: EXTRACTOR_VERSION, skipped: null, rows: longRun });
            for (let i = 0; i < s.turns; i++) await nextTurn();
          } else if (s.kind === 'rolledBack') {
            expect(() =>
              db.transaction(() => {
                store(id, EXTRACTOR_VERSION);
                throw new Error('rolled back');
              })(),
            ).toThrow('rolled back');
          } else {
            const caller = db.transaction(() => {
              store(id, EXTRACTOR_VERSION);
              importPastedText(db, `Officials in district ${++pasted} said the count was under way.`, 'District count');
              // Asked inside the transaction, as a caller might: what it counts is not kept.
              expect(suggestedCount(db)).toEqual(counted(db));
              if (s.rollBack) throw new Error('rolled back');
            });
            if (s.rollBack) expect(caller).toThrow('rolled back');
            else caller();
          }
          expect(suggestedCount(db)).toEqual(counted(db));
          const progress: SuggestionProgress = await call(backend, 'suggestions.progress', {});
          expect({ done: progress.done, total: progress.total }).toEqual(counted(db));
        }
        await chunking;
        expect(suggestedCount(db)).toEqual(counted(db));
      }),
      { numRuns: 40 },
    );
  });
});
