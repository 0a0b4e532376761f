import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { extractAttributions } from '../../shared/assist/attribution/extract';
import type { Extraction, SuggestionPage, SuggestionProgress } from '../../shared/assist/attribution/types';
import type { JobSnapshot } from '../../shared/jobs';
import { acceptanceOf } from '../../shared/assist/attribution/acceptance';
import { EXTRACTOR_VERSION } from '../../shared/assist/attribution/version';
import { Backend } from '../../electron/backend/backend';
import { importPastedText } from '../../electron/backend/import/importer';
import { CURRENT_SUGGESTIONS, NOT_TRIAGED } from '../../electron/backend/features/suggestions/store';
import { EXTRACTOR_NICENESS } from '../../electron/backend/features/suggestions/extractor-thread';
import { BUILT_SUGGEST_WORKER, call, tempBackend } from '../helpers/project';

const TEXTS = path.join(import.meta.dirname, '..', 'fixtures', 'attribution', 'text');
const FILES = ['ceasefire-monitors.txt', 'prisoner-talks.txt'];

async function importFixtures(backend: Backend): Promise<string[]> {
  const ids: string[] = [];
  for (const name of FILES) {
    const outcome = await call(backend, 'articles.importFile', { name, dataBase64: fs.readFileSync(path.join(TEXTS, name)).toString('base64') });
    ids.push(outcome.articleId);
  }
  return ids;
}

/** Polls progress as a window would, until every article has current suggestions. */
async function settled(backend: Backend): Promise<SuggestionProgress> {
  for (let i = 0; i < 400; i++) {
    const progress: SuggestionProgress = await call(backend, 'suggestions.progress', {});
    if (progress.error) throw new Error(progress.error);
    if (!progress.running && progress.done === progress.total) return progress;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('background suggesting did not finish');
}

function runs(file: string): Array<{ article_id: string; extractor_version: number; n: number }> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT r.article_id, r.extractor_version, (SELECT count(*) FROM suggestions s WHERE s.article_id = r.article_id) AS n FROM suggestion_runs r').all() as never;
  } finally {
    db.close();
  }
}

