import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Highlight, OpenedArticle } from '../../shared/domain';
import { noteFromText } from '../../shared/notes/note-state';
import { call, tempBackend } from '../helpers/project';

const HARBOUR = [
  'Harbour dues to double, says port chief',
  'PORTVALE (Coastal Ledger) — The port authority’s chief, Mara Tennick, said on Monday that “harbour dues will double from spring”.',
  'A union spokesman answered that “no rise has been agreed with anyone”.',
].join('\n\n');

const LEDGER = [
  'Union denies any deal on dues',
  'PORTVALE (Evening Courier) — The dockers’ union said “there is no deal and dues stay as they are”.',
].join('\n\n');

const cp = (text: string, needle: string) => Array.from(text.slice(0, text.indexOf(needle))).length;

describe('articles.open: what the reading view shows as an article opens, in one read', () => {
  let env: ReturnType<typeof tempBackend>;
  let harbour: string;
  let ledger: string;

  const claim = async (articleId: string, text: string, quote: string, actor: unknown): Promise<Highlight> => {
    const start = cp(text, quote);
    const h: Highlight = await call(env.backend, 'highlights.create', { articleId, start, end: start + Array.from(quote).length, quote });
    return call(env.backend, 'claims.set', { highlightId: h.id, actor, via: null, tags: ['dues'] });
  };

  beforeEach(async () => {
    env = tempBackend();
    harbour = (await call(env.backend, 'articles.paste', { text: HARBOUR, title: '' })).articleId;
    ledger = (await call(env.backend, 'articles.paste', { text: LEDGER, title: '' })).articleId;
  });
  afterEach(() => env.dispose());

  it('is the article, its highlights and its links exactly as articles.get, highlights.list and links.forArticle give them', async () => {
    const chief = await claim(harbour, HARBOUR, '“harbour dues will double from spring”', { name: 'Mara Tennick', kind: 'person' });
    await call(env.backend, 'highlights.create', { articleId: harbour, start: 0, end: 7, quote: 'Harbour' });
    const union = await claim(ledger, LEDGER, '“there is no deal and dues stay as they are”', { name: 'Dockers’ union', kind: 'organisation' });
    await call(env.backend, 'links.create', { claimA: chief.claim!.id, claimB: union.claim!.id, kind: 'contradicts', rationaleJson: noteFromText(''), rationaleText: '' });

    const opened: OpenedArticle = await call(env.backend, 'articles.open', { id: harbour });
    expect(opened).toEqual({
      article: await call(env.backend, 'articles.get', { id: harbour }),
      highlights: await call(env.backend, 'highlights.list', { articleId: harbour }),
      links: await call(env.backend, 'links.forArticle', { articleId: harbour }),
    });
    expect(opened.highlights.map((h) => h.start)).toEqual([0, cp(HARBOUR, '“harbour')]);
    expect(opened.links).toHaveLength(1);
  });

  it('refuses an unknown article as articles.get does, and input that is not an id, with one message each', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const refused = async (method: string, input: unknown) => {
      const result = await env.backend.invoke(method, input);
      if (result.ok) throw new Error(`${method} should have been refused`);
      return result.error;
    };
    expect(await refused('articles.open', { id: unknown })).toEqual(await refused('articles.get', { id: unknown }));
    for (const input of [{}, { id: 'harbour' }, { id: harbour, extra: 1 }, null, [harbour]]) {
      expect((await refused('articles.open', input)).code).toBe('invalid_input');
    }
  });

  it('lists any highlights as highlights.list does, in reading order', async () => {
    const points = Array.from(HARBOUR);
    const length = points.length;
    let copies = 0;
    const span = fc.tuple(fc.nat({ max: length - 1 }), fc.integer({ min: 1, max: 80 })).map(([start, size]) => ({ start, end: Math.min(length, start + size) }))
      // A highlight of white space alone is refused.
      .filter(({ start, end }) => points.slice(start, end).join('').trim() !== '');
    await fc.assert(
      fc.asyncProperty(fc.array(span, { minLength: 1, maxLength: 12 }), async (spans) => {
        // A copy of its own each run (the same text pasted again would be the same article).
        const article = (await call(env.backend, 'articles.paste', { text: `${HARBOUR}\n\nCopy ${++copies}.`, title: '' })).articleId;
        for (const { start, end } of spans) await call(env.backend, 'highlights.create', { articleId: article, start, end, quote: points.slice(start, end).join('') });
        const opened: OpenedArticle = await call(env.backend, 'articles.open', { id: article });
        expect(opened.highlights).toEqual(await call(env.backend, 'highlights.list', { articleId: article }));
        expect(opened.highlights).toHaveLength(spans.length);
      }),
      { numRuns: 15 },
    );
  });
});
