import type { ArticleMeta } from '../domain';
import { findDate } from './dates';

/** Where in the text a metadata field was read, shown beside it ("outlet from dateline"). */
export type MetaSource = 'byline' | 'source line' | 'outlet line' | 'dateline' | 'date line';

export interface PlainTextFindings {
  meta: ArticleMeta;
  found: Partial<Record<'outlet' | 'author' | 'publishedAt', MetaSource>>;
}

/** Lines near the top that carry metadata rather than the headline. */
const BYLINE = /^(?:by|written by|author\s*:)\s+(.+)$/iu;
const SOURCE_LINE = /^(?:source|published by|outlet|publisher)\s*:\s*(.+)$/iu;
const DATE_LINE = /^(?:published|updated|posted|date)?\s*:?\s*.*\d{4}.*$/iu;
/**
 * A news dateline opening a paragraph: "KYIV (Northern Wire) —", "MOSCOW, Nov 10 (Reuters) –",
 * "MOSCOW, November 10. /TASS/." or a bare "(Reuters) -". The place is in capitals; a day and
 * month may follow it (no year, so the date is not taken from it).
 */
const PLACE = String.raw`[\p{Lu}][\p{Lu}\s.'’-]{1,40}`;
const DAY_MONTH = String.raw`(?:,?\s*[\p{L}]{3,9}\.?\s+\d{1,2}\.?)?`;
const DATELINE_BRACKETS = new RegExp(String.raw`^(?:${PLACE}${DAY_MONTH},?\s*)?\(([^()\n]{2,60})\)\s*[-–—]`, 'u');
const DATELINE_SLASHES = new RegExp(String.raw`^${PLACE}${DAY_MONTH}\s*/([\p{L}][\p{L}\s.&-]{1,30})/`, 'u');
/**
 * A line that is only an outlet's name: a known agency, or (below the headline) a short
 * capitalised name ending in a word news organisations are named with ("Anadolu Agency",
 * "The Harbour Times").
 */
const KNOWN_OUTLETS = /^(?:Reuters|AFP|Agence France-Presse|AP|Associated Press|TASS|Interfax|RIA Novosti|Xinhua|Anadolu Agency|dpa|EFE|ANSA|Kyodo|Yonhap|UNIAN|Ukrinform|BBC News|Al Jazeera)$/u;
const OUTLET_NAME = /^(?:The\s+)?(?:[\p{Lu}][\p{L}’'&.-]*\s+){0,4}(?:Agency|News|Newswire|Wire|Times|Post|Herald|Gazette|Tribune|Journal|Press|Telegraph|Daily|Radio|Television|Broadcasting|Chronicle|Observer|Monitor|Courier|Dispatch)$/u;

const MAX_HEADLINE = 250;
/** Only the top of an article is read, so a huge paste costs no more than a small one. */
const HEAD_CHARS = 6000;
const MAX_LINE = 600;

function looksLikeDateLine(line: string): boolean {
  return line.length <= 80 && DATE_LINE.test(line) && findDate(line) !== null;
}

/** Markdown's heading marks and emphasis around a metadata line ("*By Ana Ruiz*", "**Published** …"). */
function withoutMarkdown(line: string): string {
  return line.replace(/^#{1,6}\s+/u, '').replace(/(\*\*|__|\*|_)(.+?)\1/gu, '$2').trim();
}

function datelineOutlet(line: string): { outlet: string } | null {
  const match = DATELINE_BRACKETS.exec(line) ?? DATELINE_SLASHES.exec(line);
  return match ? { outlet: match[1]!.trim() } : null;
}

/**
 * Metadata from a plain-text article whose site chrome has already been removed, with where each
 * field was found: the headline is the first line that is not a byline, date, source or outlet
 * line; the byline, date and outlet come from the lines around it and from a news dateline.
 * Nothing is guessed beyond what the text says.
 */
export function plainTextFindings(text: string, fallbackTitle: string): PlainTextFindings {
  const lines = text
    .slice(0, HEAD_CHARS)
    .split('\n')
    .map((line) => withoutMarkdown(line.slice(0, MAX_LINE)))
    .filter(Boolean);
  const meta: ArticleMeta = { title: '', outlet: '', author: '', publishedAt: null, url: '', language: '' };
  const found: PlainTextFindings['found'] = {};
  const setOutlet = (outlet: string, source: MetaSource) => {
    if (meta.outlet || !outlet) return;
    meta.outlet = outlet;
    found.outlet = source;
  };
  for (const line of lines.slice(0, 12)) {
    const byline = BYLINE.exec(line);
    const source = SOURCE_LINE.exec(line);
    const dateline = datelineOutlet(line);
    if (byline && line.length <= 120) {
      const [author, outlet] = byline[1]!.split(/\s*[|,]\s*/u);
      if (!meta.author && author) {
        meta.author = author.trim();
        found.author = 'byline';
      }
      if (outlet) setOutlet(outlet.trim(), 'byline');
    } else if (source) {
      setOutlet(source[1]!.trim(), 'source line');
    } else if (looksLikeDateLine(line)) {
      if (meta.publishedAt === null) {
        meta.publishedAt = findDate(line);
        found.publishedAt = 'date line';
      }
    } else if (/^https?:\/\/\S+$/iu.test(line)) {
      meta.url ||= line;
    } else if (line.length <= 60 && (KNOWN_OUTLETS.test(line) || (meta.title && OUTLET_NAME.test(line)))) {
      // A name-shaped line counts only after the headline: a title-case headline can end in "Press".
      setOutlet(line, 'outlet line');
    } else if (dateline) {
      setOutlet(dateline.outlet, 'dateline');
    } else if (!meta.title && line.length <= MAX_HEADLINE) {
      meta.title = line;
    }
  }
  meta.title ||= fallbackTitle;
  return { meta, found };
}

export function plainTextMeta(text: string, fallbackTitle: string): ArticleMeta {
  return plainTextFindings(text, fallbackTitle).meta;
}
