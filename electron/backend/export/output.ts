import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GainsayError } from '../../../shared/errors';
import { hasDiskFullCode } from '../disk-full';

/**
 * Temporary names say whose they are: `.NAME.gainsay-export.HOST.PID.RANDOM.partial` beside NAME
 * (in the same folder, so the final rename is atomic). An export killed before its rename leaves
 * one behind; the next export to NAME from the same computer removes those whose process has
 * ended, and nothing else (a process id means nothing on another computer sharing the folder).
 * SQLite may add -journal, -wal or -shm to a copy's temporary name.
 */
const TEMP_MARK = 'gainsay-export';
const HOST = os.hostname().replace(/[^A-Za-z0-9]/g, '') || 'host';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const leftoverPattern = (name: string) => new RegExp(`^\\.${escapeRegExp(name)}\\.${TEMP_MARK}\\.${HOST}\\.(\\d+)\\.[0-9a-f]+\\.partial(?:-journal|-wal|-shm)?$`);

/** Whether a process with this id is running (one we may not signal is running). */
export function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes a leftover temporary file or folder; one that cannot even be reached is not there. */
export function removeQuietly(target: string): void {
  try {
    fs.rmSync(target, { recursive: true, force: true });
  } catch {
    // ENOTDIR and the like: nothing was created there.
  }
}

/** Removes what interrupted exports to `target` left beside it (never a running export's files). */
export function removeLeftovers(target: string): void {
  const pattern = leftoverPattern(path.basename(target));
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(target));
  } catch {
    return; // no folder yet: nothing left there; writing will say why it cannot
  }
  for (const name of names) {
    const owner = pattern.exec(name)?.[1];
    if (owner && !processIsRunning(Number(owner))) removeQuietly(path.join(path.dirname(target), name));
  }
}

/** A fresh temporary name beside `target`, after removing what interrupted exports left there. */
export function tempBeside(target: string): string {
  removeLeftovers(target);
  return path.join(path.dirname(target), `.${path.basename(target)}.${TEMP_MARK}.${HOST}.${process.pid}.${randomBytes(6).toString('hex')}.partial`);
}

/** The one line an export that ran out of disk space ends with, wherever it was writing. */
export class DiskFullError extends GainsayError {
  constructor(target: string | null) {
    super('disk_full', `The disk is full: nothing was exported${target ? ` to ${target}` : ''}, and the project is intact.`);
  }
}

export function isDiskFull(error: unknown): boolean {
  return error instanceof DiskFullError || hasDiskFullCode(error);
}

export function cannotWrite(target: string, error: unknown): GainsayError {
  if (isDiskFull(error)) return new DiskFullError(target);
  const reason = (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message;
  return new GainsayError('invalid_input', `Cannot write ${target}: ${reason}. Nothing was written there.`);
}

/** Closes a file descriptor that may already be closed. */
function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // already closed
  }
}

/**
 * Writes all of `bytes`. write(2) may write less than asked and still succeed, as it does when
 * the disk fills: the rest is written by further calls, the first of which then fails (ENOSPC)
 * instead of leaving a silently shortened file. A call that writes nothing is an error too.
 */
function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) {
    const written = fs.writeSync(fd, bytes, offset);
    if (written <= 0) throw Object.assign(new Error('the disk accepted no more bytes'), { code: 'ENOSPC' });
    offset += written;
  }
}

/**
 * Told of every piece an export writes (the file it is for, and its size); it may throw to stop
 * the export, which then removes what it had begun. Set only inside an export worker, which runs
 * one export and reports its progress through this (see jobs/export-worker.ts).
 */
export type WriteObserver = (file: string, bytes: number) => void;
let observer: WriteObserver | null = null;

export function observeWrites(watch: WriteObserver | null): void {
  observer = watch;
}

/** Writes a whole file of an export being built in a temporary folder (brat's files). */
export function writeWhole(file: string, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  observer?.(path.basename(file), bytes.length);
  fs.writeFileSync(file, bytes);
}

/** Bytes gathered before a write: one system call per record would be slow. */
const BLOCK_SIZE = 1 << 20;
/** UTF-8 takes at most 3 bytes per UTF-16 unit (a pair's 4 bytes are 2 units' worth). */
const MAX_UTF8_PER_UNIT = 3;

/**
 * Gathers an export's chunks into one reused block of about 1 MB, written whole when full.
 * Text is encoded straight into the block: building long strings and converting each to a new
 * Buffer cost more (V8 first flattens a string built by concatenation, then copies it again).
 */
class OutputBlock {
  private readonly bytes = Buffer.allocUnsafe(BLOCK_SIZE);
  private size = 0;

