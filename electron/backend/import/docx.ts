import { unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import mammoth from 'mammoth';
import type { ArticleMeta } from '../../../shared/domain';
import { parseMachineDate } from '../../../shared/text/dates';
import type { Extracted } from './extracted';
import { ImportRefusal } from './refusal';

/** Title, author and date from docProps/core.xml, where the document has them. */
function coreProperties(bytes: Uint8Array): Partial<ArticleMeta> {
  const files = unzipSync(bytes, { filter: (file) => file.name === 'docProps/core.xml' });
  const core = files['docProps/core.xml'];
  if (!core) return {};
  const { document } = new JSDOM(new TextDecoder().decode(core), { contentType: 'text/xml' }).window;
  const field = (name: string) => document.getElementsByTagName(name)[0]?.textContent?.trim() ?? '';
  return {
    title: field('dc:title'),
    author: field('dc:creator'),
    language: field('dc:language'),
    publishedAt: parseMachineDate(field('dcterms:created')),
  };
}

/** The paragraphs of a Word document (.docx), as plain text. */
export async function extractDocx(bytes: Uint8Array, shown: string): Promise<Extracted> {
  let text: string;
  let meta: Partial<ArticleMeta>;
  try {
    meta = coreProperties(bytes);
    text = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw new ImportRefusal(`“${shown}” is not a readable Word document (the file is damaged or not a .docx).`);
  }
  if (!text.trim()) throw new ImportRefusal(`“${shown}” contains no text.`);
  return { text, meta, kind: 'docx' };
}
