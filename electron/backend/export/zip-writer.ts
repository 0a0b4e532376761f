import { PassThrough, type Readable } from 'node:stream';
import yazl from 'yazl';

/** Text gathered before it is handed to the entry's deflate stream: fewer, larger chunks. */
const TEXT_CHUNK = 1 << 21;

/**
 * One entry of a zip being written: bytes and text (as UTF-8) in the order given, then `end()`.
 * yazl deflates each entry with Node's zlib at level 1: a .qdpx is mailed, so it is deflated, but
 * at 100,000 claims level 1 made 17.2 MB where yazl's default (6) made 15.6 MB (1.10x) for about
 * 0.4 s less CPU (levels 2 and 3: 16.9 and 16.7 MB, no cheaper than 1; stored: 82 MB).
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
 * resolves once every entry is compressed and written, rejects on the first error.
 *
 * yazl deflates the entries streamed with `add` one after another, each once those before it
 * are written; bytes given whole to `addBytes` (not to change afterwards) are deflated at once
 * on libuv's threads, meanwhile, and written in their turn.
 */
export async function writeZip(
  write: (chunk: Uint8Array) => void,
  fill: (add: (name: string) => ZipEntry, addFile: (file: string, name: string) => void, addBytes: (name: string, bytes: Buffer) => void) => void | Promise<void>,
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
      zip.addReadStream(stream, name, { compressionLevel: 1 });
      return new ZipEntry(stream);
    },
    (file, name) => zip.addFile(file, name, { compressionLevel: 1 }),
    (name, bytes) => zip.addBuffer(bytes, name, { compressionLevel: 1 }),
  );
  zip.end();
  await finished;
}
