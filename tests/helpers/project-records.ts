import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli';

/** A project's records as its JSON export has them, without what names the export itself. */
export function projectRecords(projectFile: string, dir: string) {
  const out = path.join(dir, `${path.basename(projectFile)}-${Math.random().toString(36).slice(2)}.json`);
  const result = runCli(['export', '--project', projectFile, '--format', 'json', '--out', out]);
  expect(result.status, result.stderr).toBe(0);
  const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
  // In id order: an import adds articles in its files' order, which need not be the project's.
  const section = (name: string) => (doc[name] as Array<{ id: string }>).sort((a, b) => a.id.localeCompare(b.id)) as any[];
  return { articles: section('articles'), actors: section('actors'), tags: section('tags'), highlights: section('highlights'), claims: section('claims'), links: section('links') };
}
