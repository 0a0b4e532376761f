import type { ArticleMeta } from '../domain';
import { findDate } from './dates';

/** Lines near the top that carry metadata rather than the headline. */
const BYLINE = /^by\s+(.+)$/iu;
const SOURCE_LINE = /^(?:source|published by|outlet)\s*:\s*(.+)$/iu;
const DATE_LINE = /^(?:published|updated|posted|date)?\s*:?\s*.*\d{4}.*$/iu;
/** "KYIV (Northern Wire) —" at the start of the first body paragraph. */
const DATELINE_OUTLET = /^[\p{Lu}][\p{Lu}\s.'’-]{1,40},?\s*\(([^)]{2,60})\)\s*[-–—]/u;

const MAX_HEADLINE = 250;

function looksLikeDateLine(line: string): boolean {
  return line.length <= 80 && DATE_LINE.test(line) && findDate(line) !== null;
}

/**
 * Metadata from a plain-text article whose site chrome has already been removed: the headline is
 * the first line that is not a byline, date or source line; the byline, date and outlet come from
 * the lines around it and from a news dateline.
 */
export function plainTextMeta(text: string, fallbackTitle: string): ArticleMeta {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const meta: ArticleMeta = { title: '', outlet: '', author: '', publishedAt: null, url: '', language: '' };
  for (const line of lines.slice(0, 12)) {
    const byline = BYLINE.exec(line);
    const source = SOURCE_LINE.exec(line);
    if (byline && line.length <= 120) {
      const [author, outlet] = byline[1]!.split(/\s*[|,]\s*/u);
      meta.author ||= author!.trim();
      if (outlet) meta.outlet ||= outlet.trim();
    } else if (source) {
      meta.outlet ||= source[1]!.trim();
    } else if (looksLikeDateLine(line)) {
      meta.publishedAt ??= findDate(line);
    } else if (/^https?:\/\/\S+$/iu.test(line)) {
      meta.url ||= line;
    } else if (!meta.title && line.length <= MAX_HEADLINE) {
      meta.title = line;
    } else {
      const dateline = DATELINE_OUTLET.exec(line);
      if (dateline) meta.outlet ||= dateline[1]!.trim();
    }
  }
  meta.title ||= fallbackTitle;
  return meta;
}
