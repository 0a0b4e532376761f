import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { qdeSchemaProblems } from '../../electron/backend/import/refi/qde-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../shared/export/report';
import { sliceCodePoints } from '../../shared/offsets';
import { runCli } from '../helpers/cli';
import { call, tempBackend } from '../helpers/project';
import { buildSampleProject, SAMPLE_ARTICLES, type SampleProject } from '../helpers/sample-project';

// The sample's texts, names, notes and rationales hold the characters XML, HTML and CSV escape.
const TASS = 'Tass & "RIA" <wire>';
const HEARSAY = 'hearsay & "rumour" <unverified>';
const NOTE = 'Said at a press conference <Q&A>, "live".';
const CAFE_RATIONALE = 'A café owner is no source on deployments & "troops" <in general>.';
const TITLE = 'Troops 👍🏽 will join & stay, minister "says" <live>';

/** The REFI-QDA project schema (QDA-XML 1.0, MIT licence, notice inside the file). */

/** Each claim of the sample project as the backend has it: span, quote, article text. */
interface Expected {
  claimId: string;
  articleId: string;
  start: number;
  end: number;
  quote: string;
  text: string;
}

describe('exports of a project with emoji, CJK, non-breaking spaces and < & " in and before claims', () => {
  let env: ReturnType<typeof tempBackend>;
  let sample: SampleProject;
  let expected: Expected[];
  const exportAs = (format: string, out: string, ...extra: string[]) => {
    const result = runCli(['export', '--project', env.file, '--format', format, '--out', out, ...extra]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return out;
  };

  beforeAll(async () => {
    env = tempBackend();
    sample = await buildSampleProject(env.backend);
    expected = [];
    for (const h of sample.claims) {
      const article = await call(env.backend, 'articles.get', { id: h.articleId });
      expected.push({ claimId: h.claim!.id, articleId: h.articleId, start: h.start, end: h.end, quote: h.quote, text: article.text });
    }
    // Offsets after emoji differ between code points and UTF-16: the sample must exercise that.
    expect(expected.some((e) => e.start !== e.text.indexOf(e.quote))).toBe(true);
    // Escaping must be exercised: quotes, texts and titles hold < & and ".
    expect(expected.filter((e) => /[<&"]/.test(e.quote)).length).toBeGreaterThanOrEqual(2);
    expect(SAMPLE_ARTICLES[0]!.text.startsWith(TITLE)).toBe(true);
    env.backend.close();
  });
  afterAll(() => env.dispose());

  it('CSV: four RFC 4180 tables, one row per record, quotes and context included, optional BOM', () => {
    const folder = exportAs('csv', path.join(env.dir, 'csv'));
    expect(fs.readdirSync(folder).sort()).toEqual(['actors.csv', 'articles.csv', 'claims.csv', 'links.csv']);
    const read = (name: string) => parse(fs.readFileSync(path.join(folder, name), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    const claims = read('claims.csv');
    expect(claims).toHaveLength(4);
    for (const e of expected) {
      const row = claims.find((c) => c.claim_id === e.claimId)!;
      expect(row.quote).toBe(e.quote);
      expect(sliceCodePoints(e.text, Number(row.start), Number(row.end))).toBe(row.quote);
      const [prefix, quote, suffix] = [row.prefix!, row.quote!, row.suffix!];
      expect(prefix + quote + suffix).toBe(sliceCodePoints(e.text, Number(row.start) - Array.from(prefix).length, Number(row.end) + Array.from(suffix).length));
    }
    expect(claims.find((c) => c.actor === 'Dmitri Pelkov')).toMatchObject({ via: TASS, tags: 'denial; foreign troops' });
    expect(claims.find((c) => c.actor === 'İlham Qadirov')).toMatchObject({ note: NOTE, article_title: TITLE });
    expect(claims.find((c) => c.actor === 'Café owner in Karsk')).toMatchObject({ tags: HEARSAY });
    expect(read('links.csv').map((l) => l.status).sort()).toEqual(['confirmed', 'dismissed', 'open', 'open']);
    expect(read('links.csv').map((l) => l.rationale)).toContain(CAFE_RATIONALE);
    expect(read('actors.csv').map((a) => a.name)).toContain(TASS);
    expect(read('articles.csv').map((a) => a.title)).toContain(TITLE);
    expect(read('actors.csv').find((a) => a.name === 'İlham Qadirov')).toMatchObject({ aliases: 'Ilham Kadirov', role: 'Foreign Minister' });
    expect(read('articles.csv').map((a) => a.outlet).sort()).toEqual(['Agence Véritas', 'Northern Wire']);
    expect(fs.readFileSync(path.join(folder, 'links.csv'), 'utf8')).toContain('\r\n');
    // A line break inside a field (context across a paragraph break) is always quoted, so readers
    // that end a row at a bare LF or CR (Excel, Python) see the same rows: outside quoted fields,
    // only CRLF row ends remain.
    expect(claims.some((c) => /[\r\n]/.test(c.prefix! + c.quote! + c.suffix!))).toBe(true);
    for (const name of ['claims.csv', 'links.csv', 'actors.csv', 'articles.csv']) {
      const unquoted = fs.readFileSync(path.join(folder, name), 'utf8').replace(/"(?:[^"]|"")*"/g, '""');
      expect(unquoted, name).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
    }
    const withBom = exportAs('csv', path.join(env.dir, 'csv-excel'), '--bom');
    expect(fs.readFileSync(path.join(withBom, 'claims.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('W3C Web Annotation: an AnnotationCollection whose selectors give back each quote in code points; links have motivation linking', () => {
    const file = exportAs('w3c', path.join(env.dir, 'annotations.jsonld'));
    const collection = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    const items = collection.first.items as Array<Record<string, any>>;
    const claims = items.filter((a) => a.motivation === 'classifying');
    expect(claims).toHaveLength(4);
    for (const e of expected) {
      const annotation = claims.find((a) => a.id === `urn:uuid:${e.claimId}`)!;
      const quote = annotation.target.selector.find((s: any) => s.type === 'TextQuoteSelector');
      const position = annotation.target.selector.find((s: any) => s.type === 'TextPositionSelector');
      expect(annotation.target.source.id).toBe(`urn:uuid:${e.articleId}`);
      expect(sliceCodePoints(e.text, position.start, position.end)).toBe(quote.exact);
      expect(quote.exact).toBe(e.quote);
      expect(e.text).toContain(quote.prefix + quote.exact + quote.suffix);
    }
    const pelkov = claims.find((a) => a.body[0].source.label === 'Dmitri Pelkov')!;
    expect(pelkov.body[0]).toMatchObject({ type: 'SpecificResource', purpose: 'identifying' });
    expect(pelkov.body).toEqual(expect.arrayContaining([expect.objectContaining({ purpose: 'describing', source: expect.objectContaining({ label: TASS }) }), expect.objectContaining({ purpose: 'tagging', value: 'denial' })]));
    const qadirov = claims.find((a) => a.body[0].source.label === 'İlham Qadirov')!;
    expect(qadirov.body).toContainEqual(expect.objectContaining({ purpose: 'commenting', value: NOTE }));
    expect(qadirov.target.source['dcterms:title']).toBe(TITLE);
    const links = items.filter((a) => a.motivation === 'linking');
    expect(links).toHaveLength(4);
    expect(links.map((l) => l.body.find((b: any) => b.purpose === 'commenting')?.value)).toContain(CAFE_RATIONALE);
    for (const link of links) {
      expect(link.target).toHaveLength(2);
      for (const target of link.target) expect(claims.some((c) => c.id === target)).toBe(true);
    }
    expect(links.map((l) => l.body[0].value).sort()).toEqual(['contradicts', 'contradicts', 'contradicts', 'corroborates']);
  });

  it('brat: byte-identical texts, T lines whose code point spans give back the quote (split at line breaks), relations within a document, a sidecar for the rest', () => {
    const folder = exportAs('brat', path.join(env.dir, 'brat'));
    expect(fs.readFileSync(path.join(folder, 'annotation.conf'), 'utf8')).toMatch(/\[relations\]\nContradicts\tArg1:Claim, Arg2:Claim/);
    const entities = new Map<string, { doc: string; t: string }>();
    for (const articleId of sample.articleIds) {
      const text = fs.readFileSync(path.join(folder, `${articleId}.txt`));
      const stored = expected.find((e) => e.articleId === articleId)!.text;
      expect(text.equals(Buffer.from(stored, 'utf8'))).toBe(true);
      const points = Array.from(stored);
      for (const line of fs.readFileSync(path.join(folder, `${articleId}.ann`), 'utf8').trimEnd().split('\n')) {
        const t = /^(T\d+)\tClaim ([\d ;]+)\t(.*)$/.exec(line);
        if (!t) continue;
        const fragments = t[2]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
        expect(fragments.map(([s, e]) => points.slice(s, e).join('')).join(' ')).toBe(t[3]);
        const whole = points.slice(fragments[0]![0], fragments[fragments.length - 1]![1]).join('');
        const claim = expected.find((e) => e.articleId === articleId && e.quote === whole)!;
        expect(claim).toBeDefined();
        entities.set(claim.claimId, { doc: articleId, t: t[1]! });
      }
    }
    expect(entities.size).toBe(4);
    const ann = (id: string) => fs.readFileSync(path.join(folder, `${id}.ann`), 'utf8');
    // Pelkov and the Koryo Times are in one article: their corroboration is an R line there.
    expect(ann(sample.articleIds[1]!)).toMatch(/^R1\tCorroborates Arg1:T\d+ Arg2:T\d+$/m);
    expect(ann(sample.articleIds[1]!)).toMatch(/AnnotatorNotes R1\tstatus: open; rationale: Same denial, two wordings\./);
    expect(ann(sample.articleIds[1]!)).toContain(`\tactor: Dmitri Pelkov; via: ${TASS}; tags: denial, foreign troops\n`);
    expect(ann(sample.articleIds[0]!)).toContain(`\tactor: İlham Qadirov; tags: foreign troops; note: ${NOTE}\n`);
    const cross = fs.readFileSync(path.join(folder, 'cross-document-links.tsv'), 'utf8').trimEnd().split('\n');
    expect(cross[0]).toBe('link_id\tkind\tstatus\tdocument_a\tentity_a\tdocument_b\tentity_b\trationale');
    expect(cross).toHaveLength(1 + 2);
  });

  it('REFI-QDA: a .qdpx whose project.qde validates against the QDA-XML schema, with selections in code points coded by actor and tag', async () => {
    const file = exportAs('refi', path.join(env.dir, 'project.qdpx'));
    const files = unzipSync(fs.readFileSync(file));
    const names = Object.keys(files).sort();
    expect(names).toEqual(['project.qde', ...sample.articleIds.map((id) => `sources/${id}.txt`).sort()]);
    const qde = strFromU8(files['project.qde']!);
    expect(await qdeSchemaProblems(qde)).toEqual([]);
    for (const e of expected) {
      const text = strFromU8(files[`sources/${e.articleId}.txt`]!);
      expect(text).toBe(e.text);
      const selection = new RegExp(`<PlainTextSelection guid="${e.claimId}" name="[^"]*" startPosition="(\\d+)" endPosition="(\\d+)"`).exec(qde)!;
      expect(sliceCodePoints(text, Number(selection[1]), Number(selection[2]))).toBe(e.quote);
    }
    expect(qde).toMatch(/<Code guid="[^"]+" name="Dmitri Pelkov" isCodable="true">/);
    expect(qde).toMatch(/<Code guid="[^"]+" name="denial" isCodable="true"\/>/);
    expect(qde.match(/<Link /g)).toHaveLength(4);
    expect(qde).toContain('Same denial, two wordings.');
    // Read back with a conforming XML parser: names, notes and descriptions come back exactly.
    const doc = new new JSDOM('').window.DOMParser().parseFromString(qde, 'application/xml');
    const codes = [...doc.getElementsByTagName('Code')].map((c) => c.getAttribute('name'));
    expect(codes).toEqual(expect.arrayContaining([TASS, HEARSAY]));
    expect([...doc.getElementsByTagName('PlainTextContent')].map((n) => n.textContent)).toEqual(expect.arrayContaining([NOTE, CAFE_RATIONALE]));
    expect([...doc.getElementsByTagName('TextSource')].map((n) => n.getAttribute('name'))).toContain(TITLE);
    const descriptions = [...doc.getElementsByTagName('PlainTextSelection')].map((n) => n.getElementsByTagName('Description')[0]!.textContent);
    expect(descriptions).toContain(`Claimed by Dmitri Pelkov, reported via ${TASS}`);
    // The schema check is real: a document it must reject is rejected.
    expect(await qdeSchemaProblems(qde.replace('startPosition=', 'beginPosition='))).toEqual([expect.stringMatching(/^project\.qde line \d+ does not follow the REFI-QDA project schema \(QDA-XML 1\.0\): .*beginPosition/), expect.stringMatching(/startPosition/)]);
  });

  it('the review report: HTML and Markdown side by side, grouped by actor pair, with statuses and rationales', () => {
    exportAs('report', path.join(env.dir, 'briefing.html'));
    const html = fs.readFileSync(path.join(env.dir, 'briefing.html'), 'utf8');
    const markdown = fs.readFileSync(path.join(env.dir, 'briefing.md'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(link|script|img)\b|url\(|@import/i);
    expect(html).toContain('<h3>Dmitri Pelkov vs İlham Qadirov <span class="meta">(1: 1 confirmed)</span></h3>');
    expect(html).toContain('Announced troops; denied a day later — “none”.');
    expect(markdown).toContain('### Dmitri Pelkov vs İlham Qadirov (1: 1 confirmed)');
    expect(markdown).toContain('### Dmitri Pelkov and 高丽时报 (1: 1 open)');
    expect(markdown).toMatch(/## Claims by actor\n\n### Café owner in Karsk \(1\)/);
    // Read back: every quote and rationale is the same text in the HTML, and escaped in the Markdown.
    const page = new JSDOM(html).window.document;
    const quotes = [...page.querySelectorAll('blockquote')].map((b) => b.textContent);
    for (const e of expected) {
      expect(quotes).toContain(e.quote);
      expect(markdown).toContain(`> ${escapeMarkdown(e.quote)}`);
    }
    expect([...page.querySelectorAll('.rationale')].map((r) => r.textContent)).toContain(`Rationale ${CAFE_RATIONALE}`);
    expect([...page.querySelectorAll('.where')].map((w) => w.textContent)).toContain(`via ${TASS}`);
    expect(markdown).toContain(`Rationale: ${escapeMarkdown(CAFE_RATIONALE)}`);
  });

  it('the review report of an empty project says so in both files, section by section', () => {
    const empty = tempBackend();
    try {
      empty.backend.close();
      const result = runCli(['export', '--project', empty.file, '--format', 'report', '--out', path.join(empty.dir, 'empty.md')]);
      expect(result.status).toBe(0);
      const html = fs.readFileSync(path.join(empty.dir, 'empty.html'), 'utf8');
      const markdown = fs.readFileSync(path.join(empty.dir, 'empty.md'), 'utf8');
      for (const sentence of ['No contradictions have been recorded.', 'No corroborations have been recorded.', 'No claims have been recorded.']) {
        expect(html).toContain(`<p class="meta">${sentence}</p>`);
        expect(markdown).toContain(`\n\n${sentence}\n\n`);
      }
    } finally {
      empty.dispose();
    }
  });

  it('exports only the chosen articles, and refuses an unknown one', () => {
    const file = exportAs('w3c', path.join(env.dir, 'one.jsonld'), '--articles', sample.articleIds[1]!);
    const items = JSON.parse(fs.readFileSync(file, 'utf8')).first.items as Array<{ motivation: string }>;
    expect(items.filter((a) => a.motivation === 'classifying')).toHaveLength(2);
    expect(items.filter((a) => a.motivation === 'linking')).toHaveLength(1);
    const refused = runCli(['export', '--project', env.file, '--format', 'json', '--out', path.join(env.dir, 'x.json'), '--articles', '00000000-0000-4000-8000-000000000000']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('There is no article 00000000-0000-4000-8000-000000000000');
    expect(fs.existsSync(path.join(env.dir, 'x.json'))).toBe(false);
  });
});
