import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { call, tempBackend } from '../helpers/project';
import { addNelArticle, buildSampleProject } from '../helpers/sample-project';
import { tempDir } from '../helpers/temp';
import { projectRecords as records } from '../helpers/project-records';

const cli = (...args: string[]) => runCli(args);

describe('brat import', () => {
  let env: ReturnType<typeof tempBackend>;
  beforeAll(async () => {
    env = tempBackend();
    await buildSampleProject(env.backend);
    await addNelArticle(env.backend);
    env.backend.close();
  });
  afterAll(() => env.dispose());

  it('Gainsay → brat → a new project gives back every article, actor (aliases too), tag, claim (span, actor, channel, tags, note) and link', () => {
    const folder = path.join(env.dir, 'brat');
    expect(cli('export', '--project', env.file, '--format', 'brat', '--out', folder).status).toBe(0);
    const fresh = path.join(env.dir, 'from-brat.gainsay');
    const result = cli('import', '--project', fresh, folder);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^imported {3}.*brat: merged: added 3 articles, 7 actors, 3 tags, 6 highlights, 6 claims, 4 links$/m);
    expect(result.stdout).toContain('1 imported, 0 skipped as duplicates, 0 refused.');
    // One line per document, then the folder's line and the summary.
    expect(result.stdout.match(/^document {3}[0-9a-f-]{36}: \d+ claims?, \d+ links?$/gm)).toHaveLength(3);
    const before = records(env.file, env.dir);
    const after = records(fresh, env.dir);
    // Highlights that carry no claim are not brat entities; everything else comes back as it was.
    const claimed = new Set(before.claims.map((c: { highlightId: string }) => c.highlightId));
    expect(after).toEqual({ ...before, highlights: before.highlights.filter((h: { id: string }) => claimed.has(h.id)) });
    expect(before.highlights.length).toBe(after.highlights.length + 1);
    // Imported twice: nothing new, nothing duplicated.
    const again = cli('import', '--project', fresh, folder);
    expect(again.stdout).toMatch(/duplicate {2}.*nothing new/);
    expect(records(fresh, env.dir)).toEqual(after);
  });

  it('without gainsay-records.json, the notes still give actor, channel, tags and note; trimmed spans are the claims', () => {
    const folder = path.join(env.dir, 'brat-bare');
    expect(cli('export', '--project', env.file, '--format', 'brat', '--out', folder).status).toBe(0);
    fs.rmSync(path.join(folder, 'gainsay-records.json'));
    const fresh = path.join(env.dir, 'bare.gainsay');
    expect(cli('import', '--project', fresh, folder).status).toBe(0);
    const after = records(fresh, env.dir);
    const before = records(env.file, env.dir);
    expect(after.claims).toHaveLength(6);
    const actorName = (r: typeof after, id: string) => r.actors.find((a: { id: string }) => a.id === id)?.name;
    const describe = (r: typeof after) =>
      r.claims
        .map((c: any) => {
          const h = r.highlights.find((x: { id: string }) => x.id === c.highlightId);
          return `${h.quote.trim()} | ${actorName(r, c.actorId)} | ${c.viaActorId ? actorName(r, c.viaActorId) : ''} | ${c.tagIds.map((t: string) => r.tags.find((x: { id: string }) => x.id === t).name).sort().join(',')} | ${c.noteText}`;
        })
        .sort();
    // brat keeps each line's words; the gap at NEL comes back as the text's own NEL.
    expect(describe(after)).toEqual(describe(before));
    expect(after.links.map((l: { kind: string }) => l.kind).sort()).toEqual(['contradicts', 'contradicts', 'contradicts', 'corroborates']);
  });

  it('a mapping reads events (Source → actor, Content → claim) and resolves actors against the registry and its aliases', async () => {
    const temp = tempDir();
    try {
      const folder = path.join(temp.dir, 'corpus');
      fs.mkdirSync(folder);
      const text = 'The harbour minister said the port would reopen. Officials at the ministry said otherwise.\n';
      fs.writeFileSync(path.join(folder, 'a.txt'), text);
      const at = (s: string) => [text.indexOf(s), text.indexOf(s) + s.length].join(' ');
      fs.writeFileSync(
        path.join(folder, 'a.ann'),
        [
          `T1\tSource ${at('The harbour minister')}\tThe harbour minister`,
          `T2\tCue ${at('said the')}\tsaid the`,
          `T3\tContent ${at('the port would reopen')}\tthe port would reopen`,
          'E1\tAttribution:T2 Source:T1 Content:T3',
          `T4\tSource ${at('Officials at the ministry')}\tOfficials at the ministry`,
          `T5\tContent ${at('otherwise')}\totherwise`,
          `T6\tCue ${at('said otherwise')}\tsaid otherwise`,
          'E2\tAttribution:T6 Source:T4 Content:T5',
          'R1\tDisagrees Arg1:T3 Arg2:T5',
          '#1\tAnnotatorNotes T3\tchecked',
          'A1\tNegated E2',
          '*\tEquiv T1 T4',
          '',
        ].join('\n'),
      );
      const project = tempBackend();
      await call(project.backend, 'articles.paste', { text: 'Unrelated.', title: '' });
      const seeded = await call(project.backend, 'highlights.create', { articleId: (await call(project.backend, 'articles.list', {}))[0].id, start: 0, end: 9, quote: 'Unrelated' });
      const minister = await call(project.backend, 'claims.set', { highlightId: seeded.id, actor: { name: 'Harbour Minister Vell', kind: 'person' }, noteJson: '', noteText: '' });
      await call(project.backend, 'actors.addAlias', { id: minister.claim.actor.id, alias: 'the harbour minister' });
      project.backend.close();
      // Without a mapping (Gainsay's own), nothing here is a claim: refused with the types it has, not imported as bare texts.
      const unmapped = cli('import', '--project', project.file, folder);
      expect(unmapped.status).toBe(1);
      expect(unmapped.stdout).toContain('none of its annotations is a claim under this mapping (entity types Content (2), Cue (2), Source (2); event types Attribution (2)); say which are claims with a mapping: `gainsay import --mapping FILE`');
      expect(records(project.file, temp.dir).articles).toHaveLength(1);
      const mapping = path.join(temp.dir, 'mapping.json');
      fs.writeFileSync(mapping, JSON.stringify({ events: [{ type: 'Attribution', claim: 'Content', actor: 'Source' }], contradicts: ['Disagrees'] }));
      const result = cli('import', '--project', project.file, '--mapping', mapping, folder);
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain('added 1 article, 1 actor, 0 tags, 2 highlights, 2 claims, 1 link');
      const after = records(project.file, temp.dir);
      const claimOf = (quote: string) => after.claims.find((c: any) => after.highlights.find((h: any) => h.id === c.highlightId).quote === quote);
      expect(claimOf('the port would reopen').actorId).toBe(minister.claim.actor.id);
      expect(after.actors.find((a: any) => a.id === claimOf('otherwise').actorId).name).toBe('Officials at the ministry');
      expect(after.links).toMatchObject([{ kind: 'contradicts', status: 'open' }]);
      // A mapping with a misspelt key is refused, and nothing is written.
      fs.writeFileSync(mapping, JSON.stringify({ event: [] }));
      const refused = cli('import', '--project', project.file, '--mapping', mapping, folder);
      expect(refused.status).toBe(1);
      expect(refused.stdout).toMatch(/refused .*The mapping mapping\.json is not one Gainsay reads for brat standoff: mapping: Unrecognized key: "event"/);
      project.dispose();
    } finally {
      temp.remove();
    }
  });

  it('bad input gets one message listing the problems, and nothing is written', () => {
    const temp = tempDir();
    try {
      const folder = path.join(temp.dir, 'bad');
      fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, 'a.txt'), 'Short text.');
      fs.writeFileSync(path.join(folder, 'a.ann'), ['T1\tClaim 0 5\tShort', 'T2\tClaim 6 99\ttext.', 'T3\tClaim 0 5\tLong!', 'R1\tContradicts Arg1:T1 Arg2:T9', 'this is no annotation', 'T4\tClaim 5 2\tx', ''].join('\n'));
      fs.writeFileSync(path.join(folder, 'b.ann'), '');
      const file = path.join(temp.dir, 'p.gainsay');
      const result = cli('import', '--project', file, folder);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('was not imported; nothing was changed. 6 problems:');
      for (const problem of [
        'b.ann has no b.txt beside it',
        'a.ann line 2: T2 ends after the 11 characters of a.txt',
        'a.ann line 3: T3’s text “Long!” is not the text of a.txt at its span',
        'a.ann line 4: R1 refers to T9, which the file does not have',
        'a.ann line 5: “this is no annotation” is not a brat annotation',
        'a.ann line 6: T4 has the span “5 2”; expected “start end” with start before end',
      ])
        expect(result.stdout).toContain(problem);
      const after = records(file, temp.dir);
      expect([after.articles, after.claims, after.actors]).toEqual([[], [], []]);
    } finally {
      temp.remove();
    }
  });
});

