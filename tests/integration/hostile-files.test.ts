import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { EXPORT_FORMATS } from '../../shared/export/formats';
import { CLI, ROOT, runCli, startProcess } from '../helpers/cli';
import { expectOpenRefused, fileAndWal } from '../helpers/refused';
import { ARTICLE_TEXT, writeHostileCorpus, type HostileFile } from '../helpers/hostile-files';
import { call } from '../helpers/project';
import { tempDir } from '../helpers/temp';

/** Longest a CLI command or a request may take on a hostile file before it counts as frozen. */
const BOUND_MS = 30_000;

describe('hostile project files', () => {
  let temp: ReturnType<typeof tempDir>;
  let canary: string;
  let victim: string;
  let victimHash: string;
  let corpus: HostileFile[];
  let articleFile: string;

  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'node', 'cli.cjs'))) throw new Error('Run `npm run build` before the tests.');
    temp = tempDir('gainsay-hostile-');
    canary = path.join(temp.dir, 'canary');
    fs.mkdirSync(canary);
    fs.mkdirSync(path.join(temp.dir, 'corpus'));
    fs.mkdirSync(path.join(temp.dir, 'victim'));
    // Another project on the same machine, which no payload may touch.
    victim = path.join(temp.dir, 'victim', 'Colleague.gainsay');
    const backend = Backend.open(victim);
    await call(backend, 'articles.paste', { text: ARTICLE_TEXT, title: '' });
    backend.close();
    victimHash = fileAndWal(victim);
    articleFile = path.join(temp.dir, 'report.txt');
    fs.writeFileSync(articleFile, 'Monitors arrive\n\nThe first monitors arrived on Wednesday, the ministry said.\n');
    corpus = await writeHostileCorpus(path.join(temp.dir, 'corpus'), canary);
  }, 120_000);
  afterAll(() => temp?.remove());

  const schemaAttacks = () => corpus.filter((f) => f.kind === 'schema');
  const dataAttacks = () => corpus.filter((f) => f.kind === 'data');

  function expectNoHarm(label: string): void {
    expect(fs.readdirSync(canary), `${label}: a payload ran`).toEqual([]);
    expect(fileAndWal(victim), `${label}: another project changed`).toBe(victimHash);
  }

  /** Runs the real CLI, two at a time (the machine's cores), killing any run that passes the bound. */
  async function runAllBounded(runs: string[][]): Promise<Array<ReturnType<typeof runCli> & { args: string[] }>> {
    const results: Array<ReturnType<typeof runCli> & { args: string[] }> = [];
    const queue = [...runs];
    const worker = async () => {
      for (let args = queue.shift(); args; args = queue.shift()) {
        const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
        const timer = setTimeout(() => child.kill('SIGKILL'), BOUND_MS);
        const status = await new Promise<number | null>((done) => child.once('close', (code) => done(code)));
        clearTimeout(timer);
        results.push({ args, status, stdout, stderr });
      }
    };
    await Promise.all([worker(), worker()]);
    return results;
  }

  it('has a schema attack for every table the undo log covers, a trigger, views, an altered CHECK, and a WAL-only payload', () => {
    expect(schemaAttacks().map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'column-injection-actors', 'column-injection-actor_aliases', 'column-injection-tags', 'column-injection-highlights',
        'column-injection-claims', 'column-injection-claim_tags', 'column-injection-links', 'column-injection-candidate_dismissals', 'column-injection-suggestion_rejections', 'extra-trigger-wipes-articles',
        'shadowing-view', 'recursive-view-in-trigger', 'altered-check', 'wal-only-injection',
      ]),
    );
  });

  it('refuses every schema attack on opening, naming what is wrong and leaving the file byte for byte as it was', () => {
    for (const { name, file } of schemaAttacks()) {
      const error = expectOpenRefused(file, 'untrusted', name);
      expect(error.message, name).toMatch(/was not opened: it holds database objects that Gainsay does not create \((an extra|an altered|a view|no )/);
      expect(error.message, name).toMatch(/The file was left untouched\. A clean copy/);
      expectNoHarm(name);
    }
  });

  it('refuses every schema attack through `gainsay serve`, `export` and `import` with one clear line, running none of it', async () => {
    const before = new Map(schemaAttacks().map(({ file }) => [file, fileAndWal(file)]));
    // Entry point by entry point, so the two runs at a time are on different files.
    const runs = [
      ...schemaAttacks().map(({ file }) => ['serve', '--project', file]),
      ...schemaAttacks().map(({ name, file }) => ['export', '--project', file, '--format', 'json', '--out', path.join(temp.dir, `out-${name}.json`)]),
      ...schemaAttacks().map(({ file }) => ['import', '--project', file, articleFile]),
    ];
    for (const { args, status, stderr } of await runAllBounded(runs)) {
      const label = `${args[0]} ${path.basename(args[2]!)}`;
      expect(status, `${label}: ${stderr}`).toBe(1);
      expect(stderr, label).toMatch(/^gainsay: “[^”]+” was not opened: it holds database objects/);
      expect(stderr, label).toContain('gainsay clean-copy');
      if (args[0] === 'export') expect(fs.existsSync(args[6]!), label).toBe(false);
    }
    for (const [file, bytes] of before) expect(fileAndWal(file), file).toBe(bytes);
    expectNoHarm('serve, export and import');
  }, 240_000);

  it('serves every data attack: each read answers in bounded time with data or a clear message', async () => {
    for (const { name, file } of dataAttacks()) {
      const running = await startProcess(CLI, ['serve', '--project', file]);
      try {
        const url = new URL(running.url);
        const invoke = async (method: string, input: unknown = {}) => {
          const reply = await fetch(new URL('/api/invoke', url), {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Gainsay-Token': url.searchParams.get('token')! },
            body: JSON.stringify({ method, input }),
            signal: AbortSignal.timeout(BOUND_MS),
          });
          const result = (await reply.json()) as { ok: boolean; value?: any; error?: { code: string; message: string } };
          expect(result.ok || result.error?.code !== 'internal', `${name}: ${method} failed without a clear message`).toBe(true);
          return result.value;
        };
        const articles = (await invoke('articles.list')) ?? [];
        for (const article of articles) {
          await invoke('articles.get', { id: article.id });
          // The claim editor's prefill for each highlight, whatever offsets the file holds.
          for (const h of (await invoke('highlights.list', { articleId: article.id })) ?? []) await invoke('suggestions.prefill', { articleId: article.id, start: h.start, end: h.end });
          await invoke('links.forArticle', { articleId: article.id });
          await invoke('suggestions.forArticle', { articleId: article.id });
        }
        for (const actor of (await invoke('actors.list')) ?? []) await invoke('actors.claims', { id: actor.id });
        await invoke('links.review', { filters: {} });
        await invoke('links.review', { filters: { kind: 'corroborates' } });
        await invoke('links.pairs', {});
        await invoke('links.options', {});
        await invoke('claims.search', { text: 'troops' });
        await invoke('claims.list', {});
        await invoke('claims.list', { filters: { text: 'troops', tag: 'denial' }, sort: 'actor', descending: false });
        await invoke('actors.claimCounts');
        await invoke('articles.search', { query: 'ceasefire' });
        await invoke('project.info');
        expect(await invoke('actors.create', { name: 'Agence Lumière', kind: 'outlet' }), `${name}: a write`).toBeTruthy();
      } finally {
        await running.stop();
      }
      expectNoHarm(name);
    }
  }, 240_000);

  it('exports every data attack in every format, ending in bounded time with the file written or one clear line', async () => {
    const exports = path.join(temp.dir, 'exports');
    fs.mkdirSync(exports);
    // Format by format, so the two runs at a time are on different files (one Gainsay per file).
    const runs = EXPORT_FORMATS.flatMap((format) =>
      dataAttacks().map(({ name, file }) => ['export', '--project', file, '--format', format, '--out', path.join(exports, `${name}-${format}`)]),
    );
    for (const { args, status, stdout, stderr } of await runAllBounded(runs)) {
      const label = `${path.basename(args[2]!)} ${args[4]} (exit ${status}; ${stdout.slice(0, 300)})`;
      expect(status, `${label} did not finish within ${BOUND_MS} ms`).not.toBeNull();
      if (status === 0) {
        // The report is two files, OUT.html and OUT.md; neither may carry markup or links from the file.
        expect(fs.existsSync(args[4] === 'report' ? `${args[6]}.html` : args[6]!), label).toBe(true);
        if (args[4] === 'report') expect(fs.readFileSync(`${args[6]}.md`, 'utf8'), label).not.toMatch(/<img|\]\(javascript:/);
      } else {
        expect(stderr, label).toMatch(/^gainsay: (?!Something went wrong)/);
      }
      // Formats that name files by article id refuse an id Gainsay does not make.
      if (args[2]!.endsWith('article-id-traversal.gainsay') && (args[4] === 'brat' || args[4] === 'refi')) {
        expect(stderr, label).toMatch(/which is not one Gainsay makes .* nothing was exported\.\n$/);
      }
    }
    expectNoHarm('exports');
  }, 400_000);

  it('imports into every data attack in bounded time', async () => {
    for (const { args, stdout, stderr } of await runAllBounded(dataAttacks().map(({ file }) => ['import', '--project', file, articleFile]))) {
      expect(stdout, `${args[2]}: ${stderr}`).toMatch(/1 imported/);
    }
    expectNoHarm('imports');
  }, 120_000);
});
