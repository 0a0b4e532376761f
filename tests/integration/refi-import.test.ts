import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { call, tempBackend } from '../helpers/project';
import { projectRecords } from '../helpers/project-records';
import { addNelArticle, buildSampleProject } from '../helpers/sample-project';

const cli = (...args: string[]) => runCli(args);

/** Claims with their span and names: what a .qdpx carries of them (no highlight ids). */
function claimsAsText(r: ReturnType<typeof projectRecords>) {
  const name = (id: string | null) => (id ? r.actors.find((a) => a.id === id)!.name : null);
  return r.claims.map((c) => {
    const h = r.highlights.find((x) => x.id === c.highlightId)!;
    return { id: c.id, articleId: h.articleId, start: h.start, end: h.end, quote: h.quote, actor: c.actorId, via: name(c.viaActorId), claimedOn: c.claimedOn, tags: c.tagIds.map((t: string) => r.tags.find((x) => x.id === t)!.name).sort(), note: c.noteText, createdAt: c.createdAt };
  });
}

describe('REFI-QDA import', () => {
  let env: ReturnType<typeof tempBackend>;
  let qdpx: string;
  beforeAll(async () => {
    env = tempBackend();
    await buildSampleProject(env.backend);
    await addNelArticle(env.backend);
    env.backend.close();
    qdpx = path.join(env.dir, 'project.qdpx');
    expect(cli('export', '--project', env.file, '--format', 'refi', '--out', qdpx).status).toBe(0);
  });
  afterAll(() => env.dispose());

  it('Gainsay → .qdpx → a new project gives back the articles, actors with aliases, claims (span, actor, channel, tags, note) and links', () => {
    const fresh = path.join(env.dir, 'from-refi.gainsay');
    const result = cli('import', '--project', fresh, qdpx);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('merged: added 3 articles, 7 actors, 3 tags, 6 highlights, 6 claims, 4 links');
    const [before, after] = [projectRecords(env.file, env.dir), projectRecords(fresh, env.dir)];
    const article = ({ id, title, outlet, publishedAt, text, createdAt }: any) => ({ id, title, outlet, publishedAt, text, createdAt });
    expect(after.articles.map(article)).toEqual(before.articles.map(article));
    const actor = ({ id, name, kind, role, aliases }: any) => ({ id, name, kind, role, aliases: aliases.map((a: { alias: string }) => a.alias) });
    expect(after.actors.map(actor)).toEqual(before.actors.map(actor));
    expect(claimsAsText(after)).toEqual(claimsAsText(before));
    const link = ({ id, claimA, claimB, kind, status, rationaleText }: any) => ({ id, claimA, claimB, kind, status, rationaleText });
    expect(after.links.map(link)).toEqual(before.links.map(link));
    // Imported again: nothing new, no conflicts.
    const again = cli('import', '--project', fresh, qdpx);
    expect(again.stdout).toMatch(/^duplicate {2}.*: nothing new: added 0 articles \(\+3 already there\)/m);
    expect(again.stdout).not.toContain('conflict');
    expect(projectRecords(fresh, env.dir)).toEqual(after);
  });

  it('through the contract (the Library’s import, in the window as in browser mode): merged into the open project, and input checked', async () => {
    const open = tempBackend();
    try {
      const dataBase64 = fs.readFileSync(qdpx).toString('base64');
      const outcome = await call(open.backend, 'project.importQdpx', { name: 'project.qdpx', dataBase64 });
      expect(outcome).toMatchObject({ name: 'project.qdpx', status: 'imported' });
      expect(outcome.message).toContain('6 claims, 4 links');
      expect((await call(open.backend, 'project.info', {})).counts).toMatchObject({ articles: 3, claims: 6 });
      const refused = await call(open.backend, 'project.importQdpx', { name: 'x.qdpx', dataBase64: Buffer.from('not a zip').toString('base64') });
      expect(refused).toMatchObject({ status: 'refused' });
      const invalid = await open.backend.invoke('project.importQdpx', { name: 'x.qdpx', dataBase64: '%%%' });
      expect(invalid.ok).toBe(false);
    } finally {
      open.dispose();
    }
  });

  it('a .qdpx with a missing source file or a GUID used twice is refused with the problems listed, and nothing is written', () => {
    const files = unzipSync(fs.readFileSync(qdpx));
    const qde = new TextDecoder().decode(files['project.qde']!);
    const [firstSource] = Object.keys(files).filter((n) => n.startsWith('sources/'));
    // The last source's selection: the first source loses its file below.
    const selection = [...qde.matchAll(/<PlainTextSelection guid="([^"]+)"/g)].pop()![1]!;
    delete files[firstSource!];
    // The first Code's GUID also given to a selection.
    const code = /<Code guid="([^"]+)"/.exec(qde)![1]!;
    files['project.qde'] = strToU8(qde.replace(`<PlainTextSelection guid="${selection}"`, `<PlainTextSelection guid="${code}"`));
    const broken = path.join(env.dir, 'broken.qdpx');
    fs.writeFileSync(broken, zipSync(files));
    const fresh = path.join(env.dir, 'broken.gainsay');
    const result = cli('import', '--project', fresh, broken);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`has no file ${firstSource} in the .qdpx`);
    expect(result.stdout).toContain(`the GUID ${code} is used twice`);
    expect(projectRecords(fresh, env.dir).articles).toEqual([]);
    fs.writeFileSync(broken, 'not a zip');
    expect(cli('import', '--project', fresh, broken).stdout).toContain('it is not a readable .qdpx');
  });

  it('a .qdpx whose project.qde does not follow the QDA-XML schema is refused with the schema’s problems listed (CLI, contract and the import dialog’s preview alike), and nothing is written', async () => {
    const files = unzipSync(fs.readFileSync(qdpx));
    const qde = new TextDecoder().decode(files['project.qde']!);
    // A selection's start renamed, and an element the schema does not have.
    files['project.qde'] = strToU8(qde.replace('startPosition=', 'beginPosition=').replace('<CodeBook>', '<CodeBook><Colour/>'));
    const invalid = path.join(env.dir, 'invalid.qdpx');
    fs.writeFileSync(invalid, zipSync(files));
    const fresh = path.join(env.dir, 'invalid.gainsay');
    const result = cli('import', '--project', fresh, invalid);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/was not imported; nothing was changed\. 3 problems:\n {2}- project\.qde line \d+ does not follow the REFI-QDA project schema \(QDA-XML 1\.0\): Element '\{urn:QDA-XML:project:1\.0\}Colour': This element is not expected\./);
    expect(result.stdout).toMatch(/beginPosition.*not allowed/);
    expect(result.stdout).toMatch(/startPosition.*required but missing/);
    expect(projectRecords(fresh, env.dir).articles).toEqual([]);

    const open = tempBackend();
    try {
      const outcome = await call(open.backend, 'project.importQdpx', { name: 'invalid.qdpx', dataBase64: fs.readFileSync(invalid).toString('base64') });
      expect(outcome.status).toBe('refused');
      expect(outcome.message).toContain('does not follow the REFI-QDA project schema');
      const preview = await call(open.backend, 'annotations.preview', { folder: null, files: [{ name: 'invalid.qdpx', dataBase64: fs.readFileSync(invalid).toString('base64') }] });
      expect(preview).toMatchObject({ format: 'refi', documents: 3 });
      expect(preview.problems).toHaveLength(3);
      expect(preview.codes.length).toBeGreaterThan(0);
      expect((await call(open.backend, 'project.info', {})).counts.articles).toBe(0);
    } finally {
      open.dispose();
    }
  });
});
