import zlib from 'node:zlib';
import { ZipPassThrough } from 'fflate';

/** Text gathered before it is deflated: large enough that little compression is lost at the joins. */
const TEXT_CHUNK = 1 << 21;

/**
 * A zip entry deflated by Node's zlib, which is several times faster than fflate's JavaScript
 * deflate, yet synchronous, so an export still reads the project in one go. Each pushed chunk is
 * deflated on its own and ends in a sync flush, so the pieces join into one valid deflate stream
 * (as pigz does). Text is encoded straight into one reused buffer and deflated two megabytes at
 * a time.
 */
export class NativeZipDeflate extends ZipPassThrough {
  private text: Buffer | null = null;
  private used = 0;

  constructor(filename: string) {
    super(filename);
    this.compression = 8;
    this.crc = 0;
  }

  /** Adds bytes, after any text gathered so far. */
  override push(chunk: Uint8Array, final = false): void {
    if (this.used) this.flushText(false);
    this.deflate(chunk, final);
  }

  private deflate(chunk: Uint8Array, final: boolean): void {
    this.crc = zlib.crc32(chunk, this.crc);
    this.size += chunk.length;
    const finishFlush = final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH;
    this.ondata(null, zlib.deflateRawSync(chunk, { level: 1, finishFlush }), final);
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
    this.used = 0;
  }
}
