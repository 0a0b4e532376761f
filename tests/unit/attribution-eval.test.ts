import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyScores, f1, match, overlap, parseBratAttributions, scoreArticle } from '../../shared/assist/attribution/evaluate';
import { evaluateDirectory, formatEvaluation } from '../bench/attribution-eval';
import { tempDir } from '../helpers/temp';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'attribution');

describe('attribution evaluation', () => {
  it('reads brat attributions: discontinuous contents, events without a source, notes skipped', () => {
    const gold = parseBratAttributions(
      [
        'T1\tSource 0 5\tMarsh',
        'T2\tCue 6 10\tsaid',
        'T3\tContent 12 20;30 40\t“A,” “B.”',
        'T4\tAttribution 6 10\tsaid',
        'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
        'T5\tCue 50 54\tsaid',
        'T6\tContent 55 70\tno source here',
        'E2\tAttribution:T5 Content:T6 Cue:T5',
        '#1\tAnnotatorNotes T1\ta note',
        'T7\tDiscard 80 90\tread more',
        'garbage line',
      ].join('\n'),
    );
    expect(gold).toEqual([
      { content: [{ start: 12, end: 20 }, { start: 30, end: 40 }], contentText: '“A,” “B.”', source: [{ start: 0, end: 5 }], cue: [{ start: 6, end: 10 }] },
      { content: [{ start: 55, end: 70 }], contentText: 'no source here', source: null, cue: [{ start: 50, end: 54 }] },
    ]);
  });

  it('measures overlap over the longer span and matches one to one', () => {
    expect(overlap([{ start: 0, end: 10 }], [{ start: 5, end: 10 }])).toBe(0.5);
    expect(overlap([{ start: 0, end: 4 }, { start: 6, end: 10 }], [{ start: 0, end: 10 }])).toBe(0.8);
    expect(overlap([{ start: 0, end: 4 }], [{ start: 4, end: 8 }])).toBe(0);
    // Two predictions over one gold span: only the better one matches.
    const matches = match([[{ start: 0, end: 6 }], [{ start: 0, end: 9 }]], [[{ start: 0, end: 10 }]], 0.5);
    expect(matches).toEqual([[1, 0]]);
  });

  it('scores the fictional fixture at the figures the extractor reaches on it', () => {
    const evaluation = evaluateDirectory(FIXTURE);
    const s = evaluation.scores;
    expect(evaluation.articles).toBe(2);
    expect(s.content.gold).toBe(16);
    expect(f1(s.content)).toBeGreaterThanOrEqual(0.95);
    expect(f1(s.contentExact)).toBeGreaterThanOrEqual(0.85);
    expect(f1(s.direct)).toBeGreaterThanOrEqual(0.85);
    expect(s.source.right / s.source.judged).toBeGreaterThanOrEqual(0.9);
    expect(f1(s.cue)).toBeGreaterThanOrEqual(0.95);

    const table = formatEvaluation(FIXTURE, evaluation);
    expect(table).toMatch(/content P \/ R \/ F1, overlap ≥ 50% +\d\.\d{3} \/ \d\.\d{3} \/ \d\.\d{3} +F1 ≥ 0\.6 +met/);
    expect(table).toMatch(/source right on matched contents +\d\.\d{3} \(\d+\/16\) +≥ 0\.8/);
    expect(table).toMatch(/direct quotes .* F1 ≥ 0\.85/);
    expect(table).toMatch(/speed, one core: first pass, warm +\d+, \d+ KB\/s +≥ 200 KB\/s/);
  });

  it('counts a suggestion that misses as a false positive and the annotation as missed', () => {
    const scores = emptyScores();
    const text = 'Pelkov said the talks failed.';
    scoreArticle(scores, [], [{ content: [{ start: 12, end: 28 }], contentText: 'the talks failed', source: [{ start: 0, end: 6 }], cue: [{ start: 7, end: 11 }] }], text);
    expect(scores.content).toEqual({ predicted: 0, gold: 1, matched: 0 });
  });

  it('refuses a folder that is not laid out like a split', () => {
    const { dir, remove } = tempDir();
    try {
      expect(() => evaluateDirectory(dir)).toThrow(/text\/ and attributions\//);
      fs.mkdirSync(path.join(dir, 'text'));
      fs.mkdirSync(path.join(dir, 'attributions'));
      fs.writeFileSync(path.join(dir, 'text', 'a.txt'), 'Text without annotations.');
      expect(() => evaluateDirectory(dir)).toThrow(/no article with both/);
    } finally {
      remove();
    }
  });
});
