import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_OCCURRENCES, anchor } from '../../electron/backend/import/w3c/anchor';
import { runCli } from '../helpers/cli';
import { tempBackend } from '../helpers/project';
import { projectRecords } from '../helpers/project-records';
import { addNelArticle, buildSampleProject } from '../helpers/sample-project';

const cli = (...args: string[]) => runCli(args);

/** Claims as names and text: what W3C carries of a claim (it has no place for highlight ids, actor kinds or aliases). */
function claimsAsText(r: ReturnType<typeof projectRecords>) {
  const name = (id: string | null) => (id ? r.actors.find((a) => a.id === id)!.name : null);
  return r.claims.map((c) => {
    const h = r.highlights.find((x) => x.id === c.highlightId)!;
    const tags = c.tagIds.map((t: string) => r.tags.find((x) => x.id === t)!.name).sort();
    return { id: c.id, articleId: h.articleId, start: h.start, end: h.end, quote: h.quote, actorId: c.actorId, actor: name(c.actorId), via: name(c.viaActorId), tags, note: c.noteText, claimedOn: c.claimedOn, createdAt: c.createdAt, updatedAt: c.updatedAt };
  });
}

describe('W3C Web Annotation import', () => {
  let env: ReturnType<typeof tempBackend>;
  let folder: string;
  beforeAll(async () => {
    env = tempBackend();
    await buildSampleProject(env.backend);
    await addNelArticle(env.backend);
    env.backend.close();
    // The export names each article urn:uuid:ID; its text goes beside it as ID.txt (brat's export writes exactly those).
    folder = path.join(env.dir, 'w3c');
    fs.mkdirSync(folder);
    expect(cli('export', '--project', env.file, '--format', 'w3c', '--out', path.join(folder, 'annotations.jsonld')).status).toBe(0);
    expect(cli('export', '--project', env.file, '--format', 'brat', '--out', path.join(env.dir, 'brat')).status).toBe(0);
    for (const name of fs.readdirSync(path.join(env.dir, 'brat')).filter((n) => n.endsWith('.txt'))) fs.copyFileSync(path.join(env.dir, 'brat', name), path.join(folder, name));
  });
  afterAll(() => env.dispose());

  it('Gainsay → W3C → a new project gives back the articles (title, outlet, date), claims (span, actor, channel, tags, note, date claimed) and links', () => {
    const fresh = path.join(env.dir, 'from-w3c.gainsay');
    const result = cli('import', '--project', fresh, path.join(folder, 'annotations.jsonld'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('merged: added 3 articles, 7 actors, 3 tags, 6 highlights, 6 claims, 4 links');
    const [before, after] = [projectRecords(env.file, env.dir), projectRecords(fresh, env.dir)];
    const article = ({ id, title, outlet, publishedAt, text }: any) => ({ id, title, outlet, publishedAt, text });
    expect(before.articles.filter((a) => a.publishedAt)).not.toHaveLength(0);
    expect(before.claims.filter((c) => c.claimedOn)).not.toHaveLength(0);
    expect(after.articles.map(article)).toEqual(before.articles.map(article));
    expect(claimsAsText(after)).toEqual(claimsAsText(before));
    const link = ({ id, claimA, claimB, kind, status, rationaleText, createdAt, updatedAt }: any) => ({ id, claimA, claimB, kind, status, rationaleText, createdAt, updatedAt });
    expect(after.links.map(link)).toEqual(before.links.map(link));
    expect(after.actors.map((a) => [a.id, a.name])).toEqual(before.actors.map((a) => [a.id, a.name]));
    // Imported again: nothing new, no conflicts.
    const again = cli('import', '--project', fresh, path.join(folder, 'annotations.jsonld'));
    expect(again.stdout).toMatch(/^duplicate {2}.*: nothing new: added 0 articles \(\+3 already there\)/m);
    expect(again.stdout).not.toContain('conflict');
    expect(projectRecords(fresh, env.dir)).toEqual(after);
  });

  it('re-anchors by quote, prefix and suffix when positions disagree with the text, and reports what it cannot anchor', () => {
    const collection = JSON.parse(fs.readFileSync(path.join(folder, 'annotations.jsonld'), 'utf8'));
    const [moved, lost] = collection.first.items.filter((a: any) => a.motivation === 'classifying');
    const position = (a: any) => a.target.selector.find((s: any) => s.type === 'TextPositionSelector');
    const expected = { ...position(moved) };
    position(moved).start += 7;
    position(moved).end += 7;
    lost.target.selector.find((s: any) => s.type === 'TextQuoteSelector').exact = 'words the article never had';
    collection.first.items = collection.first.items.filter((a: any) => a.motivation !== 'linking');
    const file = path.join(folder, 'edited.json');
    fs.writeFileSync(file, JSON.stringify(collection));
    const fresh = path.join(env.dir, 'edited.gainsay');
    const result = cli('import', '--project', fresh, file);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^unanchored .*“words the article never had” is not in [0-9a-f-]{36}\.txt$/m);
    const after = projectRecords(fresh, env.dir);
    expect(after.claims).toHaveLength(5);
    const h = after.highlights.find((x) => after.claims.find((c) => c.id === moved.id.replace('urn:uuid:', ''))?.highlightId === x.id)!;
    expect([h.start, h.end]).toEqual([expected.start, expected.end]);
  });

  it('reads the day of a foreign tool’s dcterms:date as the date claimed, and leaves out one that is no day', () => {
    const collection = JSON.parse(fs.readFileSync(path.join(folder, 'annotations.jsonld'), 'utf8'));
    const [timed, vague, impossible, trailing] = collection.first.items.filter((a: any) => a.motivation === 'classifying');
    timed['dcterms:date'] = '2026-03-07T23:10:00Z';
    vague['dcterms:date'] = 'last Tuesday';
    impossible['dcterms:date'] = '2026-02-30';
    trailing['dcterms:date'] = '2026-03-07 is disputed';
    const file = path.join(folder, 'foreign-dates.json');
    fs.writeFileSync(file, JSON.stringify(collection));
    const fresh = path.join(env.dir, 'foreign-dates.gainsay');
    expect(cli('import', '--project', fresh, file).status).toBe(0);
    const claimed = new Map(projectRecords(fresh, env.dir).claims.map((c) => [c.id, c.claimedOn]));
    const idOf = (a: any) => a.id.replace('urn:uuid:', '');
    expect([claimed.get(idOf(timed)), claimed.get(idOf(vague)), claimed.get(idOf(impossible)), claimed.get(idOf(trailing))]).toEqual(['2026-03-07', null, null, null]);
  });

  it('a source with no file beside the annotations is refused, and nothing is written', () => {
    const collection = JSON.parse(fs.readFileSync(path.join(folder, 'annotations.jsonld'), 'utf8'));
    collection.first.items[0].target.source.id = 'urn:uuid:00000000-0000-4000-8000-000000000000';
    const file = path.join(folder, 'missing.jsonld');
    fs.writeFileSync(file, JSON.stringify(collection));
    const fresh = path.join(env.dir, 'missing.gainsay');
    const result = cli('import', '--project', fresh, file);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('its source urn:uuid:00000000-0000-4000-8000-000000000000 is no text file in the folder (00000000-0000-4000-8000-000000000000.txt)');
    expect(projectRecords(fresh, env.dir).claims).toEqual([]);
  });

  it('anchoring prefers the occurrence whose context matches, then the nearest', () => {
    const text = 'he said no. she said no. they said no.';
    const points = Array.from(text);
    expect(anchor(points, text, { exact: 'said no', prefix: 'she ', suffix: '. they', start: 0, end: 7 })).toEqual([16, 23]);
    expect(anchor(points, text, { exact: 'said no', prefix: '', suffix: '', start: 30, end: 37 })).toEqual([30, 37]);
    expect(anchor(points, text, { exact: 'said no', prefix: '', suffix: '', start: 26, end: 40 })).toEqual([30, 37]);
    expect(anchor(points, text, { exact: 'said yes', prefix: '', suffix: '', start: 3, end: 10 })).toBe('absent');
  });

  it('anchoring is bounded: a quote found too often is not weighed, and an import stops searching once its budget is spent', () => {
    const text = 'ab '.repeat(MAX_OCCURRENCES + 1) + 'said no.';
    const points = Array.from(text);
    expect(anchor(points, text, { exact: 'ab', prefix: '', suffix: '', start: 1, end: 3 })).toBe('too common');
    expect(anchor(points, text, { exact: 'said no', prefix: 'ab ', suffix: '.', start: 0, end: 7 })).toEqual([3 * (MAX_OCCURRENCES + 1), 3 * (MAX_OCCURRENCES + 1) + 7]);
    const budget = { left: text.length * 2 };
    const misplaced = { exact: 'said no', prefix: '', suffix: '', start: 0, end: 7 };
    expect(anchor(points, text, misplaced, budget)).toEqual([3 * (MAX_OCCURRENCES + 1), 3 * (MAX_OCCURRENCES + 1) + 7]);
    expect(anchor(points, text, misplaced, budget)).toEqual([3 * (MAX_OCCURRENCES + 1), 3 * (MAX_OCCURRENCES + 1) + 7]);
    expect(anchor(points, text, misplaced, budget)).toBe('over budget');
    // A quote at its position costs nothing.
    expect(anchor(points, text, { exact: 'ab', prefix: '', suffix: '', start: 0, end: 2 }, budget)).toEqual([0, 2]);
  });
});
