import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Extraction } from '../../shared/assist/attribution/types';
import { EXTRACTOR_VERSION } from '../../shared/assist/attribution/version';
import { Backend } from '../../electron/backend/backend';
import { call, tempBackend } from '../helpers/project';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'attribution', 'text', 'ceasefire-monitors.txt');

/** Imports the fictional fixture article into the project; returns its id. */
async function importFixture(project: ReturnType<typeof tempBackend>): Promise<string> {
  const outcome = await call(project.backend, 'articles.importFile', { name: 'ceasefire-monitors.txt', dataBase64: fs.readFileSync(FIXTURE).toString('base64') });
  return outcome.articleId;
}

describe('suggested claims in a project', () => {
  let project: ReturnType<typeof tempBackend>;
  let articleId: string;
  beforeEach(async () => {
    project = tempBackend();
    articleId = await importFixture(project);
  });
  afterEach(() => project.dispose());

  it('lists an article’s suggestions, and a rejected one never again, across reopening the project', async () => {
    const first: Extraction = await call(project.backend, 'suggestions.forArticle', { articleId });
    expect(first.version).toBe(EXTRACTOR_VERSION);
    expect(first.suggestions.length).toBeGreaterThanOrEqual(8);
    const pelkov = first.suggestions.find((s) => s.quote === 'Moscow had no information about the incident')!;
    expect(pelkov.source.actor?.name).toBe('Dmitry Pelkov');

    await call(project.backend, 'suggestions.reject', { articleId, start: pelkov.start, end: pelkov.end, quote: pelkov.quote });
    await call(project.backend, 'suggestions.reject', { articleId, start: pelkov.start, end: pelkov.end, quote: pelkov.quote });
    const after: Extraction = await call(project.backend, 'suggestions.forArticle', { articleId });
    expect(after.suggestions.map((s) => s.quote)).toEqual(first.suggestions.filter((s) => s !== pelkov).map((s) => s.quote));

    project.backend.close();
    const reopened = Backend.open(project.file);
    try {
      const again: Extraction = await call(reopened, 'suggestions.forArticle', { articleId });
      expect(again.suggestions.some((s) => s.quote === pelkov.quote)).toBe(false);
    } finally {
      reopened.close();
    }
  });

  it('leaves out a span that is already highlighted', async () => {
    const { suggestions }: Extraction = await call(project.backend, 'suggestions.forArticle', { articleId });
    const target = suggestions[0]!;
    await call(project.backend, 'highlights.create', { articleId, start: target.start, end: target.end, quote: target.quote });
    const after: Extraction = await call(project.backend, 'suggestions.forArticle', { articleId });
    expect(after.suggestions.some((s) => s.start === target.start && s.end === target.end)).toBe(false);
    expect(after.suggestions).toHaveLength(suggestions.length - 1);
  });

  it('leaves out a suggestion over a claim the analyst recorded as a shorter span, over the article and from Accept all; the list still has it', async () => {
    const { suggestions }: Extraction = await call(project.backend, 'suggestions.forArticle', { articleId });
    const target = suggestions.find((s) => Array.from(s.quote).length > 20)!;
    // The claim: the suggestion's span less its first and last five code points.
    const points = Array.from(target.quote);
    const highlight = await call(project.backend, 'highlights.create', { articleId, start: target.start + 5, end: target.end - 5, quote: points.slice(5, -5).join('') });
    const plain = suggestions.find((s) => s !== target && (s.end <= target.start || s.start >= target.end))!;
    // A plain highlight inside another suggestion (a fact marked, not a claim) hides nothing.
    await call(project.backend, 'highlights.create', { articleId, start: plain.start, end: plain.start + 3, quote: Array.from(plain.quote).slice(0, 3).join('') });
    const count = async () => (await call(project.backend, 'suggestions.countToAccept', { articleId })).count as number;
    expect(await count()).toBe(suggestions.length);
    await call(project.backend, 'claims.set', { highlightId: highlight.id, actor: { name: 'Dmitry Pelkov', kind: 'person' } });
    const after: Extraction = await call(project.backend, 'suggestions.forArticle', { articleId });
    expect(after.suggestions.map((s) => s.quote)).toEqual(suggestions.filter((s) => s !== target).map((s) => s.quote));
    const listed = await call(project.backend, 'suggestions.list', { articleId, limit: 100 });
    expect(listed.rows.map((r: { suggestion: { quote: string } }) => r.suggestion.quote)).toContain(target.quote);
    expect(await count()).toBe(suggestions.length - 1);
    expect(await call(project.backend, 'suggestions.acceptMatching', { articleId, expected: suggestions.length - 1 })).toEqual({ accepted: suggestions.length - 1 });
    const claims = (await call(project.backend, 'highlights.list', { articleId })).filter((h: { claim: unknown }) => h.claim);
    expect(claims).toHaveLength(suggestions.length);
  });

  it('refuses a rejection that does not match the article, storing nothing', async () => {
    const bad = [
      { articleId, start: 0, end: 5, quote: 'Not the text' },
      { articleId, start: 5, end: 5, quote: 'x' },
      { articleId, start: 0, end: 10_000_000, quote: 'x' },
      { articleId: '6f1d1b8e-5a3e-4c1e-9a57-0c1f3f7b2a11', start: 0, end: 5, quote: 'Monit' },
    ];
    for (const input of bad) {
      const result = await project.backend.invoke('suggestions.reject', input);
      expect(result.ok).toBe(false);
    }
    const { suggestions }: Extraction = await call(project.backend, 'suggestions.forArticle', { articleId });
    expect(suggestions.length).toBeGreaterThanOrEqual(8);
    // The project's own connection: the open project holds the file exclusively.
    const db = project.backend.project.db;
    expect(db.prepare('SELECT count(*) AS n FROM suggestion_rejections').get()).toEqual({ n: 0 });
  });

  it('accepts suggestions as claims in one undoable step, creating each new actor once', async () => {
    const { suggestions }: Extraction = await call(project.backend, 'suggestions.forArticle', { articleId });
    const pelkov = suggestions.filter((s) => s.source.actor?.name === 'Dmitry Pelkov');
    expect(pelkov.length).toBeGreaterThanOrEqual(2);
    const accepted = pelkov.map((s) => ({
      start: s.start,
      end: s.end,
      quote: s.quote,
      actor: { name: 'Dmitry Pelkov', kind: 'person' },
      via: s.channel ? { name: s.channel.actor.name, kind: 'outlet' } : null,
    }));
    expect(await call(project.backend, 'suggestions.accept', { articleId, accepted })).toEqual({ accepted: pelkov.length });

    const highlights = await call(project.backend, 'highlights.list', { articleId });
    expect(highlights).toHaveLength(pelkov.length);
    expect(new Set(highlights.map((h: any) => h.claim.actor.name))).toEqual(new Set(['Dmitry Pelkov']));
    expect(highlights.some((h: any) => h.claim.via?.name === 'Tass')).toBe(true);
    expect((await call(project.backend, 'actors.list', {})).map((a: any) => a.name).sort()).toEqual(['Dmitry Pelkov', 'Tass']);
    expect((await call(project.backend, 'history.state', {})).undo).toBe(`Accept ${pelkov.length} suggested claims`);
    const after: Extraction = await call(project.backend, 'suggestions.forArticle', { articleId });
    expect(after.suggestions).toHaveLength(suggestions.length - pelkov.length);

    await call(project.backend, 'history.undo', {});
    expect(await call(project.backend, 'highlights.list', { articleId })).toEqual([]);
    expect(await call(project.backend, 'actors.list', {})).toEqual([]);
  });

  it('accepts nothing when one suggestion no longer fits the text', async () => {
    const { suggestions }: Extraction = await call(project.backend, 'suggestions.forArticle', { articleId });
    const good = { start: suggestions[0]!.start, end: suggestions[0]!.end, quote: suggestions[0]!.quote, actor: { name: 'Elena Marsh', kind: 'person' } };
    const result = await project.backend.invoke('suggestions.accept', { articleId, accepted: [good, { ...good, quote: 'something else' }] });
    expect(result.ok).toBe(false);
    expect(await call(project.backend, 'highlights.list', { articleId })).toEqual([]);
    expect(await call(project.backend, 'actors.list', {})).toEqual([]);
  });

  it('forgets an article’s rejections with the article', async () => {
    const { suggestions }: Extraction = await call(project.backend, 'suggestions.forArticle', { articleId });
    const s = suggestions[0]!;
    await call(project.backend, 'suggestions.reject', { articleId, start: s.start, end: s.end, quote: s.quote });
    await call(project.backend, 'articles.delete', { id: articleId });
    // The project's own connection: the open project holds the file exclusively.
    const db = project.backend.project.db;
    expect(db.prepare('SELECT count(*) AS n FROM suggestion_rejections').get()).toEqual({ n: 0 });
  });
});