  constructor(private readonly write: (bytes: Buffer) => void) {}

  /** Adds a chunk; returns its size in bytes. */
  add(chunk: string | Uint8Array): number {
    if (typeof chunk === 'string') {
      if (this.size + chunk.length * MAX_UTF8_PER_UNIT <= BLOCK_SIZE) {
        const written = this.bytes.write(chunk, this.size, 'utf8');
        this.size += written;
        return written;
      }
      return this.addBytes(Buffer.from(chunk, 'utf8'));
    }
    return this.addBytes(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }

  private addBytes(bytes: Buffer): number {
    if (this.size + bytes.length > BLOCK_SIZE) this.flush();
    if (bytes.length > BLOCK_SIZE) this.write(bytes);
    else this.size += bytes.copy(this.bytes, this.size);
    return bytes.length;
  }

  /** Writes what was gathered; the block is then reused (the write is synchronous). */
  flush(): void {
    if (this.size) this.write(this.bytes.subarray(0, this.size));
    this.size = 0;
  }
}

export type Produce = (write: (chunk: string | Uint8Array) => void) => void | Promise<void>;

/**
 * A temporary file with all of its output written. `onDisk` settles once the file is on disk
 * and closed, with null or the error that kept it from being so: it never rejects, as it is
 * waited for only after the files that follow it are made (see writeFilesTogether).
 */
interface Temporary {
  temp: string;
  onDisk: Promise<unknown>;
}

/** Flushes the file to disk on libuv's threads, then closes it. */
function syncAndClose(fd: number): Promise<unknown> {
  return new Promise((resolve) =>
    fs.fsync(fd, (error) => {
      if (error) {
        closeQuietly(fd);
        return resolve(error);
      }
      fs.close(fd, (closeError) => resolve(closeError ?? null));
    }),
  );
}

/** Writes `produce`'s output to a new temporary file beside `target`, and starts putting it on disk. */
async function writeTemporary(target: string, produce: Produce): Promise<Temporary> {
  const temp = tempBeside(target);
  let fd: number;
  try {
    fd = fs.openSync(temp, 'wx');
  } catch (error) {
    throw cannotWrite(target, error);
  }
  const block = new OutputBlock((bytes) => writeAll(fd, bytes));
  try {
    const name = path.basename(target);
    await produce((chunk) => {
      const size = block.add(chunk);
      observer?.(name, size);
    });
    block.flush();
  } catch (error) {
    closeQuietly(fd);
    removeQuietly(temp);
    throw error instanceof GainsayError ? error : cannotWrite(target, error);
  }
  return { temp, onDisk: syncAndClose(fd) };
}

/**
 * Writes `produce`'s output to a temporary file and renames it over `target` only when complete:
 * a failed or interrupted export never leaves a partial file behind.
 */
export async function writeFileAtomically(target: string, produce: Produce): Promise<void> {
  await writeFilesTogether([{ target, produce }]);
}

/**
 * Like writeFileAtomically for files that belong together (the report's HTML and Markdown, CSV's
 * tables): all are written to temporaries first, one after the other (a file's `produce` may use
 * what an earlier one's gathered), then renamed into place; if a rename fails, the ones already
 * renamed are removed, so they appear together or not at all. A file is put on disk (fsync) by
 * libuv's threads while the next is made.
 */
export async function writeFilesTogether(files: Array<{ target: string; produce: Produce }>): Promise<void> {
  const temps: Array<Temporary & { target: string }> = [];
  const removeTemps = async () => {
    // Closed first: Windows cannot remove a file that is open.
    await Promise.all(temps.map((t) => t.onDisk));
    for (const { temp } of temps) removeQuietly(temp);
  };
  try {
    for (const file of files) {
      const target = path.resolve(file.target);
      temps.push({ ...(await writeTemporary(target, file.produce)), target });
    }
  } catch (error) {
    await removeTemps();
    throw error;
  }
  const failures = await Promise.all(temps.map((t) => t.onDisk));
  const failed = failures.findIndex((failure) => failure !== null);
  if (failed !== -1) {
    await removeTemps();
    throw cannotWrite(temps[failed]!.target, failures[failed]);
  }
  const renamed: string[] = [];
  for (const { temp, target } of temps) {
    try {
      fs.renameSync(temp, target);
      renamed.push(target);
    } catch (error) {
      for (const done of renamed) removeQuietly(done);
      for (const left of temps) removeQuietly(left.temp);
      throw cannotWrite(target, error);
    }
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
    // A full disk names the folder asked for, not the temporary one a file inside was going to.
    throw error instanceof GainsayError && !isDiskFull(error) ? error : cannotWrite(resolved, error);
  }
}
