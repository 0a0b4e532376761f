import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectRecords } from '../../electron/backend/export/records';
import { SECTIONS } from '../../shared/export/project-json';
import { tempBackend } from '../helpers/project';
import { buildSampleProject } from '../helpers/sample-project';

/** Text columns another program could fill with anything, by table. */
const TEXT_COLUMNS: Record<string, string[]> = {
  articles: ['title', 'outlet', 'author', 'url', 'language', 'source_name'],
  actors: ['name', 'role'],
  actor_aliases: ['alias'],
  highlights: ['quote', 'prefix', 'suffix'],
  claims: ['note_json', 'note_text', 'claimed_on'],
  links: ['rationale_json', 'rationale_text', 'created_by'],
};

// What JSON escapes (quotes, backslashes, every control character), what it leaves alone (U+2028,
// DEL, non-ASCII, emoji), and text that is not valid UTF-8 (hex, cast to TEXT by SQLite).
const special = fc.constantFrom('"', '\\', '/', '\b', '\f', '\n', '\r', '\t', '\0', '\u001f', '\u007f', '\u2028', 'é', '😀', 'a', ' ');
const text = fc.oneof(fc.string({ maxLength: 8 }), fc.array(special, { maxLength: 8 }).map((parts) => parts.join('')));
const badUtf8 = fc.constantFrom('ff', 'c0af', 'eda080', 'e022', '61c32cf09f2c', 'f4908080', 'e0805c');
const value = fc.oneof({ arbitrary: text.map((t) => ({ text: t })), weight: 5 }, { arbitrary: badUtf8.map((hex) => ({ hex })), weight: 1 });

describe("project JSON's records, written by SQLite", () => {
  let env: ReturnType<typeof tempBackend>;
  let db: Database.Database;
  let articleIds: string[];

  beforeAll(async () => {
    env = tempBackend();
    ({ articleIds } = await buildSampleProject(env.backend));
    env.backend.close();
    db = new Database(env.file);
  });
  afterAll(() => {
    db.close();
    env.dispose();
  });

  it('are each byte for byte what JSON.stringify writes for the record, whatever the text holds, for the whole project or some articles', () => {
    const cells = Object.entries(TEXT_COLUMNS).flatMap(([table, columns]) => columns.map((column) => ({ table, column })));
    fc.assert(
      fc.property(fc.array(value, { minLength: cells.length, maxLength: cells.length }), (values) => {
        db.transaction(() => {
          cells.forEach(({ table, column }, i) => {
            const v = values[i]!;
            // One row of each table gets the value (a UNIQUE name stays unique); the others keep theirs.
            const set = 'hex' in v ? `CAST(x'${v.hex}' AS TEXT)` : '?';
            db.prepare(`UPDATE ${table} SET ${column} = ${set} WHERE rowid = (SELECT min(rowid) FROM ${table})`).run(...('hex' in v ? [] : [v.text]));
          });
        })();
        for (const scope of [null, [articleIds[1]!]]) {
          const records = new ProjectRecords(db, scope);
          for (const section of SECTIONS) {
            const written = [...records.sectionJson(section)];
            expect(written).toEqual([...records.section(section)].map((record) => JSON.stringify(record)));
            expect(written.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 60, seed: 18 },
    );
  });
});
