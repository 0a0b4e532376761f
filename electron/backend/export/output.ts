import fs from 'node:fs';
import path from 'node:path';
import { GainsayError } from '../../../shared/errors';

/** The temporary name beside a target, in the same folder so the final rename is atomic. */
export function tempBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.partial`);
}

/** Removes a leftover temporary file or folder; one that cannot even be reached is not there. */
export function removeQuietly(target: string): void {
  try {
    fs.rmSync(target, { recursive: true, force: true });
  } catch {
    // ENOTDIR and the like: nothing was created there.
  }
}

export function cannotWrite(target: string, error: unknown): GainsayError {
  const reason = (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message;
  return new GainsayError('invalid_input', `Cannot write ${target}: ${reason}. Nothing was written there.`);
}

/**
 * Writes `produce`'s output to a temporary file and renames it over `target` only when complete:
 * a failed or interrupted export never leaves a partial file behind.
 */
export async function writeFileAtomically(target: string, produce: (write: (chunk: string | Uint8Array) => void) => void | Promise<void>): Promise<void> {
  const resolved = path.resolve(target);
  const temp = tempBeside(resolved);
  let fd: number;
  try {
    fd = fs.openSync(temp, 'wx');
  } catch (error) {
    throw cannotWrite(resolved, error);
  }
  // Chunks are gathered to about 1 MB per write: one system call per record would be slow.
  let pending: Buffer[] = [];
  let size = 0;
  const flush = () => {
    if (size) fs.writeSync(fd, Buffer.concat(pending, size));
    pending = [];
    size = 0;
  };
  try {
    await produce((chunk) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      pending.push(bytes);
      size += bytes.length;
      if (size >= 1 << 20) flush();
    });
    flush();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, resolved);
  } catch (error) {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
    removeQuietly(temp);
    throw error instanceof GainsayError ? error : cannotWrite(resolved, error);
  }
}

/** Like writeFileAtomically for a folder of files: built beside the target, then renamed into place. */
export async function writeFolderAtomically(target: string, produce: (folder: string) => void | Promise<void>): Promise<void> {
  const resolved = path.resolve(target);
  if (fs.existsSync(resolved) && fs.readdirSync(resolved).length > 0) {
    throw new GainsayError('invalid_input', `${resolved} already exists and is not empty; choose a new folder for the export.`);
  }
  const temp = tempBeside(resolved);
  try {
    fs.mkdirSync(temp);
  } catch (error) {
    throw cannotWrite(resolved, error);
  }
  try {
    await produce(temp);
    if (fs.existsSync(resolved)) fs.rmdirSync(resolved);
    fs.renameSync(temp, resolved);
  } catch (error) {
    removeQuietly(temp);
    throw error instanceof GainsayError ? error : cannotWrite(resolved, error);
  }
}
