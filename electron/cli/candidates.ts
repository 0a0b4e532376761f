/** `gainsay candidates`: the project's contradiction and corroboration candidates as JSON lines. */
import fs from 'node:fs';
import path from 'node:path';
import { CandidateIndex, SCORER_VERSION, type CandidateKind, type ListOptions } from '../../shared/assist/candidates';
import { candidateClaims } from '../backend/features/candidates/project-claims';
import { excludedPairs } from '../backend/features/candidates/service';
import { openProject } from './open-project';

export function parseKind(value: string | undefined): CandidateKind | undefined {
  if (value === undefined) return undefined;
  if (value === 'contradicts' || value === 'corroborates') return value;
  throw new Error(`--kind must be contradicts or corroborates, not “${value}”.`);
}

export function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) === 0) throw new Error(`--limit must be a whole number from 1, not “${value}”.`);
  return Number(value);
}

export function runCandidates(projectFile: string, out: string, options: ListOptions): number {
  // Opening a missing project would create an empty one: say so instead.
  if (!fs.existsSync(projectFile)) throw new Error(`there is no project at ${projectFile}.`);
  const backend = openProject(projectFile);
  try {
    const { db } = backend.project;
    // The same pairs left out as in the app: linked ones and dismissed ones.
    const index = new CandidateIndex(candidateClaims(db), excludedPairs(db));
    const candidates = index.list(options);
    const lines = candidates.map(({ a, b, kind, score, reasons }) => JSON.stringify({ a, b, kind, score, reasons }) + '\n');
    // Written beside the target and renamed, so a failed run never leaves half a file.
    const target = path.resolve(out);
    const partial = `${target}.partial`;
    fs.writeFileSync(partial, lines.join(''));
    fs.renameSync(partial, target);
    console.log(`wrote ${candidates.length} candidates from ${index.size} claims of ${backend.project.name} to ${target} (scorer version ${SCORER_VERSION})`);
    return 0;
  } finally {
    backend.close();
  }
}
