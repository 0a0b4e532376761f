import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noteFromText } from '../../shared/notes/note-state';
import { call, tempBackend } from '../helpers/project';

const TEXT = 'Ørsted-Kommission an der Straße\n\nDie Sprecherin Æsa Þórsdóttir sagte, die Beobachter würden die Straße bei Łódź nicht erreichen.';

/** One folding for every search: the same words, written any way it joins, find the same records everywhere. */
describe('“strasse” finds “Straße” in every search surface', () => {
  let env: ReturnType<typeof tempBackend>;
  beforeEach(() => (env = tempBackend()));
  afterEach(() => env.dispose());

  it('library search, the link picker, the review list’s words, and the actor field', async () => {
    const { articleId } = await call(env.backend, 'articles.paste', { text: TEXT, title: '' });
    const quote = 'die Beobachter würden die Straße bei Łódź nicht erreichen';
    const start = [...TEXT.slice(0, TEXT.indexOf(quote))].length;
    const highlight = await call(env.backend, 'highlights.create', { articleId, start, end: start + [...quote].length, quote });
    const first = await call(env.backend, 'claims.set', { highlightId: highlight.id, actor: { name: 'Æsa Þórsdóttir', kind: 'person' } });
    const other = 'Ørsted-Kommission an der Straße';
    const second = await call(env.backend, 'highlights.create', { articleId, start: 0, end: [...other].length, quote: other });
    const headline = await call(env.backend, 'claims.set', { highlightId: second.id, actor: { name: 'Straßenwacht Łódź', kind: 'organisation' } });
    await call(env.backend, 'links.create', { claimA: first.claim.id, claimB: headline.claim.id, kind: 'contradicts', rationaleJson: noteFromText('Beide über die Straße'), rationaleText: 'Beide über die Straße' });

    for (const query of ['strasse', 'STRASSE', 'straße', 'Strasse']) {
      expect((await call(env.backend, 'articles.search', { query })).total, `library: ${query}`).toBe(1);
      expect((await call(env.backend, 'claims.search', { text: query })).length, `link picker: ${query}`).toBe(2);
      const review = await call(env.backend, 'links.review', { filters: { text: query } });
      expect(review.total, `review list: ${query}`).toBe(1);
    }
    // Names: the actor field and the picker match ß, Æ, Þ and Ł folded the same way.
    const matched = async (text: string) => ((await call(env.backend, 'actors.match', { text })) as Array<{ actor: { name: string } }>).map((m) => m.actor.name);
    expect(await matched('strassenwacht lodz')).toContain('Straßenwacht Łódź');
    expect(await matched('aesa thorsdottir')).toContain('Æsa Þórsdóttir');
    expect((await call(env.backend, 'claims.search', { text: 'aesa thorsdottir' })).length).toBe(1);
    expect((await call(env.backend, 'articles.search', { query: 'lodz orsted' })).total).toBe(1);
  });
});