/** PolNeAR's dev split, when this machine has it (GAINSAY_POLNEAR=…/data/dev): every span reads back exactly. */
describe.skipIf(!process.env.GAINSAY_POLNEAR)('PolNeAR dev split (GAINSAY_POLNEAR)', () => {
  it('imports with Source → actor, Content → claim, and every claim’s quote is the text at its span', async () => {
    const { polnearFolder, POLNEAR_MAPPING } = await import('../bench/polnear');
    const temp = tempDir();
    try {
      const prepared = polnearFolder(process.env.GAINSAY_POLNEAR!, temp.dir);
      const mapping = path.join(temp.dir, 'mapping.json');
      fs.writeFileSync(mapping, JSON.stringify(POLNEAR_MAPPING));
      const file = path.join(temp.dir, 'polnear.gainsay');
      const result = runCli(['import', '--project', file, '--mapping', mapping, prepared.folder], {}, 300_000);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const after = records(file, temp.dir);
      expect(after.articles).toHaveLength(prepared.documents);
      expect(after.claims).toHaveLength(prepared.contents);
      const texts = new Map(after.articles.map((a: any) => [a.id, Array.from(a.text as string)]));
      for (const h of after.highlights) expect((texts.get(h.articleId) as string[]).slice(h.start, h.end).join('')).toBe(h.quote);
      // Each one-piece Content span is a claim whose quote is brat's text for it, exactly.
      const quotes = new Map<string, number>();
      for (const h of after.highlights) quotes.set(h.quote, (quotes.get(h.quote) ?? 0) + 1);
      for (const quote of prepared.quotes) {
        expect(quotes.get(quote), quote).toBeGreaterThan(0);
        quotes.set(quote, quotes.get(quote)! - 1);
      }
      expect(prepared.quotes.length).toBeGreaterThan(prepared.contents * 0.8);
      console.log(`PolNeAR dev: ${after.articles.length} articles, ${after.claims.length} claims, ${after.actors.length} actors, every span read back`);
    } finally {
      temp.remove();
    }
  }, 600_000);
});
