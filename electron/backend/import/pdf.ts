import type { Extracted } from './extracted';
import { ImportRefusal } from './refusal';
import { parseMachineDate } from '../../../shared/text/dates';

interface TextItem {
  str: string;
  hasEOL: boolean;
}

/** PDF.js's date format: D:YYYYMMDDHHmmSS... */
function pdfDate(value: unknown): string | null {
  const match = typeof value === 'string' ? /^D:(\d{4})(\d{2})(\d{2})/.exec(value) : null;
  return match ? parseMachineDate(`${match[1]}-${match[2]}-${match[3]}`) : null;
}

/**
 * The text layer of a PDF, page by page (pages become paragraphs, line ends become line breaks).
 * A PDF without a text layer (a scan) or with a password is refused with the reason.
 */
export async function extractPdf(bytes: Uint8Array, shown: string): Promise<Extracted> {
  // PDF.js is an ES module; loaded on first use so the CLI and server start fast.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') {
      throw new ImportRefusal(`“${shown}” is protected by a password; remove the password and import it again.`);
    }
    throw new ImportRefusal(`“${shown}” is not a readable PDF (${(error as Error).message}).`);
  }
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items as TextItem[]) {
        if (typeof item.str !== 'string') continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text.trim());
      page.cleanup();
    }
    const text = pages.filter(Boolean).join('\n\n');
    if (!text.trim()) {
      throw new ImportRefusal(`“${shown}” has no text layer (it may be a scanned image); run OCR on it first.`);
    }
    const info = (await document.getMetadata()).info as Record<string, unknown>;
    return {
      text,
      kind: 'pdf',
      meta: {
        title: typeof info.Title === 'string' ? info.Title.trim() : '',
        author: typeof info.Author === 'string' ? info.Author.trim() : '',
        publishedAt: pdfDate(info.CreationDate),
      },
    };
  } finally {
    await document.destroy();
  }
}