describe('the claim editor’s prefill for a span', () => {
  let project: ReturnType<typeof tempBackend>;
  let articleId: string;
  let text: string;
  beforeEach(async () => {
    project = tempBackend();
    articleId = await importFixture(project);
    const article = await call(project.backend, 'articles.get', { id: articleId });
    text = article.text;
    await call(project.backend, 'articles.update', {
      id: articleId,
      meta: { title: article.title, outlet: 'Wire', author: '', publishedAt: '2025-03-05', url: '', language: 'en' },
    });
  });
  afterEach(() => project.dispose());

  function spanOf(quote: string) {
    const start = Array.from(text.slice(0, text.indexOf(quote))).length;
    return { articleId, start, end: start + Array.from(quote).length };
  }

  it('resolves the speaker against the registry, aliases included, and dates the claim from the article', async () => {
    const pelkov = await call(project.backend, 'actors.create', { name: 'Dmitry S. Pelkov', kind: 'person', role: '' });
    await call(project.backend, 'actors.addAlias', { id: pelkov.id, alias: 'Dmitry Pelkov' });
    const prefill = await call(project.backend, 'suggestions.prefill', spanOf('Moscow had no information about the incident'));
    expect(prefill.actor).toEqual({
      actor: { known: true, id: pelkov.id, name: 'Dmitry S. Pelkov', kind: 'person' },
      // The fixture has a no-break space inside the name; the reason quotes the text as written.
      reason: 'speaker from ‘Kremlin spokesman Dmitry\u00a0Pelkov said’',
    });
    expect(prefill.claimedOn).toEqual({ date: '2025-03-05', reason: 'the article’s date' });
  });

  it('reads the channel and a weekday of the attribution', async () => {
    const tass = await call(project.backend, 'suggestions.prefill', spanOf('Pelkov denied that Russian forces were involved'));
    expect(tass.via).toMatchObject({ actor: { known: false, name: 'Tass', kind: 'outlet' } });
    const tuesday = await call(project.backend, 'suggestions.prefill', spanOf('its patrol had recorded 41 explosions'));
    expect(tuesday.claimedOn).toEqual({ date: '2025-03-04', reason: 'date from ‘on Tuesday’, counted from the article’s date 2025-03-05' });
    expect(tuesday.actor).toBeNull();
    expect(tuesday.noSpeaker).toBe('‘The monitoring mission said’ names no one in particular');
  });

  it('refuses a span outside the article or reversed', async () => {
    const length = Array.from(text).length;
    for (const input of [
      { articleId, start: 0, end: length + 1 },
      { articleId, start: 5, end: 5 },
      { articleId, start: -1, end: 3 },
      { articleId: '6f1d1b8e-5a3e-4c1e-9a57-0c1f3f7b2a11', start: 0, end: 5 },
    ]) {
      expect((await project.backend.invoke('suggestions.prefill', input)).ok).toBe(false);
    }
  });
});
