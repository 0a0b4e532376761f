import type { ArticleMeta } from '../../../shared/domain';
import { withoutHeadingMarks } from '../../../shared/text/blocks';
import { parseMachineDate } from '../../../shared/text/dates';
import type { Extracted } from './extracted';

/** `key: value` lines of a Markdown front-matter block. Only flat string values are read. */
function frontMatter(block: string): Partial<ArticleMeta> {
  const values: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const match = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line);
    if (match) values[match[1]!.toLowerCase()] = match[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return {
    title: values.title ?? '',
    outlet: values.outlet ?? values.source ?? values.publisher ?? '',
    author: values.author ?? '',
    publishedAt: parseMachineDate(values.date ?? values.published ?? null),
    url: values.url ?? values.link ?? '',
    language: values.lang ?? values.language ?? '',
  };
}

/** Markdown is kept as written; front matter becomes metadata and the first `# ` heading the title. */
export function extractMarkdown(source: string): Extracted {
  let text = source.replace(/\r\n?/g, '\n');
  let meta: Partial<ArticleMeta> = {};
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (front) {
    meta = frontMatter(front[1]!);
    text = text.slice(front[0].length);
  }
  const heading = /^#[ \t]+\S.*$/m.exec(text);
  if (heading && !meta.title) meta.title = withoutHeadingMarks(heading[0]);
  return { text, meta, kind: 'md' };
}

export function extractPlainText(source: string): Extracted {
  return { text: source, meta: {}, kind: 'txt' };
}
