import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { NO_HOST, type Host } from '../../electron/backend/host';
import type { ImportJobResult } from '../../shared/jobs';
import { GAINSAY_BRAT_MAPPING, MAPPINGS } from '../../shared/import-mappings';
import { ROOT } from '../helpers/cli';
import { call, tempBackend } from '../helpers/project';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'annotation-import');
const BRAT = path.join(FIXTURES, 'brat');
const W3C = path.join(FIXTURES, 'w3c');

/** A folder's files as the page uploads them: names relative to the folder's parent, as a folder input gives them. */
const upload = (folder: string, names = fs.readdirSync(folder)) =>
  names.map((name) => ({ name: `${path.basename(folder)}/${name}`, dataBase64: fs.readFileSync(path.join(folder, name)).toString('base64') }));

/** The claims of a project as "actor: quote", and its links as "kind: quote ↔ quote". */
function summary(backend: Backend) {
  const db = backend.project.db;
  const claims = db.prepare('SELECT a.name AS actor, h.quote FROM claims c JOIN highlights h ON h.id = c.highlight_id JOIN actors a ON a.id = c.actor_id ').all() as Array<{ actor: string; quote: string }>;
  const links = db.prepare('SELECT l.kind, ha.quote AS a, hb.quote AS b FROM links l JOIN claims ca ON ca.id = l.claim_a JOIN highlights ha ON ha.id = ca.highlight_id JOIN claims cb ON cb.id = l.claim_b JOIN highlights hb ON hb.id = cb.highlight_id ').all() as Array<{ kind: string; a: string; b: string }>;
  // In code point order, whatever order SQLite gives.
  return { claims: claims.map((c) => `${c.actor}: ${c.quote}`).sort(), links: links.map((l) => `${l.kind}: ${[l.a, l.b].sort().join(' ↔ ')}`).sort() };
}

async function importHeld(backend: Backend, id: string, mapping: unknown): Promise<ImportJobResult> {
  const job = await call(backend, 'annotations.import', { id, mapping });
  const ended = await backend.jobs.finished(job.id);
  expect(ended.state, ended.error ?? '').toBe('done');
  return ended.result as ImportJobResult;
}

const ATTRIBUTION = { ...GAINSAY_BRAT_MAPPING, claimEntities: [], gainsayNotes: false, events: [{ type: 'Attribution', claim: 'Content', actor: 'Source' }], contradicts: ['Disputes'] };

