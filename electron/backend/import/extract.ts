import path from 'node:path';
import { SUPPORTED_EXTENSIONS, sizeRefusal, type ArticleMeta, type SourceKind } from '../../../shared/domain';
import { SENTENCE_WORDS, hasSentence } from '../../../shared/text/has-sentence';
import { normaliseNormalised, normaliseText } from '../../../shared/text/normalise';
import { plainTextMeta } from '../../../shared/text/plain-meta';
import { stripSiteChrome } from '../../../shared/text/site-chrome';
import { declaredCharset, decodeText } from './decode';
import { extractDocx } from './docx';
import type { Extracted } from './extracted';
import { extractHtml } from './html';
import { extractPdf } from './pdf';
import { extractMarkdown, extractPlainText } from './plain';
import { ImportRefusal } from './refusal';

/** An article ready to store: normalised text and complete metadata. */
export interface ReadyArticle {
  text: string;
  meta: ArticleMeta;
  kind: SourceKind;
}

function kindOf(name: string): 'txt' | 'md' | 'html' | 'pdf' | 'docx' | null {
  switch (path.extname(name).toLowerCase()) {
    case '.txt':
    case '.text':
      return 'txt';
    case '.md':
    case '.markdown':
      return 'md';
    case '.html':
    case '.htm':
      return 'html';
    case '.pdf':
      return 'pdf';
    case '.docx':
      return 'docx';
    default:
      return null;
  }
}

async function extract(name: string, bytes: Uint8Array): Promise<Extracted> {
  const kind = kindOf(name);
  if (!kind) {
    // Annotations need their texts and a mapping: a file of them alone is no article.
    const annotations = /\.(jsonld|ann)$/i.test(name) ? ' It holds annotations: import it with Import annotations…, with the texts they belong to.' : '';
    throw new ImportRefusal(`“${name}” is not a supported file type (Gainsay imports ${SUPPORTED_EXTENSIONS.join(', ')}).${annotations}`);
  }
  switch (kind) {
    case 'pdf':
      return extractPdf(bytes, name);
    case 'docx':
      return extractDocx(bytes, name);
    case 'html':
      return extractHtml(decodeText(bytes, name, declaredCharset(bytes)), name);
    case 'md':
      return extractMarkdown(decodeText(bytes, name));
    case 'txt':
      return extractPlainText(decodeText(bytes, name));
  }
}

/**
 * Finishes any extracted text the same way (files and pasted text alike): site chrome removed,
 * normalised, and metadata completed from the text where the source carried none.
 */
export function prepareArticle(extracted: Extracted, fallbackTitle: string, shown: string): ReadyArticle {
  const normalised = normaliseText(extracted.text);
  const stripped = stripSiteChrome(normalised);
  // Removing lines can leave blank lines to collapse; with every line kept, a second pass is
  // needed only where the first could not finish (normaliseNormalised).
  const text = stripped === normalised ? normaliseNormalised(normalised) : normaliseText(stripped);
  if (!text) {
    throw new ImportRefusal(
      extracted.kind === 'html' ? `“${shown}” has no article text that Gainsay could find.` : `“${shown}” contains no text.`,
    );
  }
  const found = plainTextMeta(text, fallbackTitle);
  const given = extracted.meta;
  return {
    text,
    kind: extracted.kind,
    meta: {
      title: given.title || found.title,
      outlet: given.outlet || found.outlet,
      author: given.author || found.author,
      publishedAt: given.publishedAt ?? found.publishedAt,
      url: given.url || found.url,
      language: given.language || found.language,
    },
  };
}

/** Reads one file's bytes into an article, or throws ImportRefusal with the one-line reason. */
export async function readArticle(name: string, bytes: Uint8Array): Promise<ReadyArticle> {
  if (bytes.length === 0) throw new ImportRefusal(`“${name}” is empty.`);
  const tooLarge = sizeRefusal(name, bytes.length);
  if (tooLarge) throw new ImportRefusal(tooLarge);
  const title = path.basename(name).replace(/\.[^.]+$/, '');
  const article = prepareArticle(await extract(name, bytes), title, name);
  // Files only: pasted text is what the analyst chose to keep, however short.
  if (!hasSentence(article.text)) {
    throw new ImportRefusal(`“${name}” has no sentence (${SENTENCE_WORDS} or more words in a row), so it is not taken for an article.`);
  }
  return article;
}