describe('suggestions made in the background and stored', () => {
  let project: ReturnType<typeof tempBackend> | null = null;
  afterEach(() => {
    project?.dispose();
    project = null;
  });

  it('suggests imported articles in the worker, stores them with the extractor version, and serves the same as the extractor makes', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    const ids = await importFixtures(project.backend);
    expect(await settled(project.backend)).toEqual({ done: 2, total: 2, running: false, error: null });

    const page: SuggestionPage = await call(project.backend, 'suggestions.list', {});
    for (const [i, id] of ids.entries()) {
      const fresh = extractAttributions(fs.readFileSync(path.join(TEXTS, FILES[i]!), 'utf8').replace(/\r\n/g, '\n'), []);
      const stored: Extraction = await call(project.backend, 'suggestions.forArticle', { articleId: id });
      expect(stored.suggestions.length).toBeGreaterThan(3);
      expect(stored.suggestions.map((s) => s.quote).sort()).toEqual(fresh.suggestions.map((s) => s.quote).sort());
      expect(page.rows.filter((r) => r.articleId === id).map((r) => r.suggestion).sort((a, b) => a.start - b.start)).toEqual(stored.suggestions);
    }
    expect(page.total).toBe(page.rows.length);
    // Surest first.
    const confidences = page.rows.map((r) => r.suggestion.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    project.backend.close();
    expect(runs(project.file).map((r) => r.extractor_version)).toEqual([EXTRACTOR_VERSION, EXTRACTOR_VERSION]);
  });

  it('filters the project-wide list by article, speaker and confidence, and pages it', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    const [monitors] = await importFixtures(project.backend);
    await settled(project.backend);
    const all: SuggestionPage = await call(project.backend, 'suggestions.list', {});
    const inOne: SuggestionPage = await call(project.backend, 'suggestions.list', { articleId: monitors });
    expect(inOne.rows.every((r) => r.articleId === monitors && r.articleTitle === 'Monitors report shelling near the demarcation line')).toBe(true);
    expect(inOne.total).toBe(all.rows.filter((r) => r.articleId === monitors).length);
    const pelkov: SuggestionPage = await call(project.backend, 'suggestions.list', { speaker: 'pelkov' });
    expect(pelkov.total).toBeGreaterThan(0);
    expect(pelkov.rows.every((r) => /pelkov/i.test(r.suggestion.source.actor?.name ?? r.suggestion.source.text))).toBe(true);
    // The speaker is matched as every search matches: case and diacritics folded.
    await call(project.backend, 'articles.paste', { title: 'Convoy', text: 'Søren Ødegård said on Monday that the convoy had left the depot at dawn.' });
    await settled(project.backend);
    for (const speaker of ['soren odegard', 'ØDEGÅRD', 'Ødegård']) {
      const found: SuggestionPage = await call(project.backend, 'suggestions.list', { speaker });
      expect(found.rows.map((r) => r.suggestion.source.actor?.name), speaker).toEqual(['Søren Ødegård']);
    }
    const sure: SuggestionPage = await call(project.backend, 'suggestions.list', { minConfidence: 0.8 });
    expect(sure.rows.every((r) => r.suggestion.confidence >= 0.8)).toBe(true);
    const all2: SuggestionPage = await call(project.backend, 'suggestions.list', {});
    expect(sure.total).toBe(all2.rows.filter((r) => r.suggestion.confidence >= 0.8).length);
    const second: SuggestionPage = await call(project.backend, 'suggestions.list', { offset: 2, limit: 3 });
    expect(second).toEqual({ total: all2.total, more: false, rows: all2.rows.slice(2, 5) });
    const refused = await project.backend.invoke('suggestions.list', { minConfidence: 2 });
    expect(refused.ok).toBe(false);
  });

  it('leaves accepted and rejected suggestions out of the list; undoing the acceptance brings it back, without touching the stored run', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    await importFixtures(project.backend);
    await settled(project.backend);
    const before: SuggestionPage = await call(project.backend, 'suggestions.list', {});
    const [first, second] = before.rows;
    const s = first!.suggestion;
    await call(project.backend, 'suggestions.accept', { articleId: first!.articleId, accepted: [{ start: s.start, end: s.end, quote: s.quote, actor: { name: s.source.actor?.name ?? 'Someone', kind: 'person' } }] });
    await call(project.backend, 'suggestions.reject', { articleId: second!.articleId, start: second!.suggestion.start, end: second!.suggestion.end, quote: second!.suggestion.quote });
    const after: SuggestionPage = await call(project.backend, 'suggestions.list', {});
    expect(after.rows).toEqual(before.rows.slice(2));
    await call(project.backend, 'history.undo', {}); // the rejection
    await call(project.backend, 'history.undo', {}); // the acceptance
    expect(await call(project.backend, 'suggestions.list', {})).toEqual(before);
  });

  it('accepts every suggestion the filters match, across articles, in one undoable step, after the count is confirmed', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    await importFixtures(project.backend);
    await settled(project.backend);
    const filters = { minConfidence: 0.5 };
    const before: SuggestionPage = await call(project.backend, 'suggestions.list', { ...filters, limit: 500 });
    expect(new Set(before.rows.map((r) => r.articleId)).size).toBe(2);
    const { count, tooMany } = await call(project.backend, 'suggestions.countToAccept', filters);
    expect({ count, tooMany }).toEqual({ count: before.total, tooMany: false });

    // A count that is no longer right (another window accepted one meanwhile) accepts nothing.
    const stale = await project.backend.invoke('suggestions.acceptMatching', { ...filters, expected: count + 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/changed meanwhile.*Nothing was accepted/) } });
    expect((await call(project.backend, 'claims.list', {})).total).toBe(0);

    expect(await call(project.backend, 'suggestions.acceptMatching', { ...filters, expected: count })).toEqual({ accepted: count });
    expect((await call(project.backend, 'suggestions.list', filters)).total).toBe(0);
    const claims = await call(project.backend, 'claims.list', { limit: 500 });
    expect(claims.total).toBe(count);
    // Those below the confidence chosen are still suggested.
    expect((await call(project.backend, 'suggestions.list', {})).total).toBeGreaterThan(0);

    // One step: one undo takes them all back.
    await call(project.backend, 'history.undo', {});
    expect((await call(project.backend, 'claims.list', {})).total).toBe(0);
    expect(await call(project.backend, 'suggestions.list', { ...filters, limit: 500 })).toEqual(before);
  });

  it('lists rejected suggestions on asking, and restores one as an undoable step', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    await importFixtures(project.backend);
    await settled(project.backend);
    const before: SuggestionPage = await call(project.backend, 'suggestions.list', {});
    const { articleId, suggestion } = before.rows[1]!;
    const key = { articleId, start: suggestion.start, end: suggestion.end, quote: suggestion.quote };
    expect(await call(project.backend, 'suggestions.list', { rejected: true })).toEqual({ total: 0, more: false, rows: [] });
    await call(project.backend, 'suggestions.reject', key);
    const rejected: SuggestionPage = await call(project.backend, 'suggestions.list', { rejected: true });
    expect(rejected.rows).toEqual([before.rows[1]]);
    // The rejected filter combines with the others.
    expect((await call(project.backend, 'suggestions.list', { rejected: true, minConfidence: Math.min(1, suggestion.confidence + 0.01) })).total).toBe(0);

    await call(project.backend, 'suggestions.restore', key);
    expect(await call(project.backend, 'suggestions.list', {})).toEqual(before);
    expect((await call(project.backend, 'suggestions.list', { rejected: true })).total).toBe(0);
    // Restoring what is not rejected changes nothing, with one clear message.
    const again = await project.backend.invoke('suggestions.restore', key);
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found', message: 'That suggestion is not rejected; nothing changed.' } });

    // Undo takes back the restoring (rejected again), then the rejection.
    await call(project.backend, 'history.undo', {});
    expect((await call(project.backend, 'suggestions.list', { rejected: true })).rows).toEqual([before.rows[1]]);
    await call(project.backend, 'history.undo', {});
    expect(await call(project.backend, 'suggestions.list', {})).toEqual(before);
    expect((await call(project.backend, 'suggestions.list', { rejected: true })).total).toBe(0);
  });

  it('shows stored suggestions with the actors as they are now: added, aliased, renamed, merged', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    const [monitors] = await importFixtures(project.backend);
    await settled(project.backend);
    const speakersOf = async () => {
      const { suggestions }: Extraction = await call(project!.backend, 'suggestions.forArticle', { articleId: monitors });
      const page: SuggestionPage = await call(project!.backend, 'suggestions.list', { articleId: monitors });
      const listed = page.rows.map((r) => r.suggestion.source.actor);
      expect(new Set(listed.map((a) => JSON.stringify(a)))).toEqual(new Set(suggestions.map((s) => JSON.stringify(s.source.actor))));
      return suggestions.filter((s) => /Pelkov/.test(s.source.text)).map((s) => s.source.actor);
    };
    // Made with no actors in the project: a proposed one.
    expect(await speakersOf()).toContainEqual({ known: false, name: 'Dmitry Pelkov', kind: 'person' });

    // An actor added since, under another spelling with this one as an alias: shown as that actor.
    const pelkow = await call(project.backend, 'actors.create', { name: 'Dmitri Pelkow', kind: 'person' });
    expect(await speakersOf()).toContainEqual({ known: false, name: 'Dmitry Pelkov', kind: 'person' });
    await call(project.backend, 'actors.addAlias', { id: pelkow.id, alias: 'Dmitry Pelkov' });
    expect(await speakersOf()).toContainEqual({ known: true, id: pelkow.id, name: 'Dmitri Pelkow', kind: 'person' });
    expect(await speakersOf()).not.toContainEqual(expect.objectContaining({ known: false, name: 'Dmitry Pelkov' }));

    // Renamed: the new name.
    await call(project.backend, 'actors.update', { id: pelkow.id, name: 'Dmitry S. Pelkov', kind: 'person', role: '' });
    expect(await speakersOf()).toContainEqual({ known: true, id: pelkow.id, name: 'Dmitry S. Pelkov', kind: 'person' });

    // Merged into another: that one, found by the alias it took over.
    const target = await call(project.backend, 'actors.create', { name: 'Pelkov (Kremlin)', kind: 'person' });
    await call(project.backend, 'actors.merge', { sourceId: pelkow.id, targetId: target.id });
    expect(await speakersOf()).toContainEqual({ known: true, id: target.id, name: 'Pelkov (Kremlin)', kind: 'person' });

    // Accepting one then names the actor shown.
    const page: SuggestionPage = await call(project.backend, 'suggestions.list', { articleId: monitors });
    const row = page.rows.find((r) => r.suggestion.source.actor?.known && r.suggestion.source.actor.id === target.id)!;
    await call(project.backend, 'suggestions.accept', { articleId: monitors, accepted: [acceptanceOf(row.suggestion)] });
    const claims = await call(project.backend, 'claims.list', {});
    expect(claims.rows.map((c: { actor: { id: string } }) => c.actor.id)).toEqual([target.id]);
  });

  it('makes suggestions again for a newer extractor version and for a text changed behind the app', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    const [monitors] = await importFixtures(project.backend);
    await settled(project.backend);
    project.backend.close();

    const db = new Database(project.file);
    db.prepare('UPDATE suggestion_runs SET extractor_version = ?').run(EXTRACTOR_VERSION - 1);
    // Another tool changed one article's text: its stored suggestions no longer fit it.
    db.prepare("UPDATE articles SET text = 'Officials said the ceasefire held. ' || text WHERE id = ?").run(monitors);
    const changedText = db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(monitors) as string;
    db.prepare(`UPDATE suggestion_runs SET extractor_version = ${EXTRACTOR_VERSION} WHERE article_id = ?`).run(monitors);
    db.close();

    const backend = Backend.open(project.file, { suggestWorker: BUILT_SUGGEST_WORKER });
    try {
      // Only the article whose run is from the older version is made again in the background ...
      expect(await call(backend, 'suggestions.progress', {})).toMatchObject({ done: 1, total: 2 });
      await settled(backend);
      // ... and the one whose text changed, when it is read: by its text's hash.
      const changed: Extraction = await call(backend, 'suggestions.forArticle', { articleId: monitors });
      const fresh = extractAttributions(changedText, []).suggestions;
      expect(changed.suggestions.map((s) => [s.start, s.quote])).toEqual(fresh.map((s) => [s.start, s.quote]));
      const listed: SuggestionPage = await call(backend, 'suggestions.list', { articleId: monitors });
      expect(listed.rows.map((r) => r.suggestion)).toEqual(changed.suggestions.sort((a, b) => b.confidence - a.confidence || 0));
    } finally {
      backend.close();
    }
    expect(runs(project.file).every((r) => r.extractor_version === EXTRACTOR_VERSION)).toBe(true);
  });

  it.runIf(process.platform === 'linux')('runs the extractor in a thread of lower priority, leaving the backend’s thread as it was', async () => {
    /**
     * Each thread of this process with its nice value (field 19 of /proc/…/stat, counted after the
     * name). A thread may end between the listing and the reading of its stat: it is passed over.
     */
    const niceness = () =>
      fs.readdirSync('/proc/self/task').flatMap((tid) => {
        let stat: string;
        try {
          stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        } catch {
          return [];
        }
        return [{ tid: Number(tid), nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) }];
      });
    const before = os.getPriority();
    const threadsBefore = new Set(niceness().map((t) => t.tid));
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    await importFixtures(project.backend);
    let lowered: number[] = [];
    for (let i = 0; i < 400 && lowered.length === 0; i++) {
      lowered = niceness().filter((t) => !threadsBefore.has(t.tid) && t.nice === EXTRACTOR_NICENESS).map((t) => t.tid);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(lowered).toHaveLength(1);
    expect(os.getPriority()).toBe(before);
    await settled(project.backend);
  });

  it('makes every article’s suggestions again when the app’s folding changed (their speakers are folded search keys)', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    await importFixtures(project.backend);
    await settled(project.backend);
    project.backend.close();
    const db = new Database(project.file);
    db.prepare("UPDATE derived_versions SET version = version - 1 WHERE name = 'fold'").run();
    db.close();
    const backend = Backend.open(project.file, { suggestWorker: BUILT_SUGGEST_WORKER });
    try {
      expect(await call(backend, 'suggestions.progress', {})).toMatchObject({ done: 0, total: 2 });
      await settled(backend);
    } finally {
      backend.close();
    }
  });

  it('never shows stored rows that do not fit the text or are not the app’s, from a file written by another tool', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    const [monitors] = await importFixtures(project.backend);
    await settled(project.backend);
    const before: Extraction = await call(project.backend, 'suggestions.forArticle', { articleId: monitors });
    project.backend.close();
    const db = new Database(project.file);
    const ordinals = db.prepare('SELECT ordinal FROM suggestions WHERE article_id = ? ORDER BY ordinal').pluck().all(monitors) as number[];
    db.prepare("UPDATE suggestions SET quote = 'words nobody wrote' WHERE article_id = ? AND ordinal = ?").run(monitors, ordinals[0]);
    db.prepare("UPDATE suggestions SET body = '{\"fragments\":\"<script>\"}' WHERE article_id = ? AND ordinal = ?").run(monitors, ordinals[1]);
    db.prepare('UPDATE suggestions SET body = json_set(body, \'$.cue\', json(\'{"start":0,"end":99999999}\')) WHERE article_id = ? AND ordinal = ?').run(monitors, ordinals[2]);
    db.close();

    const backend = Backend.open(project.file);
    try {
      const after: Extraction = await call(backend, 'suggestions.forArticle', { articleId: monitors });
      expect(after.suggestions).toEqual(before.suggestions.slice(3));
      const listed: SuggestionPage = await call(backend, 'suggestions.list', { articleId: monitors });
      expect(listed.rows.map((r) => r.suggestion.quote).sort()).toEqual(after.suggestions.map((s) => s.quote).sort());
    } finally {
      backend.close();
    }
  });

  it('says why when the worker cannot start, and still suggests an article when it is read', async () => {
    project = tempBackend({ suggestWorker: path.join(path.dirname(BUILT_SUGGEST_WORKER), 'no-such-worker.cjs') });
    const [monitors] = await importFixtures(project.backend);
    let progress: SuggestionProgress = await call(project.backend, 'suggestions.progress', {});
    for (let i = 0; i < 200 && !progress.error; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      progress = await call(project.backend, 'suggestions.progress', {});
    }
    expect(progress).toMatchObject({ done: 0, total: 2, running: false });
    expect(progress.error).toMatch(/no longer made in the background .* still made when an article is opened/);
    const read: Extraction = await call(project.backend, 'suggestions.forArticle', { articleId: monitors });
    expect(read.suggestions.length).toBeGreaterThan(3);
    expect(await call(project.backend, 'suggestions.progress', {})).toMatchObject({ done: 1, total: 2 });
  });

  it('stops when cancelled, after the article in hand, and takes up where it stopped when started again', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    for (let i = 0; i < 6; i++) await call(project.backend, 'articles.paste', { title: `Harbour report ${i}`, text: `The harbour master said on day ${i} that the cranes were idle. “We wait,” she said.` });
    const { suggesting } = project.backend.project;
    suggesting.cancel();
    let stopped = suggesting.progress();
    for (let i = 0; i < 400 && stopped.running; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      stopped = suggesting.progress();
    }
    expect(stopped).toMatchObject({ total: 6, running: false });
    expect(stopped.done).toBeLessThan(6);
    // Asking for progress does not undo a cancellation.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await call(project.backend, 'suggestions.progress', {})).toEqual(stopped);
    suggesting.start();
    expect(await settled(project.backend)).toEqual({ done: 6, total: 6, running: false, error: null });
  });

  it('runs as a job: progress events in articles, and jobs.cancel stops it keeping what was stored', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    const events: JobSnapshot[] = [];
    project.backend.jobs.onEvent((job) => events.push({ ...job }));
    const text = (i: number) => Array.from({ length: 40 }, (_, k) => `“Pier ${k} is closed,” harbour master Ana Moreau said on day ${i}.`).join('\n\n');
    // Imported as one step (as a folder is), so that one job has all 30 from its start.
    for (let i = 0; i < 30; i++) importPastedText(project.backend.project.db, text(i), `Harbour report ${i}`);
    project.backend.project.suggesting.start();
    const [job] = (await call(project.backend, 'jobs.list', {})) as JobSnapshot[];
    expect(job).toMatchObject({ kind: 'suggest', label: 'Suggest claims', unit: 'articles', state: 'running' });
    // Let it store a few, then stop it as a window's Cancel button does.
    for (let i = 0; i < 400 && (await call(project.backend, 'suggestions.progress', {})).done < 3; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await call(project.backend, 'jobs.cancel', { id: job!.id })).toEqual({ cancelled: true });
    const ended = await project.backend.jobs.finished(job!.id);
    const progress: SuggestionProgress = await call(project.backend, 'suggestions.progress', {});
    expect(ended.state).toBe('cancelled');
    expect(ended.result).toEqual({ kind: 'suggest', done: progress.done, total: 30 });
    expect(progress).toMatchObject({ running: false, total: 30 });
    expect(progress.done).toBeGreaterThanOrEqual(3);
    expect(progress.done).toBeLessThan(30);
    expect(ended.message).toMatch(new RegExp(`${progress.done} of 30 articles suggested, and kept`));
    // What was stored stays, and is listed.
    const page: SuggestionPage = await call(project.backend, 'suggestions.list', {});
    expect(page.rows.length).toBeGreaterThan(0);
    expect(new Set(page.rows.map((r) => r.articleId)).size).toBeLessThanOrEqual(progress.done);
    // Progress events counted articles up to where it stopped.
    const running = events.filter((e) => e.id === job!.id && e.state === 'running' && e.total === 30);
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((e) => e.done <= progress.done)).toBe(true);
    // Asking for progress does not start it again; the next import does, and it finishes.
    expect(await call(project.backend, 'suggestions.progress', {})).toEqual(progress);
    await call(project.backend, 'articles.paste', { title: 'Harbour report 30', text: text(30) });
    expect(await settled(project.backend)).toEqual({ done: 31, total: 31, running: false, error: null });
  });

  it('answers the call that starts it before the job begins its work, and counts as it stores', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    const events: JobSnapshot[] = [];
    project.backend.jobs.onEvent((job) => events.push({ ...job }));
    for (let i = 0; i < 5; i++) importPastedText(project.backend.project.db, `“Lock ${i} is shut,” the canal authority said.`, `Lock ${i}`);
    // Waiting articles and no job: asking for progress starts one, and is answered before it counts, starts its worker or walks the queue.
    expect(await call(project.backend, 'suggestions.progress', {})).toEqual({ done: 0, total: 5, running: true, error: null });
    expect(events.map((e) => e.message)).toEqual(['Starting…']);
    expect(await settled(project.backend)).toEqual({ done: 5, total: 5, running: false, error: null });
    expect(events.filter((e) => e.state === 'running').map((e) => e.total)).toContain(5);
  });

  it('takes each batch after the last, and before it ends, in the same job, an article whose run went stale behind it', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    const { db, suggesting } = project.backend.project;
    const ids = Array.from({ length: 300 }, (_, i) => importPastedText(db, `“Berth ${i} is free,” the harbour master said.`, `Berth ${i}`).articleId!);
    suggesting.start();
    const [job] = (await call(project.backend, 'jobs.list', {})) as JobSnapshot[];
    const current = () => db.prepare('SELECT count(*) FROM suggestion_runs WHERE extractor_version = ?').pluck().get(EXTRACTOR_VERSION) as number;
    while (current() < 120) await new Promise((resolve) => setTimeout(resolve, 5));
    // The first article's run is now from an older extractor, long behind the batch in hand.
    db.prepare('UPDATE suggestion_runs SET extractor_version = ? WHERE article_id = ?').run(EXTRACTOR_VERSION - 1, ids[0]);
    const ended = await project.backend.jobs.finished(job!.id);
    expect(ended.state).toBe('done');
    expect(ended.result).toEqual({ kind: 'suggest', done: 301, total: 301 });
    expect(current()).toBe(300);
  });

  it('finds the few articles waiting among a thousand suggested, a stretch of the queue at a time, however far apart their seqs (a file written elsewhere)', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    const { db, suggesting } = project.backend.project;
    const ids = Array.from({ length: 1_200 }, (_, i) => importPastedText(db, `“Gate ${i} is open,” the harbour master said.`, `Gate ${i}`).articleId!);
    // Sequence numbers far apart (thousands of empty stretches between articles), and one below zero.
    db.exec('UPDATE articles SET seq = -seq');
    db.exec('UPDATE articles SET seq = 1000000 - seq * 733');
    db.prepare('UPDATE articles SET seq = -7 WHERE id = ?').run(ids[600]);
    const waiting = [ids[0]!, ids[600]!, ids[601]!, ids[1_199]!];
    db.prepare(`INSERT INTO suggestion_runs (article_id, extractor_version, text_hash, skipped, made_at) SELECT id, ?, 'stored before', NULL, '2026-01-01T00:00:00Z' FROM articles WHERE id NOT IN (${waiting.map(() => '?').join(', ')})`).run(
      EXTRACTOR_VERSION,
      ...waiting,
    );
    suggesting.start();
    const [job] = (await call(project.backend, 'jobs.list', {})) as JobSnapshot[];
    const ended = await project.backend.jobs.finished(job!.id);
    expect(ended.state).toBe('done');
    expect(ended.result).toEqual({ kind: 'suggest', done: 4, total: 4 });
    const made = db.prepare(`SELECT count(*) FROM suggestion_runs WHERE extractor_version = ? AND text_hash <> 'stored before'`).pluck().get(EXTRACTOR_VERSION);
    expect(made).toBe(4);
    expect(await call(project.backend, 'suggestions.progress', {})).toEqual({ done: 1_200, total: 1_200, running: false, error: null });
  });

  it('suggests an article added while the walk passes a stretch with nothing waiting, in the same job', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    const { db, suggesting } = project.backend.project;
    for (let i = 0; i < 300; i++) importPastedText(db, `“Quay ${i} is closed,” the harbour master said.`, `Quay ${i}`);
    db.prepare(`INSERT INTO suggestion_runs (article_id, extractor_version, text_hash, skipped, made_at) SELECT id, ?, 'stored before', NULL, '2026-01-01T00:00:00Z' FROM articles`).run(EXTRACTOR_VERSION);
    // Pasted (as the paste handler does: the article, then start) while the walk leaves the event loop free after its first, empty, stretch.
    let added: string | null = null;
    const realSetImmediate = globalThis.setImmediate;
    globalThis.setImmediate = ((callback: (...args: unknown[]) => void, ...args: unknown[]) => {
      if (!added) {
        added = importPastedText(db, '“The quay reopens on Monday,” the harbour master said.', 'Quay reopens').articleId!;
        suggesting.start();
      }
      return realSetImmediate(callback, ...args);
    }) as typeof setImmediate;
    try {
      suggesting.start();
      const [job] = (await call(project.backend, 'jobs.list', {})) as JobSnapshot[];
      const ended = await project.backend.jobs.finished(job!.id);
      expect(added).not.toBeNull();
      expect(ended.result).toEqual({ kind: 'suggest', done: 1, total: 1 });
    } finally {
      globalThis.setImmediate = realSetImmediate;
    }
    expect(db.prepare('SELECT count(*) FROM suggestion_runs WHERE article_id = ?').pluck().get(added)).toBe(1);
  });

  it('suggests every article of a file whose seqs are beyond 2^53, which numbers cannot hold exactly', async () => {
    project = tempBackend({ suggestWorker: BUILT_SUGGEST_WORKER });
    const { db, suggesting } = project.backend.project;
    for (let i = 0; i < 60; i++) importPastedText(db, `“Pier ${i} is flooded,” the harbour master said.`, `Pier ${i}`);
    // Seqs 2^60 + 150 to 2^60 + 209, read as numbers 256 apart: the first batch's last (+199) is
    // read as +256, past the ten after it, which a walk by seq would then never find.
    db.exec('UPDATE articles SET seq = seq + 1152921504606847125');
    suggesting.start();
    const [job] = (await call(project.backend, 'jobs.list', {})) as JobSnapshot[];
    const ended = await project.backend.jobs.finished(job!.id);
    expect(ended.result).toEqual({ kind: 'suggest', done: 60, total: 60 });
    expect(db.prepare('SELECT count(*) FROM suggestion_runs WHERE extractor_version = ?').pluck().get(EXTRACTOR_VERSION)).toBe(60);
  }, 20_000);

  it('runs nothing in the background where no worker is given (one-shot CLI commands)', async () => {
    project = tempBackend();
    await importFixtures(project.backend);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await call(project.backend, 'suggestions.progress', {})).toEqual({ done: 0, total: 2, running: false, error: null });
  });
});

describe('the project-wide list’s queries', () => {
  it('take the page in order from the index on confidence, without sorting the whole table', () => {
    const temp = tempBackend();
    try {
      const db = temp.backend.project.db;
      const plan = db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT s.article_id, s.ordinal FROM ${CURRENT_SUGGESTIONS} WHERE s.confidence >= 0 AND ${NOT_TRIAGED} ORDER BY s.confidence DESC, s.rowid LIMIT 100`,
        )
        .all() as Array<{ detail: string }>;
      const details = plan.map((p) => p.detail).join('\n');
      expect(details).toMatch(/SCAN s USING (COVERING )?INDEX suggestions_confidence|SEARCH s USING (COVERING )?INDEX suggestions_confidence/);
      expect(details).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    } finally {
      temp.dispose();
    }
  });
});