describe('the import dialog’s methods: preview, then import with a mapping', () => {
  let env: ReturnType<typeof tempBackend>;
  /** The temporary folder the backend writes uploads into (os.tmpdir() reads TMPDIR on every call). */
  let tmp: string;
  const savedTmp = process.env.TMPDIR;
  const held = () => fs.readdirSync(tmp).filter((name) => name.startsWith('gainsay-import-'));
  beforeEach(() => {
    env = tempBackend();
    tmp = path.join(env.dir, 'tmp');
    fs.mkdirSync(tmp);
    process.env.TMPDIR = tmp;
  });
  afterEach(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    env.dispose();
  });

  it('an uploaded brat folder is previewed with its types and counts, then imported with a changed mapping; its uploaded files are removed', async () => {
    const preview = await call(env.backend, 'annotations.preview', { folder: 'brat', files: upload(BRAT) });
    expect(preview).toMatchObject({
      format: 'brat',
      name: 'brat',
      documents: 2,
      entities: [
        { name: 'Content', count: 6 },
        { name: 'Cue', count: 6 },
        { name: 'Source', count: 6 },
      ],
      relations: [{ name: 'Disputes', count: 2 }],
      events: [{ name: 'Attribution', count: 6, roles: [{ name: 'Content', count: 6 }, { name: 'Source', count: 6 }] }],
      attributes: [{ name: 'Factuality = Asserted', count: 2 }],
      notes: 2,
      problems: [],
      mapping: { format: 'brat', mapping: GAINSAY_BRAT_MAPPING },
    });
    expect(held()).toHaveLength(1);
    expect(fs.readdirSync(path.join(tmp, held()[0]!)).sort()).toEqual(fs.readdirSync(BRAT).sort());
    const result = await importHeld(env.backend, preview.id, { format: 'brat', mapping: ATTRIBUTION });
    expect(result.outcomes).toMatchObject([{ name: 'brat', status: 'imported', documents: ['ferry-fares: 3 claims, 1 link', 'harbour-cranes: 3 claims, 1 link'] }]);
    expect(held()).toEqual([]);
    // Imported once: the same id again is refused.
    const again = await env.backend.invoke('annotations.import', { id: preview.id, mapping: { format: 'brat', mapping: ATTRIBUTION } });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(summary(env.backend)).toEqual({
      claims: [
        'A consumer group: the rise was the third in two years',
        'A dockworkers’ union official: no repairs had begun',
        'The ferry operator’s chief executive: fares would rise by 4 per cent',
        'The port authority spokesman: the cranes would be repaired by Friday',
        'The transport minister: fares would stay frozen until the autumn',
        'The transport minister: the harbour would reopen “within days”',
      ],
      links: ['contradicts: fares would rise by 4 per cent ↔ fares would stay frozen until the autumn', 'contradicts: no repairs had begun ↔ the cranes would be repaired by Friday'],
    });
  });

  it('a brat folder with a line that does not parse and a span that is not its text is refused with the problems listed, and nothing is written', async () => {
    const files = upload(BRAT);
    const broken = files.find((f) => f.name.endsWith('harbour-cranes.ann'))!;
    const text = Buffer.from(broken.dataBase64, 'base64').toString('utf8').replace('T3\tContent 72 110', 'T3\tContent 72 111') + 'R9 Disputes T1 T2\n';
    broken.dataBase64 = Buffer.from(text).toString('base64');
    const preview = await call(env.backend, 'annotations.preview', { folder: 'brat', files });
    expect(preview.problems).toEqual([expect.stringMatching(/^harbour-cranes\.ann line 16: “R9 Disputes T1 T2” is not a brat annotation/)]);
    const result = await importHeld(env.backend, preview.id, { format: 'brat', mapping: ATTRIBUTION });
    expect(result.outcomes[0]!.status).toBe('refused');
    expect(result.outcomes[0]!.message).toMatch(/^brat was not imported; nothing was changed\. 2 problems:\n {2}- harbour-cranes\.ann line 16: .*\n {2}- harbour-cranes\.ann line 3: T3’s text .* is not the text of harbour-cranes\.txt at its span$/);
    expect(summary(env.backend)).toEqual({ claims: [], links: [] });
    expect((await call(env.backend, 'project.info', {})).counts.articles).toBe(0);
  });

  it('an uploaded W3C file with its text is previewed with its selectors and bodies, then imported with the speaker read from another purpose; the undo history ends there', async () => {
    const preview = await call(env.backend, 'annotations.preview', { folder: null, files: upload(W3C) });
    expect(preview).toMatchObject({
      format: 'w3c',
      name: 'valley-water.jsonld',
      documents: 1,
      selectors: [
        { name: 'TextPositionSelector', count: 2 },
        { name: 'TextQuoteSelector', count: 2 },
      ],
      bodies: [
        { name: 'classifying', count: 2 },
        { name: 'tagging', count: 2 },
        { name: 'commenting', count: 1 },
      ],
      mapping: { format: 'w3c', mapping: MAPPINGS.w3c.defaults },
    });
    await call(env.backend, 'actors.create', { name: 'Valley farmers’ union', kind: 'organisation' });
    expect((await call(env.backend, 'history.state', {})).undo).not.toBeNull();
    const result = await importHeld(env.backend, preview.id, { format: 'w3c', mapping: { ...MAPPINGS.w3c.defaults, actorPurpose: 'classifying' } });
    // A merge ends the undo history, as a project JSON merge does.
    expect(await call(env.backend, 'history.state', {})).toEqual({ undo: null, redo: null });
    expect(result.outcomes).toMatchObject([{ name: 'valley-water.jsonld', status: 'imported' }]);
    expect(summary(env.backend).claims).toEqual(['Farmers’ leaders: wells in the south were still dry', 'Regional water board: reservoirs were back to 80 per cent']);
    expect(await call(env.backend, 'tags.list', {})).toEqual(['water']);
  });

  it('the desktop host chooses with its open dialog: the chosen folder is read where it is, and left as it was', async () => {
    const asked: string[] = [];
    const host: Host = { ...NO_HOST, importPaths: async (choose) => (asked.push(choose), { paths: [BRAT] }) };
    const before = fs.readdirSync(BRAT);
    const preview = await env.backend.invoke('annotations.preview', { choose: 'folder' }, undefined, host);
    expect(preview).toMatchObject({ ok: true, value: { format: 'brat', name: BRAT, documents: 2 } });
    expect(asked).toEqual(['folder']);
    const id = (preview as { value: { id: string } }).value.id;
    await importHeld(env.backend, id, { format: 'brat', mapping: ATTRIBUTION });
    expect(summary(env.backend).claims).toHaveLength(6);
    expect(fs.readdirSync(BRAT)).toEqual(before);
    // A folder holding a W3C file beside its text: the W3C file is what is imported.
    const w3cFolder: Host = { ...NO_HOST, importPaths: async () => ({ paths: [W3C] }) };
    expect(await env.backend.invoke('annotations.preview', { choose: 'folder' }, undefined, w3cFolder)).toMatchObject({ ok: true, value: { format: 'w3c', name: path.join(W3C, 'valley-water.jsonld'), documents: 1, problems: [] } });
    // A cancelled dialog: null, nothing held.
    const cancelled: Host = { ...NO_HOST, importPaths: async () => null };
    expect(await env.backend.invoke('annotations.preview', { choose: 'files' }, undefined, cancelled)).toMatchObject({ ok: true, value: null });
  });

  it('bad input is refused with one message and nothing is held: names that are paths, files that are no annotations, a mapping for another format, an unknown mapping key', async () => {
    const refused = async (input: unknown, pattern: RegExp) => {
      const result = await env.backend.invoke('annotations.preview', input);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.error.message).toMatch(pattern);
    };
    await refused({ folder: null, files: [{ name: '../.hidden', dataBase64: '' }] }, /cannot be files to import: \.\.\/\.hidden/);
    await refused({ folder: null, files: [{ name: 'notes.txt', dataBase64: 'aGk=' }] }, /notes\.txt: nothing there is a brat folder/);
    await refused({ folder: 'a', files: [...upload(BRAT), ...upload(BRAT)] }, /both named/);
    expect(held()).toEqual([]);

    const preview = await call(env.backend, 'annotations.preview', { folder: 'brat', files: upload(BRAT) });
    const wrongFormat = await importHeld(env.backend, preview.id, { format: 'w3c', mapping: MAPPINGS.w3c.defaults });
    expect(wrongFormat.outcomes).toMatchObject([{ status: 'refused', message: 'The mapping is for w3c, not for brat.' }]);
    const other = await call(env.backend, 'annotations.preview', { folder: 'brat', files: upload(BRAT) });
    const unknownKey = await env.backend.invoke('annotations.import', { id: other.id, mapping: { format: 'brat', mapping: { claimEntity: ['Content'] } } });
    expect(unknownKey).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(held()).toHaveLength(1);
    expect(await call(env.backend, 'annotations.discard', { id: other.id })).toEqual({ discarded: true });
    expect(held()).toEqual([]);
    expect(await call(env.backend, 'annotations.discard', { id: other.id })).toEqual({ discarded: false });
    expect((await call(env.backend, 'project.info', {})).counts.articles).toBe(0);
  });
});
