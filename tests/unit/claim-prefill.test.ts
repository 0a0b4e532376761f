import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefillClaim } from '../../shared/assist/claim-prefill';
import type { RegistryActor } from '../../shared/assist/attribution/types';

const REGISTRY: RegistryActor[] = [
  { id: 'a-pelkov', name: 'Dmitry Pelkov', aliases: ['Dmitri Pelkov'], kind: 'person' },
  { id: 'a-interfax', name: 'Interfax', aliases: [], kind: 'outlet' },
];
// A Wednesday.
const ARTICLE_DATE = '2025-05-14';

/** The prefill for `quote` inside `text` (code points equal UTF-16 here: no astral characters). */
function prefill(text: string, quote: string, registry = REGISTRY, date: string | null = ARTICLE_DATE) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  return prefillClaim(text, { start, end: start + quote.length }, registry, date);
}

describe('prefillClaim', () => {
  it('takes the speaker from “…, said Russian presidential spokesman Dmitry Pelkov”, resolved to the registry', () => {
    const p = prefill('The ceasefire will hold, said Russian presidential spokesman Dmitry Pelkov.', 'The ceasefire will hold');
    expect(p.actor?.actor).toEqual({ known: true, id: 'a-pelkov', name: 'Dmitry Pelkov', kind: 'person' });
    expect(p.actor?.reason).toBe('speaker from ‘said Russian presidential spokesman Dmitry Pelkov’');
    expect(p.via).toBeNull();
    expect(p.claimedOn).toEqual({ date: '2025-05-14', reason: 'the article’s date' });
  });

  it('finds an alias, and “Pelkov said” after the full name', () => {
    expect(prefill('Dmitri Pelkov said the talks had failed.', 'the talks had failed').actor?.actor).toMatchObject({ known: true, id: 'a-pelkov' });
    const p = prefill('A spokesman spoke. Pelkov said the talks had failed.', 'the talks had failed');
    expect(p.actor?.actor).toMatchObject({ id: 'a-pelkov' });
    expect(p.actor?.reason).toBe('speaker from ‘Pelkov said’ (“Pelkov” read as Dmitry Pelkov)');
  });

  it('follows “he said” after a quotation to the speaker named before in the paragraph', () => {
    const p = prefill('Dmitry Pelkov met reporters in the morning. “The convoy left at dawn,” he said.', '“The convoy left at dawn,”');
    expect(p.actor?.actor).toMatchObject({ id: 'a-pelkov' });
    expect(p.actor?.reason).toBe('speaker from ‘he said’ (“he” read as Dmitry Pelkov)');
  });

  it('takes the channel from “Tass cited … as saying” and “told Interfax”, with a new actor’s kind guessed', () => {
    const tass = prefill('No troops will cross the river, Tass cited Defence Minister Ilya Varetsky as saying.', 'No troops will cross the river');
    expect(tass.actor?.actor).toEqual({ known: false, name: 'Ilya Varetsky', kind: 'person' });
    expect(tass.via?.actor).toEqual({ known: false, name: 'Tass', kind: 'outlet' });
    expect(tass.via?.reason).toBe('channel from ‘Tass cited’');
    const nordpress = prefill('The blockade is a fiction, Nordpress cited Ilse Marrow as saying.', 'The blockade is a fiction');
    expect(nordpress.via?.actor).toEqual({ known: false, name: 'Nordpress', kind: 'outlet' });
    const interfax = prefill('The mission is over, Varetsky told Interfax on Monday.', 'The mission is over');
    expect(interfax.via?.actor).toMatchObject({ known: true, id: 'a-interfax' });
    expect(interfax.via?.reason).toBe('channel from ‘told Interfax’');
    expect(interfax.claimedOn).toEqual({ date: '2025-05-12', reason: 'date from ‘on Monday’, counted from the article’s date 2025-05-14' });
  });

  it('takes the speaker named before “…, Tass cited him as saying” and the agency as the channel', () => {
    const quote = 'the army “had not fired at any civilian target” near the town';
    for (const dateline of ['VARNITSA — ', '']) {
      const p = prefill(`${dateline}A spokesman for the defence ministry, Aurel Cojocaru, said ${quote}, Tass cited him as saying.`, quote);
      expect(p.actor?.actor).toEqual({ known: false, name: 'Aurel Cojocaru', kind: 'person' });
      expect(p.actor?.reason).toBe('speaker from ‘A spokesman for the defence ministry, Aurel Cojocaru, said’');
      expect(p.via?.actor).toEqual({ known: false, name: 'Tass', kind: 'outlet' });
      expect(p.via?.reason).toBe('channel from ‘Tass cited him as saying’');
    }
    const interfax = prefill('Ilse Marrow, the harbour master, said the ferries would not sail, Interfax quoted her as telling reporters.', 'the ferries would not sail');
    expect(interfax.actor?.actor.name).toBe('Ilse Marrow');
    expect(interfax.via?.actor).toMatchObject({ known: true, id: 'a-interfax' });
    expect(interfax.via?.reason).toBe('channel from ‘Interfax quoted her as telling reporters’');
    // The channel's own words, not the speaker's cue: ‘said … Russia’s Tass news agency’ it was.
    const reported = prefill('Dmitry Pelkov said the grain deal is dead, Russia’s Tass news agency reported.', 'the grain deal is dead');
    expect(reported.actor?.actor).toMatchObject({ id: 'a-pelkov' });
    expect(reported.via?.reason).toBe('channel from ‘Russia’s Tass news agency reported’');
    // A quotation going on with the speaker's words: the speaker is his, the agency the channel.
    const quoted = prefill('Minister Sergej Lavrenkó said talks “will resume next week,” Interfax news agency reported.', 'talks “will resume next week,”');
    expect(quoted.actor?.actor).toEqual({ known: false, name: 'Sergej Lavrenkó', kind: 'person' });
    expect(quoted.via?.actor).toMatchObject({ id: 'a-interfax' });
    expect(quoted.via?.reason).toBe('channel from ‘Interfax news agency reported’');
    // The day of the agency's words dates the claim.
    const monday = prefill('Ilse Marrow said the ferries would not sail, Interfax quoted her as saying on Monday.', 'the ferries would not sail');
    expect(monday.via?.actor).toMatchObject({ id: 'a-interfax' });
    expect(monday.claimedOn).toEqual({ date: '2025-05-12', reason: 'date from ‘on Monday’, counted from the article’s date 2025-05-14' });
  });

  it('puts an agency that is the only source into “Reported via”', () => {
    const p = prefill('The grain deal is dead, Russia’s Tass news agency reported.', 'The grain deal is dead');
    expect(p.actor).toBeNull();
    expect(p.via?.actor).toMatchObject({ name: 'Tass', kind: 'outlet' });
    expect(p.via?.reason).toBe('channel from ‘Russia’s Tass news agency reported’');
    expect(prefill('The border was closed, according to the Interfax agency.', 'The border was closed').via?.actor).toMatchObject({ id: 'a-interfax' });
  });

  it('guesses a country as a country', () => {
    expect(prefill('Russia said the grain deal is dead.', 'the grain deal is dead').actor?.actor).toEqual({ known: false, name: 'Russia', kind: 'country' });
  });

  it('says why nobody is filled in for an unnamed source', () => {
    const p = prefill('According to the harbour master, the ferries will run again.', 'the ferries will run again');
    expect(p.actor).toBeNull();
    expect(p.noSpeaker).toBe('‘According to the harbour master’ names no one in particular');
  });

  it('resolves a relative date of the attribution, never one inside the claim', () => {
    expect(prefill('Pelkov said on Tuesday the talks had failed.', 'the talks had failed').claimedOn?.date).toBe('2025-05-13');
    expect(prefill('Yesterday, Pelkov said the talks had failed.', 'the talks had failed').claimedOn?.date).toBe('2025-05-13');
    expect(prefill('Pelkov said the talks would resume on Friday.', 'the talks would resume on Friday').claimedOn?.date).toBe('2025-05-14');
    expect(prefill('Pelkov said the talks would resume on Friday. He said so on Tuesday.', 'the talks would resume on Friday').claimedOn?.date).toBe('2025-05-14');
  });

  it('leaves the date empty without an article date, and everything empty where nothing is attributed', () => {
    expect(prefill('Pelkov said on Tuesday the talks had failed.', 'the talks had failed', REGISTRY, null).claimedOn).toBeNull();
    expect(prefill('The river rose overnight. Boats were moved.', 'Boats were moved')).toEqual({
      actor: null,
      via: null,
      noSpeaker: null,
      claimedOn: { date: '2025-05-14', reason: 'the article’s date' },
    });
  });

  it('reads only the paragraphs around the span, with offsets past emoji kept right', () => {
    const filler = 'The river rose overnight 🌊 and the boats were moved. '.repeat(400);
    const text = `${filler}\nDmitry Pelkov spoke. 😀 “The convoy left at dawn,” he said on Tuesday.`;
    const quote = '“The convoy left at dawn,”';
    const start = Array.from(text).length - Array.from(`${quote} he said on Tuesday.`).length;
    const p = prefillClaim(text, { start, end: start + Array.from(quote).length }, REGISTRY, ARTICLE_DATE);
    expect(p.actor?.actor).toMatchObject({ id: 'a-pelkov' });
    expect(p.claimedOn?.date).toBe('2025-05-13');
  });

  it('never fills in a bare title as the person named before with another title', () => {
    const text = 'Minister Ştefan Dumitrescu told reporters that “the depot was hit by rebel artillery”.\nThe depot held 4 000 tonnes of wheat, according to the regional governor.';
    const p = prefill(text, 'The depot held 4 000 tonnes of wheat', []);
    expect(p.actor).toBeNull();
    expect(p.noSpeaker).toBe('‘according to the regional governor’ names no one in particular');
    const governor = prefill(`Governor Ana Petrescu visited the site. ${text}`, 'The depot held 4 000 tonnes of wheat', []);
    expect(governor.actor?.actor.name).toBe('Ana Petrescu');
  });

  it('fills in names with letters beyond Latin-1 whole, and finds them in the registry', () => {
    const quote = '“the depot was hit by rebel artillery”';
    for (const name of ['Karel Dvořák', 'Ştefan Dumitrescu', 'Recep Tayyip Erdoğan', 'Tomasz Ilić', 'Łukasz Nowak', 'Дмитрий Песков']) {
      expect(prefill(`Minister ${name} told reporters that ${quote}.`, quote, []).actor?.actor).toEqual({ known: false, name, kind: 'person' });
      // And opening the sentence, with no title before it.
      expect(prefill(`${name} said ${quote}.`, quote, []).actor?.actor.name).toBe(name);
    }
    const registry: RegistryActor[] = [{ id: 'a-dumitrescu', name: 'Ştefan Dumitrescu', aliases: [], kind: 'person' }];
    const p = prefill(`Minister Ştefan Dumitrescu told reporters that ${quote}. “We will rebuild it,” Dumitrescu said.`, '“We will rebuild it,”', registry);
    expect(p.actor?.actor).toEqual({ known: true, id: 'a-dumitrescu', name: 'Ştefan Dumitrescu', kind: 'person' });
  });
});

describe('prefillClaim on any text', () => {
  const piece = fc.constantFrom('Pelkov', 'said', 'told', 'Interfax', 'he', 'according to', 'the', 'on Tuesday', 'yesterday', '“', '”', ',', '.', ' ', '\n', '😀', 'é', 'Tass cited', 'as saying');
  const textAndSpan = fc
    .array(piece, { minLength: 1, maxLength: 60 })
    .map((parts) => parts.join(' '))
    .chain((text) => {
      const length = Array.from(text).length;
      return fc.tuple(fc.constant(text), fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: length }));
    })
    .filter(([, start, end]) => start < end);

  it('never throws, and gives real dates and reasons', () => {
    fc.assert(
      fc.property(textAndSpan, fc.option(fc.constantFrom('2025-05-14', '2024-02-29T10:00:00Z', 'not a date')), ([text, start, end], date) => {
        const p = prefillClaim(text, { start, end }, REGISTRY, date);
        for (const found of [p.actor, p.via]) if (found) expect(found.reason.length).toBeGreaterThan(0);
        if (p.claimedOn) expect(p.claimedOn.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        else expect(date === null || date === 'not a date').toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
