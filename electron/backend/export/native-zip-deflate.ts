import zlib from 'node:zlib';
import { type FlateError, Zip, ZipPassThrough } from 'fflate';

/** Text gathered before it is deflated: large enough that little compression is lost at the joins. */
const TEXT_CHUNK = 1 << 21;

/**
 * A zip entry deflated by Node's zlib: several times faster than fflate's JavaScript deflate, and
 * on zlib's own threads, so the export keeps writing while earlier chunks are compressed. Each
 * chunk is deflated on its own and ends in a sync flush, so the pieces join into one valid
 * deflate stream (as pigz does); they are handed to the zip in the order they were pushed.
 * Text is encoded straight into a buffer and deflated two megabytes at a time.
 */
export class NativeZipDeflate extends ZipPassThrough {
  private text: Buffer | null = null;
  private used = 0;
  private compressed: Promise<void> = Promise.resolve();
  private failed = false;

  constructor(filename: string) {
    super(filename);
    this.compression = 8;
    this.crc = 0;
  }

  /** Adds bytes, after any text gathered so far. The bytes must not change afterwards. */
  override push(chunk: Uint8Array, final = false): void {
    if (this.used) this.flushText(false);
    this.deflate(chunk, final);
  }

  /** Adds text as UTF-8. */
  pushText(text: string): void {
    // Three bytes per UTF-16 unit is the most UTF-8 can take.
    if (this.text && this.used + text.length * 3 > this.text.length) this.flushText(false);
    if (text.length * 3 > TEXT_CHUNK) return this.deflate(Buffer.from(text, 'utf8'), false);
    this.text ??= Buffer.allocUnsafe(TEXT_CHUNK);
    this.used += this.text.write(text, this.used, 'utf8');
  }

  /** Deflates the text still gathered and ends the entry. */
  endText(): void {
    this.flushText(true);
  }

  private flushText(final: boolean): void {
    this.deflate(this.text ? this.text.subarray(0, this.used) : new Uint8Array(0), final);
    // The buffer now belongs to the compression under way: the next text gets a new one.
    this.text = null;
    this.used = 0;
  }

  private deflate(chunk: Uint8Array, final: boolean): void {
    this.crc = zlib.crc32(chunk, this.crc);
    this.size += chunk.length;
    const finishFlush = final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH;
    const deflated = new Promise<Buffer>((resolve, reject) => zlib.deflateRaw(chunk, { level: 1, finishFlush }, (error, out) => (error ? reject(error) : resolve(out))));
    deflated.catch(() => undefined); // handled in turn below; not "unhandled" while it waits
    this.compressed = this.compressed.then(async () => {
      if (this.failed) return;
      try {
        this.ondata(null, (await deflated) as Uint8Array<ArrayBuffer>, final);
      } catch (error) {
        this.failed = true;
        // fflate's errors carry a code; zlib's carry theirs as a string, which the zip passes on as it is.
        this.ondata(error as FlateError, null as unknown as Uint8Array<ArrayBuffer>, final);
      }
    });
  }
}

/**
 * A zip streamed into `write`: `fill` adds its entries (synchronously, so what they hold is read
 * in one go); resolves once every entry is compressed and written.
 */
export async function writeZip(write: (chunk: Uint8Array) => void, fill: (add: (name: string) => NativeZipDeflate) => void): Promise<void> {
  let zip!: Zip;
  const written = new Promise<void>((resolve, reject) => {
    zip = new Zip((error, data, final) => {
      if (error) return reject(error);
      write(data);
      if (final) resolve();
    });
  });
  fill((name) => {
    const entry = new NativeZipDeflate(name);
    zip.add(entry);
    return entry;
  });
  zip.end();
  await written;
}
