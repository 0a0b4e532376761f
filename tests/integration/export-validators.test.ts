/**
 * Exports checked by independent validators, offline: the W3C Web Annotation test suite's
 * required assertions (vendored JSON Schemas, run with ajv), jsonld.js in safe mode with the
 * official anno.jsonld context, brat's own parser (annotation.py, when its source is on this
 * machine) and what QualCoder's REFI-QDA importer needs of notes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import jsonld from 'jsonld';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli';
import { call, tempBackend } from '../helpers/project';
import { addNelArticle, buildSampleProject, NEL_TEXT } from '../helpers/sample-project';
import { tempDir } from '../helpers/temp';

const W3C = path.join(ROOT, 'tests', 'fixtures', 'w3c-annotation');
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Every assertion a suite file (.test) lists, compiled: the required checks of the W3C suite. */
function suiteChecks(ajv: Ajv.Ajv, testFile: string): Array<{ name: string; validate: Ajv.ValidateFunction }> {
  const suite = readJson(path.join(W3C, 'tests', testFile)) as { assertions: unknown[] };
  return suite.assertions.map((assertion) => {
    // Every entry is a schema file; an inline one would be skipped silently, so there must be none.
    expect(typeof assertion).toBe('string');
    const schema = readJson(path.join(W3C, 'tests', assertion as string));
    expect(schema.expectedResult).toBe('valid');
    return { name: assertion as string, validate: ajv.getSchema(schema.id) ?? ajv.compile(schema) };
  });
}

function w3cAjv(): Ajv.Ajv {
  const ajv = new Ajv({ schemaId: 'id', unknownFormats: 'ignore' });
  ajv.addMetaSchema(readJson(path.join(ROOT, 'node_modules', 'ajv', 'lib', 'refs', 'json-schema-draft-04.json')));
  for (const name of fs.readdirSync(path.join(W3C, 'tests', 'definitions'))) ajv.addSchema(readJson(path.join(W3C, 'tests', 'definitions', name)));
  return ajv;
}

