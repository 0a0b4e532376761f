import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** A file's bytes as a hash, to show a file was left byte-for-byte untouched. */
export function fileHash(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
