import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORDED } from '../fixtures/candidates/orlova-valley';
import { buildCandidateProject } from '../helpers/candidate-project';
import { ROOT, runCli } from '../helpers/cli';
import { fileHash } from '../helpers/files';
import { call, tempBackend } from '../helpers/project';

interface Line {
  a: string;
  b: string;
  kind: 'contradicts' | 'corroborates';
  score: number;
  reasons: string[];
}

const readLines = (file: string): Line[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Line);

describe('gainsay candidates', () => {
  let project: ReturnType<typeof tempBackend>;
  let ids: Map<string, string>;
  const key = (x: string, y: string) => [x, y].sort().join('|');

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'node', 'cli.cjs'))) throw new Error('Run `npm run build` before the tests.');
    project = tempBackend();
    ids = await buildCandidateProject(project.backend);
    // One pair the analyst has already linked: it must not come back as a candidate.
    await call(project.backend, 'links.create', { claimA: ids.get('c1'), claimB: ids.get('c5'), kind: 'contradicts', rationaleJson: '', rationaleText: '' });
    // And one the analyst dismissed: never proposed again, by the app or the CLI.
    await call(project.backend, 'candidates.dismiss', { claimA: ids.get('c8'), claimB: ids.get('c17') });
    project.backend.close();
  });
  afterAll(() => project.dispose());

  it('writes the best pairs first, one JSON object per line, finding the recorded contradictions', () => {
    const out = path.join(project.dir, 'candidates.jsonl');
    const result = runCli(['candidates', '--project', project.file, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^wrote \d+ candidates from 40 claims of test to .*candidates\.jsonl \(scorer version 1\)\n$/);
    const lines = readLines(out);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['a', 'b', 'kind', 'score', 'reasons']);
      expect(line.score).toBeGreaterThanOrEqual(0);
      expect(line.score).toBeLessThanOrEqual(1);
      expect(line.reasons.length).toBeGreaterThan(0);
    }
    for (let i = 1; i < lines.length; i++) expect(lines[i - 1]!.score).toBeGreaterThanOrEqual(lines[i]!.score);
    const proposed = new Set(lines.map((line) => key(line.a, line.b)));
    expect(proposed.has(key(ids.get('c1')!, ids.get('c5')!))).toBe(false);
    expect(proposed.has(key(ids.get('c8')!, ids.get('c17')!))).toBe(false);
    // The headline and the body are of one date: which is `a` follows their ids.
    const headline = lines.find((line) => key(line.a, line.b) === key(ids.get('c12')!, ids.get('c13')!))!;
    expect(headline.kind).toBe('contradicts');
    expect(headline.reasons.join(' ')).toContain('Meridian Daily denies (‘rules out pulling’)');

    const leftOut = new Set([key('c1', 'c5'), key('c8', 'c17')]); // linked, dismissed
    const contradictions = RECORDED.filter((link) => link.kind === 'contradicts' && !leftOut.has(key(link.a, link.b)));
    const top = new Set(readTop(project.file, project.dir, 'contradicts', 3 * 15).map((line) => key(line.a, line.b)));
    const found = contradictions.filter((link) => top.has(key(ids.get(link.a)!, ids.get(link.b)!)));
    expect(found.length / contradictions.length).toBeGreaterThanOrEqual(0.75);
  });

  it('keeps to one kind and to the limit', () => {
    const lines = readTop(project.file, project.dir, 'corroborates', 5);
    expect(lines).toHaveLength(5);
    expect(new Set(lines.map((line) => line.kind))).toEqual(new Set(['corroborates']));
  });

  it('refuses bad arguments with one clear line, writing nothing and leaving the project untouched', () => {
    const out = path.join(project.dir, 'refused.jsonl');
    const before = fileHash(project.file);
    const cases: Array<[string[], string]> = [
      [['--kind', 'contradiction'], 'gainsay: --kind must be contradicts or corroborates, not “contradiction”.'],
      [['--limit', '0'], 'gainsay: --limit must be a whole number from 1, not “0”.'],
      [['--limit', 'ten'], 'gainsay: --limit must be a whole number from 1, not “ten”.'],
    ];
    for (const [args, message] of cases) {
      const result = runCli(['candidates', '--project', project.file, '--out', out, ...args]);
      expect(result.status).toBe(1);
      expect(result.stderr.trim()).toBe(message);
    }
    expect(runCli(['candidates', '--project', project.file]).stderr.trim()).toBe('gainsay: candidates needs --out, the .jsonl file to write.');
    const missing = path.join(project.dir, 'missing.gainsay');
    expect(runCli(['candidates', '--project', missing, '--out', out]).stderr.trim()).toBe(`gainsay: there is no project at ${missing}.`);
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.existsSync(out)).toBe(false);
    expect(fileHash(project.file)).toBe(before);
  });
});

function readTop(file: string, dir: string, kind: string, limit: number): Line[] {
  const out = path.join(dir, `${kind}-${limit}.jsonl`);
  const result = runCli(['candidates', '--project', file, '--kind', kind, '--limit', String(limit), '--out', out]);
  if (result.status !== 0) throw new Error(result.stderr);
  return readLines(out);
}
