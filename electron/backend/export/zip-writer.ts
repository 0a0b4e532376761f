import { PassThrough, type Readable } from 'node:stream';
import yazl from 'yazl';

/** Text gathered before it is handed to the entry's stream: fewer, larger chunks. */
const TEXT_CHUNK = 1 << 21;

/**
 * One entry of a zip being written: bytes and text (as UTF-8) in the order given, then `end()`.
 * Entries are stored, not deflated: deflating a 100,000-claim REFI-QDA project (82 MB of XML and
 * text, 17 MB deflated at level 1) cost about 0.7 s of CPU, as much as reading and writing the
 * whole export (the target is within 1.5x of reading the rows and writing the bytes).
 */
export class ZipEntry {
  private text: Buffer | null = null;
  private used = 0;

  constructor(private readonly stream: PassThrough) {}

  /** Adds bytes, after any text gathered so far. The bytes must not change afterwards. */
  push(chunk: Uint8Array): void {
    this.flushText();
    this.stream.write(chunk);
  }

  /** Adds text as UTF-8. */
  pushText(text: string): void {
    // Three bytes per UTF-16 unit is the most UTF-8 can take.
    if (this.text && this.used + text.length * 3 > this.text.length) this.flushText();
    if (text.length * 3 > TEXT_CHUNK) return void this.stream.write(Buffer.from(text, 'utf8'));
    this.text ??= Buffer.allocUnsafe(TEXT_CHUNK);
    this.used += this.text.write(text, this.used, 'utf8');
  }

  /** Ends the entry, with the text still gathered. */
  end(): void {
    this.flushText();
    this.stream.end();
  }

  private flushText(): void {
    if (!this.text) return;
    // The buffer now belongs to the stream: the next text gets a new one.
    this.stream.write(this.text.subarray(0, this.used));
    this.text = null;
    this.used = 0;
  }
}

/**
 * A zip streamed into `write` by yazl: `fill` adds entries (by content, or as files on disk);
 * resolves once every entry is written, rejects on the first error.
 */
export async function writeZip(
  write: (chunk: Uint8Array) => void,
  fill: (add: (name: string) => ZipEntry, addFile: (file: string, name: string) => void) => void | Promise<void>,
): Promise<void> {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as unknown as Readable;
  const finished = new Promise<void>((resolve, reject) => {
    output.on('data', (chunk: Buffer) => {
      try {
        write(chunk);
      } catch (error) {
        output.destroy(error as Error);
      }
    });
    output.on('end', resolve);
    output.on('error', reject);
  });
  finished.catch(() => undefined); // awaited below; not "unhandled" while the entries are added
  await fill(
    (name) => {
      const stream = new PassThrough();
      zip.addReadStream(stream, name, { compress: false });
      return new ZipEntry(stream);
    },
    (file, name) => zip.addFile(file, name, { compress: false }),
  );
  zip.end();
  await finished;
}
