import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProjectDatabase } from '../../electron/backend/db/open';
import { ClaimSpans } from '../../electron/backend/features/suggestions/claim-spans';
import { tempDir } from '../helpers/temp';

describe('ClaimSpans', () => {
  let temp: ReturnType<typeof tempDir>;
  let db: Database.Database;
  beforeEach(() => {
    temp = tempDir();
    db = openProjectDatabase(`${temp.dir}/spans.gainsay`);
    db.prepare("INSERT INTO articles (id, title, outlet, author, published_at, url, language, text, content_hash, source_name, source_kind, created_at, updated_at) VALUES ('a', 't', '', '', NULL, '', '', 'x', 'h', 'n', 'txt', 't', 't')").run();
    db.prepare("INSERT INTO actors (id, name, folded, kind, created_at, updated_at) VALUES ('p', 'P', 'p', 'person', 't', 't')").run();
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('says whether a span shares a code point with a claim, as checking every claim does; plain highlights do not count', () => {
    const span = fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 30 })).map(([start, length]) => [start, start + length] as const);
    fc.assert(
      fc.property(fc.array(fc.tuple(span, fc.boolean()), { maxLength: 25 }), fc.array(span, { minLength: 1, maxLength: 20 }), (highlights, asked) => {
        db.exec('DELETE FROM claims; DELETE FROM highlights');
        highlights.forEach(([[start, end], claimed], i) => {
          db.prepare("INSERT INTO highlights (id, article_id, start_cp, end_cp, quote, prefix, suffix, created_at, updated_at) VALUES (?, 'a', ?, ?, 'q', '', '', 't', 't')").run(`h${i}`, start, end);
          if (claimed) db.prepare("INSERT INTO claims (id, highlight_id, actor_id, created_at, updated_at) VALUES (?, ?, 'p', 't', 't')").run(`c${i}`, `h${i}`);
        });
        const spans = new ClaimSpans(db, 'a');
        const claims = highlights.filter(([, claimed]) => claimed).map(([s]) => s);
        for (const [start, end] of asked) expect(spans.overlaps(start, end)).toBe(claims.some(([s, e]) => s < end && e > start));
      }),
      { numRuns: 200 },
    );
  });
});
