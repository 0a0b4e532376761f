import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { openProjectDatabase } from '../../electron/backend/db/open';
import { GainsayError } from '../../shared/errors';
import { fileHash } from './files';

/** The bytes of a project file and of its WAL, to show a refused file was left exactly as it came. */
export function fileAndWal(file: string): string {
  return [file, `${file}-wal`].map((f) => (fs.existsSync(f) ? fileHash(f) : '-')).join(' ');
}

/**
 * Opens a file expecting a refusal with `code`; checks the file, its WAL and its folder were left
 * exactly as they were, and returns the error for its message to be checked.
 */
export function expectOpenRefused(file: string, code: string, label = path.basename(file)): GainsayError {
  const before = fileAndWal(file);
  const siblings = fs.readdirSync(path.dirname(file)).sort();
  let thrown: unknown;
  try {
    openProjectDatabase(file).close();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, label).toBeInstanceOf(GainsayError);
  expect((thrown as GainsayError).code, label).toBe(code);
  expect(fileAndWal(file), label).toBe(before);
  expect(fs.readdirSync(path.dirname(file)).sort(), label).toEqual(siblings);
  return thrown as GainsayError;
}