/** brat's server sources (annotation.py), from the brat mirror when this machine has one. */
function bratSources(dir: string): string | null {
  const mirror = process.env.GAINSAY_BRAT_GIT ?? '/work/.mirror/nlplab+brat/repo';
  if (!fs.existsSync(mirror) || spawnSync('python3', ['--version']).status !== 0) return null;
  const archive = execFileSync('git', ['--git-dir', mirror, 'archive', 'HEAD', 'server/src'], { maxBuffer: 64 << 20 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  return path.join(dir, 'server', 'src');
}

describe('exports pass independent validators', () => {
  let env: ReturnType<typeof tempBackend>;
  const out = (name: string) => path.join(env.dir, name);
  const exportAs = (format: string, to: string) => {
    const result = runCli(['export', '--project', env.file, '--format', format, '--out', to]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return to;
  };

  beforeAll(async () => {
    env = tempBackend();
    await buildSampleProject(env.backend);
    const articleId = await addNelArticle(env.backend);
    expect((await call(env.backend, 'articles.get', { id: articleId })).text).toBe(NEL_TEXT); // NEL and the no-break space survive pasting
    env.backend.close();
  });
  afterAll(() => env.dispose());

  it('W3C: every required assertion of the W3C test suite holds for the collection, its page and every annotation', () => {
    const collection = readJson(exportAs('w3c', out('annotations.jsonld')));
    const ajv = w3cAjv();
    const failures: string[] = [];
    const check = (testFile: string, subjects: Array<[string, unknown]>) => {
      const checks = suiteChecks(ajv, testFile);
      expect(checks.length).toBeGreaterThan(5);
      for (const { name, validate } of checks) for (const [label, subject] of subjects) if (!validate(subject)) failures.push(`${label}: ${name} ${ajv.errorsText(validate.errors)}`);
    };
    const items = collection.first.items as Array<Record<string, unknown>>;
    expect(items.length).toBe(6 + 4);
    check('collections/collectionMusts.test', [['collection', { ...collection, first: collection.first.id }]]);
    check('collections/pages/pageMusts.test', [['page', { '@context': collection['@context'], ...collection.first }]]);
    check('annotations/annotationMusts.test', items.map((item) => [String(item.id), { '@context': collection['@context'], ...item }]));
    expect(failures).toEqual([]);
    // The checks are real: the export as it was (a body reusing the actor's IRI, with a purpose) fails 3.3.5.
    const claim = items.find((item) => item.motivation === 'classifying')!;
    const before = { '@context': collection['@context'], ...claim, body: [{ type: 'TextualBody', purpose: 'identifying', value: 'X', id: 'urn:uuid:0' }, { id: 'urn:uuid:1', purpose: 'describing' }] };
    const ewr = suiteChecks(ajv, 'annotations/annotationMusts.test').find((c) => c.name.endsWith('3.3.5-bodyEWRNoPurpose.json'))!;
    expect(ewr.validate(before)).toBe(false);
    const noId = suiteChecks(ajv, 'collections/collectionMusts.test').find((c) => c.name.endsWith('5.1-collectionIdValidated.json'))!;
    expect(noId.validate({ ...collection, id: undefined })).toBe(false);
  });

  it('W3C: jsonld.js in safe mode expands the export with the official context, keeping titles, outlets and actor names', async () => {
    const collection = readJson(out('annotations.jsonld'));
    const context = readJson(path.join(W3C, 'context', 'anno.jsonld'));
    const documentLoader = async (url: string) => {
      if (url.replace(/^https:/, 'http:') !== 'http://www.w3.org/ns/anno.jsonld') throw new Error(`no network in tests: ${url}`);
      return { contextUrl: null, documentUrl: url, document: context };
    };
    const expanded = JSON.stringify(await jsonld.expand(collection, { safe: true, documentLoader }));
    expect(expanded).toContain('http://purl.org/dc/terms/title');
    expect(expanded).toContain('Agence Véritas');
    expect(expanded).toContain('Dmitri Pelkov');
    // Safe mode is real: the old source metadata (title, publisher: no terms of the context) throws.
    const old = { ...collection, first: { ...collection.first, items: [{ ...collection.first.items[0], target: { source: { id: 'urn:uuid:1', title: 'x' } } }] } };
    await expect(jsonld.expand(old, { safe: true, documentLoader })).rejects.toThrow();
  });

  it('brat: no line brat splits is broken, every fragment is trimmed to non-whitespace, and brat’s own parser reads every span back', () => {
    const folder = exportAs('brat', out('brat'));
    const boundaries = /[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/;
    let entities = 0;
    for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.ann'))) {
      const points = Array.from(fs.readFileSync(path.join(folder, name.replace(/\.ann$/, '.txt')), 'utf8'));
      // Lines as Python (and so brat) splits them.
      for (const line of fs.readFileSync(path.join(folder, name), 'utf8').split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/).filter(Boolean)) {
        expect(line).toMatch(/^(T\d+\tClaim \d+ \d+(;\d+ \d+)*\t|#\d+\tAnnotatorNotes [TR]\d+\t|R\d+\t(Contradicts|Corroborates) Arg1:T\d+ Arg2:T\d+$)/);
        const t = /^T\d+\tClaim ([\d ;]+)\t(.*)$/.exec(line);
        if (!t) continue;
        entities++;
        const fragments = t[1]!.split(';').map((f) => f.split(' ').map(Number) as [number, number]);
        for (const [s, e] of fragments) {
          const text = points.slice(s, e).join('');
          expect(text).toBe(text.trim());
          expect(text).not.toMatch(boundaries);
        }
        expect(fragments.map(([s, e]) => points.slice(s, e).join('')).join(' ')).toBe(t[2]);
      }
    }
    expect(entities).toBe(6);
    const ann = fs.readdirSync(folder).filter((n) => n.endsWith('.ann')).map((n) => fs.readFileSync(path.join(folder, n), 'utf8')).join('');
    expect(ann).toContain('\tsaid: “Talks are over.”\n');
    expect(ann).toContain('\t“we never began.”\n');

    const scratch = tempDir();
    try {
      const brat = bratSources(scratch.dir);
      if (!brat) return console.warn('brat’s sources are not on this machine (GAINSAY_BRAT_GIT): its own parser was not run');
      const read = JSON.parse(execFileSync('python3', [path.join(ROOT, 'tests', 'helpers', 'brat-read.py'), brat, folder], { encoding: 'utf8' })) as Record<string, Array<{ matches: boolean }>>;
      const all = Object.values(read).flat();
      expect(all).toHaveLength(6);
      expect(all.every((t) => t.matches)).toBe(true);
    } finally {
      scratch.remove();
    }
  });

  it('REFI-QDA: every Note has a creationDateTime, and a claim’s note is in its selection’s Description, where QualCoder reads it', () => {
    const files = unzipSync(fs.readFileSync(exportAs('refi', out('project.qdpx'))));
    const doc = new new JSDOM('').window.DOMParser().parseFromString(strFromU8(files['project.qde']!), 'application/xml');
    const notes = [...doc.getElementsByTagName('Note')];
    expect(notes.length).toBe(4); // one claim note, three rationales
    for (const note of notes) expect(note.getAttribute('creationDateTime')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    const descriptions = [...doc.getElementsByTagName('PlainTextSelection')].map((s) => s.getElementsByTagName('Description')[0]!.textContent);
    expect(descriptions).toContain('Claimed by İlham Qadirov\n\nSaid at a press conference <Q&A>, "live".');
  });

  it('the HTML report never carries NEL raw', () => {
    exportAs('report', out('briefing.html'));
    const html = fs.readFileSync(out('briefing.html'), 'utf8');
    expect(html).toContain('“Talks are over.”');
    expect(html).not.toMatch(/[\x85\v\x1c-\x1e]/);
  });
});
