import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import type { JSDOM } from 'jsdom';
import type { ArticleMeta } from '../../../shared/domain';
import { parseMachineDate } from '../../../shared/text/dates';
import { hasSentence } from '../../../shared/text/has-sentence';
import { stripSiteChrome } from '../../../shared/text/site-chrome';
import { ImportRefusal } from './refusal';
import type { Extracted } from './extracted';

/** Elements whose content starts a new paragraph in the stored text (HTML's block-level elements). */
const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'MAIN', 'NAV', 'ADDRESS', 'BLOCKQUOTE', 'PRE',
  'LI', 'UL', 'OL', 'MENU', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HGROUP', 'FIGURE', 'TABLE', 'CAPTION', 'TR',
  'DL', 'DT', 'DD', 'HR', 'FORM', 'FIELDSET', 'LEGEND', 'DETAILS', 'SUMMARY', 'DIALOG', 'SEARCH',
]);

/** Inline elements whose neighbours are separate words: table cells, a form's labels and controls. */
const WORD_APART = new Set(['TD', 'TH', 'LABEL', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA', 'OUTPUT', 'METER', 'PROGRESS']);

/**
 * Left out with their content: a photo's caption describes the picture, not what was reported, and
 * often ends in a credit ("Photo: Reuters/…") that would read as an attribution.
 */
const LEFT_OUT = new Set(['FIGCAPTION']);

/** Plain text of sanitised HTML: one paragraph per block element, <br> as a line break. */
function blockText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/[ \t\n\r\f]+/g, ' ').replace(/ *\u2028 */g, '\n').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const name = (node as Element).tagName;
    if (LEFT_OUT.has(name)) return;
    if (name === 'BR') {
      current += '\u2028';
      return;
    }
    const block = BLOCKS.has(name);
    const apart = WORD_APART.has(name);
    if (block) flush();
    if (apart) current += ' ';
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
    if (apart) current += ' ';
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

function metaContent(document: Document, ...selectors: string[]): string {
  for (const selector of selectors) {
    const element = document.querySelector(selector);
    const value = element?.getAttribute('content') ?? element?.getAttribute('href') ?? element?.getAttribute('datetime');
    if (value?.trim()) return value.trim();
  }
  return '';
}

function httpUrl(value: string): string {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

/**
 * Keeps only the article body of a web page (Readability drops navigation, ads, share widgets,
 * comments; scripts never run), sanitises it with DOMPurify and stores it as plain text.
 * Metadata comes from OpenGraph / article meta tags, then from what Readability found.
 */
export async function extractHtml(html: string, shown: string): Promise<Extracted> {
  // jsdom is loaded on the first web page imported, not when the app starts (it takes most of a
  // second to load). One window for parsing, Readability and DOMPurify, closed however the import ends.
  const { JSDOM } = await import('jsdom');
  const dom = new JSDOM(html);
  try {
    return extractFrom(dom.window, shown);
  } finally {
    dom.window.close();
  }
}

function extractFrom(window: JSDOM['window'], shown: string): Extracted {
  const { document } = window;
  const meta: ArticleMeta = {
    title: metaContent(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]'),
    outlet: metaContent(document, 'meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="publisher"]'),
    author: metaContent(document, 'meta[name="author"]', 'meta[property="article:author"]'),
    publishedAt: parseMachineDate(
      metaContent(document, 'meta[property="article:published_time"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]', 'time[datetime]'),
    ),
    url: httpUrl(metaContent(document, 'link[rel="canonical"]', 'meta[property="og:url"]')),
    language: (document.documentElement.getAttribute('lang') ?? metaContent(document, 'meta[property="og:locale"]')).trim(),
  };
  const article = new Readability(document, { keepClasses: false }).parse();
  if (!article?.content) throw new ImportRefusal(`“${shown}” has no article text that Gainsay could find.`);

  const clean = createDOMPurify(window).sanitize(article.content, { RETURN_DOM: true }) as unknown as Node;
  // Chrome is taken off before the headline is put in front, while it is still at the top (a
  // cookie banner above the article) where stripSiteChrome looks for it.
  let text = stripSiteChrome(blockText(clean));
  meta.title ||= (article.title ?? '').trim();
  meta.author ||= (article.byline ?? '').replace(/^by\s+/i, '').trim();
  meta.outlet ||= (article.siteName ?? '').trim();
  meta.publishedAt ??= parseMachineDate(article.publishedTime);
  meta.language ||= (article.lang ?? '').trim();
  // A page with no sentence of its own (a contact form, a list of links) is no article, even
  // when its title would read as one.
  if (!hasSentence(text)) throw new ImportRefusal(`“${shown}” has no article text that Gainsay could find.`);
  // The headline is part of what was published (and may contradict the body), so it is kept as
  // the first paragraph when Readability left it out.
  if (meta.title && !text.startsWith(meta.title)) text = `${meta.title}\n\n${text}`;
  return { text, meta, kind: 'html' };
}
