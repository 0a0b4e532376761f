import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { SaxesParser } from 'saxes';
import type { ArticleMeta } from '../../../shared/domain';
import { parseMachineDate } from '../../../shared/text/dates';
import type { Extracted } from './extracted';
import { ImportRefusal } from './refusal';

/** The text of the first element of each of `names` in an XML document (a streaming parse, no DOM). */
function xmlFields(xml: string, names: string[]): Map<string, string> {
  const wanted = new Set(names);
  const found = new Map<string, string>();
  const parser = new SaxesParser();
  let open: string | null = null;
  parser.on('opentag', (tag) => {
    if (open === null && wanted.has(tag.name) && !found.has(tag.name)) {
      open = tag.name;
      found.set(tag.name, '');
    }
  });
  parser.on('text', (text) => {
    if (open !== null) found.set(open, found.get(open)! + text);
  });
  parser.on('closetag', (tag) => {
    if (tag.name === open) open = null;
  });
  parser.write(xml).close();
  return found;
}

/** Title, author and date from docProps/core.xml, where the document has them. */
function coreProperties(bytes: Uint8Array): Partial<ArticleMeta> {
  const files = unzipSync(bytes, { filter: (file) => file.name === 'docProps/core.xml' });
  const core = files['docProps/core.xml'];
  if (!core) return {};
  let fields: Map<string, string>;
  try {
    fields = xmlFields(new TextDecoder().decode(core), ['dc:title', 'dc:creator', 'dc:language', 'dcterms:created']);
  } catch {
    return {}; // the properties are optional: a malformed core.xml leaves the text to import
  }
  const field = (name: string) => fields.get(name)?.trim() ?? '';
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
