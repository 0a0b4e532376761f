/**
 * `npm run eval:attribution -- DIR`: runs the attribution extractor over a folder laid out like a
 * PolNeAR split (text/NAME.txt, attributions/NAME.ann or NAME_ANNOTATOR.ann) and scores it. Where
 * an article has several annotators' files, the first by name is the gold standard.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractAttributions } from '../../shared/assist/attribution/extract';
import { emptyScores, f1, parseBratAttributions, precision, recall, scoreArticle, type Counts, type Scores } from '../../shared/assist/attribution/evaluate';
import { EXTRACTOR_VERSION } from '../../shared/assist/attribution/version';

export interface Evaluation {
  articles: number;
  bytes: number;
  /** Extraction time of the scored pass (the first, JIT compilation included). */
  seconds: number;
  /** Extraction time of a second pass over the same texts, once compiled. */
  warmSeconds: number;
  scores: Scores;
}

export const TARGETS = { contentF1: 0.6, sourceAccuracy: 0.8, directF1: 0.85, kbPerSecond: 200 };

export function evaluateDirectory(dir: string): Evaluation {
  const textDir = path.join(dir, 'text');
  const annDir = path.join(dir, 'attributions');
  if (!fs.existsSync(textDir) || !fs.existsSync(annDir)) throw new Error(`${dir} needs text/ and attributions/ folders, like a PolNeAR split.`);
  const annFiles = fs.readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const articles: { text: string; ann: string }[] = [];
  for (const file of fs.readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.slice(0, -'.txt'.length);
    const ann = annFiles.find((a) => a === `${name}.ann` || (a.startsWith(`${name}_`) && /^_[0-9a-z]+\.ann$/i.test(a.slice(name.length))));
    if (!ann) continue;
    articles.push({ text: fs.readFileSync(path.join(textDir, file), 'utf8'), ann: fs.readFileSync(path.join(annDir, ann), 'utf8') });
  }
  if (articles.length === 0) throw new Error(`${dir} has no article with both a text and an annotation file.`);

  extractAttributions('Warm-up: the model loads once, he said.', []);
  const scores = emptyScores();
  let seconds = 0;
  let bytes = 0;
  for (const article of articles) {
    const started = performance.now();
    const { suggestions } = extractAttributions(article.text, []);
    seconds += (performance.now() - started) / 1000;
    bytes += Buffer.byteLength(article.text, 'utf8');
    scoreArticle(scores, suggestions, parseBratAttributions(article.ann), article.text);
  }
  const warmStarted = performance.now();
  for (const article of articles) extractAttributions(article.text, []);
  const warmSeconds = (performance.now() - warmStarted) / 1000;
  return { articles: articles.length, bytes, seconds, warmSeconds, scores };
}

const fixed = (x: number) => x.toFixed(3);
const prf = (c: Counts) => `${fixed(precision(c))} / ${fixed(recall(c))} / ${fixed(f1(c))}`;

export function formatEvaluation(dir: string, e: Evaluation): string {
  const s = e.scores;
  const sourceAccuracy = s.source.judged === 0 ? 0 : s.source.right / s.source.judged;
  const kbs = e.bytes / 1024 / e.seconds;
  const warmKbs = e.bytes / 1024 / e.warmSeconds;
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const rows: [string, string, string, string][] = [
    ['content P / R / F1, overlap ≥ 50%', prf(s.content), `F1 ≥ ${TARGETS.contentF1}`, verdict(f1(s.content) >= TARGETS.contentF1)],
    ['content P / R / F1, exact', prf(s.contentExact), '', ''],
    ['direct quotes P / R / F1, overlap ≥ 50%', prf(s.direct), `F1 ≥ ${TARGETS.directF1}`, verdict(f1(s.direct) >= TARGETS.directF1)],
    ['source right on matched contents', `${fixed(sourceAccuracy)} (${s.source.right}/${s.source.judged})`, `≥ ${TARGETS.sourceAccuracy}`, verdict(sourceAccuracy >= TARGETS.sourceAccuracy)],
    ['cue P / R / F1, overlap ≥ 50%', prf(s.cue), '', ''],
    ['speed, one core: first pass, warm', `${Math.round(kbs)}, ${Math.round(warmKbs)} KB/s`, `≥ ${TARGETS.kbPerSecond} KB/s`, verdict(kbs >= TARGETS.kbPerSecond)],
  ];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['measure', 'figure', 'target'][i]!.length));
  const line = (r: readonly string[]) => r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd();
  return [
    `Attribution extractor v${EXTRACTOR_VERSION} on ${path.resolve(dir)}: ${e.articles} articles, ${(e.bytes / 1024).toFixed(0)} KB, ${s.content.gold} gold attributions, ${s.content.predicted} suggested.`,
    line(['measure', 'figure', 'target', '']),
    ...rows.map(line),
    'Overlap is shared code points over the longer span (discontinuous contents count their fragments); exact means the same code points.',
    'Source: the suggested source mention overlaps the annotated one by ≥ 50%, over matched contents that have an annotated source.',
    'Speed: UTF-8 bytes of article text per second of extraction on this thread; the verdict is on the first pass. Other load on the machine lowers it.',
  ].join('\n');
}
