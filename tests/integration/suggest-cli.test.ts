import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sliceCodePoints } from '../../shared/offsets';
import { writeSuggestions, type SuggestionLine } from '../../electron/backend/assist/suggest-lines';
import { ROOT, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'attribution', 'text');

function storedTexts(project: string): Map<string, string> {
  const db = new Database(project, { readonly: true });
  try {
    const rows = db.prepare('SELECT id, text FROM articles').all() as { id: string; text: string }[];
    return new Map(rows.map((r) => [r.id, r.text]));
  } finally {
    db.close();
  }
}

function readLines(file: string): SuggestionLine[] {
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as SuggestionLine);
}

describe('gainsay suggest', () => {
  let temp: ReturnType<typeof tempDir>;
  let project: string;
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'node', 'cli.cjs'))) throw new Error('Run `npm run build` before the tests.');
  });
  beforeEach(() => {
    temp = tempDir();
    project = path.join(temp.dir, 'ceasefire.gainsay');
    const imported = runCli(['import', '--project', project, path.join(FIXTURES, 'ceasefire-monitors.txt'), path.join(FIXTURES, 'prisoner-talks.txt')]);
    expect(imported.status, imported.stderr).toBe(0);
  });
  afterEach(() => temp.remove());

  it('reports its progress after each article (shown on a terminal as “Suggest claims: 1 of 2 articles”)', () => {
    const db = new Database(project);
    try {
      const heard: Array<[number, number]> = [];
      writeSuggestions(db, path.join(temp.dir, 'out.jsonl'), undefined, (done, total) => heard.push([done, total]));
      expect(heard).toEqual([
        [1, 2],
        [2, 2],
      ]);
    } finally {
      db.close();
    }
  });

  it('writes one JSON object per suggestion with code point offsets into the stored text', () => {
    const out = path.join(temp.dir, 'suggestions.jsonl');
    const result = runCli(['suggest', '--project', project, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^\d+ suggestions from 2 articles written to /m);

    const lines = readLines(out);
    const texts = storedTexts(project);
    expect(lines.length).toBeGreaterThanOrEqual(14);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['article', 'sourceName', 'start', 'end', 'quote', 'actor', 'actorSpan', 'cue', 'channel', 'confidence']);
      const text = texts.get(line.article)!;
      expect(sliceCodePoints(text, line.start, line.end)).toBe(line.quote);
      expect(line.confidence).toBeGreaterThan(0);
      expect(line.confidence).toBeLessThan(1);
      expect(['ceasefire-monitors.txt', 'prisoner-talks.txt']).toContain(line.sourceName);
    }
    const byQuote = (start: string) => lines.find((l) => l.quote.startsWith(start))!;
    const pelkov = byQuote('Moscow had no information');
    expect(pelkov.actor).toBe('Dmitry Pelkov');
    expect(sliceCodePoints(texts.get(pelkov.article)!, pelkov.actorSpan![0], pelkov.actorSpan![1])).toBe('Kremlin spokesman Dmitry\u00a0Pelkov');
    expect(sliceCodePoints(texts.get(pelkov.article)!, pelkov.cue![0], pelkov.cue![1])).toBe('said');
    expect(byQuote('that Russian forces were involved')).toMatchObject({ actor: 'Dmitry Pelkov', channel: 'Tass' });
    expect(byQuote('that the lists')).toMatchObject({ actor: 'A senior official in Kiev', channel: 'Interfax' });
    // A split quotation with an emoji in it, and the next suggestion's offsets after it: still code points.
    const lind = lines.find((l) => l.quote.includes('shelling 😞'))!;
    expect(lind.actor).toBe('Tomas Lind');
    expect(byQuote('the delay was technical').actor).toBe('The ministry');
  });

  it('uses the project’s actors and aliases, and limits itself to the articles named', () => {
    const texts = storedTexts(project);
    const db = new Database(project);
    const talks = [...texts].find(([, text]) => text.includes('prisoner lists'))![0];
    db.prepare("INSERT INTO actors (id, name, folded, kind, created_at, updated_at) VALUES ('actor-tass', 'TASS', 'tass', 'outlet', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')").run();
    db.prepare("INSERT INTO actor_aliases (id, actor_id, alias, folded, created_at) VALUES ('alias-1', 'actor-tass', 'Tass news agency', 'tass news agency', '2026-01-01T00:00:00.000Z')").run();
    db.close();

    const out = path.join(temp.dir, 'talks.jsonl');
    const result = runCli(['suggest', '--project', project, '--articles', talks, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const lines = readLines(out);
    expect(new Set(lines.map((l) => l.article))).toEqual(new Set([talks]));
    expect(lines.find((l) => l.quote === 'the delay was technical')).toMatchObject({ actor: 'The ministry', channel: 'TASS' });
  });

  it('refuses bad arguments and unknown articles with one clear message, writing nothing', () => {
    const out = path.join(temp.dir, 'never.jsonl');
    const cases: [string[], RegExp][] = [
      [['suggest', '--project', project], /suggest needs --out/],
      [['suggest', '--project', project, '--out', out, '--articles', 'no-such-article'], /No article with id “no-such-article”/],
      [['suggest', '--project', project, '--out', out, 'stray'], /takes no other arguments/],
      [['suggest', '--project', project, '--out', temp.dir], /is a folder/],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
    }
    expect(fs.readdirSync(temp.dir).filter((f) => f.endsWith('.jsonl') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('says which articles it did not read and why', () => {
    const russian = path.join(temp.dir, 'tass-ru.txt');
    fs.writeFileSync(russian, 'Пелков заявил, что переговоры продолжатся.\n\nПо словам пресс-секретаря Кремля, никаких решений принято не было.\n');
    expect(runCli(['import', '--project', project, russian]).status).toBe(0);
    const out = path.join(temp.dir, 'all.jsonl');
    const result = runCli(['suggest', '--project', project, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/skipped +.*not in English/);
    expect(result.stdout).toMatch(/from 3 articles/);
  });
});
