import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractAttributions } from '../../shared/assist/attribution/extract';
import type { RegistryActor, Suggestion } from '../../shared/assist/attribution/types';
import { EXTRACTOR_VERSION } from '../../shared/assist/attribution/version';
import { sliceCodePoints } from '../../shared/offsets';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'attribution', 'text');
const article = (name: string) => fs.readFileSync(path.join(FIXTURE, `${name}.txt`), 'utf8');

const REGISTRY: RegistryActor[] = [
  { id: 'a-pelkov', name: 'Dmitry Pelkov', aliases: ['Pelkow'], kind: 'person' },
  { id: 'a-tass', name: 'TASS', aliases: ['Tass news agency'], kind: 'outlet' },
  { id: 'a-mission', name: 'Special Monitoring Mission', aliases: ['the monitoring mission'], kind: 'organisation' },
];

function one(text: string, registry: RegistryActor[] = []): Suggestion[] {
  return extractAttributions(text, registry).suggestions;
}

function cueText(text: string, s: Suggestion): string | null {
  return s.cue ? sliceCodePoints(text, s.cue.start, s.cue.end) : null;
}

describe('attribution extractor', () => {
  it('finds indirect speech with its source, cue and the title stripped from the actor', () => {
    const text = 'Kremlin spokesman Dmitry\u00a0Pelkov said on Tuesday that Moscow had no information about the incident.';
    const [s, ...rest] = one(text);
    expect(rest).toEqual([]);
    expect(s!.quote).toBe('that Moscow had no information about the incident');
    expect(s!.source.text).toBe('Kremlin spokesman Dmitry\u00a0Pelkov');
    expect(s!.source.actor).toEqual({ known: false, name: 'Dmitry Pelkov', kind: 'person' });
    expect(cueText(text, s!)).toBe('said');
    expect(s!.direct).toBe(false);
  });

  it('finds a speaker before a relative clause, a cue set off by commas, and "and said" as the same speaker', () => {
    const rel = 'It was last spring that Maria Olsen, who chairs the harbour board, said the pier would close.';
    const [r] = one(rel);
    expect(r!.source.text).toBe('Maria Olsen');
    expect(r!.quote).toBe('the pier would close');

    const mid = 'In both years, Tomas Berg said, the grants paid for new roofs at the school.';
    const [m] = one(mid);
    expect(m!.source.text).toBe('Tomas Berg');
    expect(m!.quote).toBe('the grants paid for new roofs at the school');

    const two = 'Berg said the roofs were finished and said that the gym would open in May.';
    const both = one(two);
    expect(both.map((s) => s.quote)).toEqual(['the roofs were finished', 'that the gym would open in May']);
    expect(both[1]!.source.text).toBe('Berg');
  });

  it('keeps one speaker\'s quotations together: a short one after the cue, and a paragraph that is only a quotation', () => {
    const text = '“They wait,” the 52-year-old mayor said. “Everyone waits.”\n\n“And the town always pays in the end, every single time.”\n\nThe council met later.';
    const [s, ...rest] = one(text);
    expect(rest).toEqual([]);
    expect(s!.fragments).toHaveLength(3);
    expect(s!.source.text).toBe('the 52-year-old mayor');
  });

  it('resolves sources through the registry and its aliases, ignoring case and diacritics', () => {
    const text = 'Pelkow said the convoy had left. The Monitoring Mission said that it saw no convoy.';
    const [a, b] = one(text, REGISTRY);
    expect(a!.source.actor).toEqual({ known: true, id: 'a-pelkov', name: 'Dmitry Pelkov', kind: 'person' });
    expect(b!.source.actor).toMatchObject({ known: true, id: 'a-mission' });
    expect(b!.confidence).toBeGreaterThan(one(text)[1]!.confidence);
  });

  it('joins a split quotation around its cue, resolves "he" to the person named before, and never "the spokesman" to the mediator', () => {
    const text = article('ceasefire-monitors');
    const all = one(text);
    const split = all.find((s) => s.quote.startsWith('“The mission will continue'))!;
    expect(split.fragments).toHaveLength(2);
    expect(sliceCodePoints(text, split.fragments[1]!.start, split.fragments[1]!.end)).toBe('“and we will publish a full report on Friday.”');
    expect(split.source.actor?.name).toBe('Elena Marsh');
    const spanning = all.find((s) => s.quote.includes('patience for too long'))!;
    expect(spanning.quote).toBe('“We have shown patience for too long.\n\n“That patience has limits,”');
    expect(spanning.source.text).toBe('he');
    expect(spanning.source.actor?.name).toBe('Andrei Volkov');

    const talks = article('prisoner-talks');
    // Ana Ribeiro was named as the mediator just before: the spokesman is someone else.
    const spokesman = one(talks).find((s) => s.source.text === 'The spokesman')!;
    expect(spokesman.source.actor).toBeNull();
  });

  it('resolves "he" and a surname to a person named earlier outside any attribution', () => {
    const text = 'Dmitry Pelkov met the envoy in Vienna on Monday. “We will not leave,” he said. Pelkov’s claim that the convoy left was denied by Kyiv.';
    const [quote, claim] = one(text);
    expect(quote!.source.actor).toEqual({ known: false, name: 'Dmitry Pelkov', kind: 'person' });
    expect(claim!.source.text).toBe('Pelkov’s');
    expect(claim!.source.actor?.name).toBe('Dmitry Pelkov');
    expect(cueText(text, claim!)).toBe('claim');
  });

  it('finds the channel: told an outlet, cited/quoted by, "according to" and "… news agency reported"', () => {
    const text = article('ceasefire-monitors') + '\n' + article('prisoner-talks');
    const all = one(text, REGISTRY);
    const channelOf = (start: string) => all.find((s) => s.quote.startsWith(start))?.channel?.actor;
    expect(channelOf('The shelling damaged a school')).toMatchObject({ known: true, name: 'TASS' });
    expect(all.find((s) => s.quote.startsWith('The shelling'))!.source.text).toBe('a local official');
    expect(channelOf('that Russian forces were involved')).toMatchObject({ name: 'TASS' });
    expect(channelOf('that both delegations')).toEqual({ known: false, name: 'Geneva Herald', kind: 'outlet' });
    expect(channelOf('that the lists')).toEqual({ known: false, name: 'Interfax', kind: 'outlet' });
    expect(channelOf('the delay was technical')).toMatchObject({ known: true, name: 'TASS' });
    // The channel's words are not part of the content.
    expect(all.some((s) => /reported|according to the Tass/.test(s.quote))).toBe(false);
  });

  it('reads "AGENCY cited/quoted PRONOUN as saying" after a named speaker\'s claim as the channel, not a claim of its own', () => {
    const claim = 'the army “had not fired at any civilian target” near the town';
    for (const dateline of ['VARNITSA — ', 'VARNITSA, March 11 (Danube Wire) — ', '']) {
      const text = `${dateline}A spokesman for the defence ministry, Aurel Cojocaru, said ${claim}, Tass cited him as saying.`;
      const all = one(text);
      expect(all.map((s) => s.quote)).toEqual([claim]);
      expect(all[0]!.source.actor).toEqual({ known: false, name: 'Aurel Cojocaru', kind: 'person' });
      expect(cueText(text, all[0]!)).toBe('said');
      expect(all[0]!.channel?.actor).toEqual({ known: false, name: 'Tass', kind: 'outlet' });
    }
    const telling = 'A spokeswoman for the port authority, Ilse Marrow, said the ferries would not sail before Friday, Interfax quoted her as telling reporters.';
    const [port, ...rest] = one(telling, REGISTRY);
    expect(rest).toEqual([]);
    expect(port!.quote).toBe('the ferries would not sail before Friday');
    expect(port!.source.actor?.name).toBe('Ilse Marrow');
    expect(port!.channel?.actor).toEqual({ known: false, name: 'Interfax', kind: 'outlet' });
  });

  it('takes "him", "her" and "them" as the speaker of "AGENCY quoted PRONOUN as saying" when no claim came before', () => {
    const before = 'Ilse Marrow inspected the pier at dawn. The ferries would not sail before Friday, Interfax quoted her as saying.';
    const claim = one(before).find((s) => s.quote.startsWith('The ferries'))!;
    expect(claim.quote).toBe('The ferries would not sail before Friday');
    expect(claim.source.text).toBe('her');
    expect(claim.source.actor?.name).toBe('Ilse Marrow');
    expect(claim.channel?.actor.name).toBe('Interfax');
    const after = 'Ilse Marrow inspected the pier at dawn. Interfax quoted her as telling reporters that the ferries would not sail before Friday.';
    const told = one(after).find((s) => s.quote.includes('ferries'))!;
    expect(told.quote).toBe('that the ferries would not sail before Friday');
    expect(told.source.actor?.name).toBe('Ilse Marrow');
    expect(told.channel?.actor.name).toBe('Interfax');
    // "he was quoted by Tass": the content ends before its speaker, not before the agency.
    const passive = one('Ilse Marrow inspected the pier. The ferries would not sail, she was quoted by Tass as saying.')[0]!;
    expect(passive.quote).toBe('The ferries would not sail');
    expect(passive.source.actor?.name).toBe('Ilse Marrow');
    expect(passive.channel?.actor.name).toBe('Tass');
    // What follows "as saying" is content only if it reads as content, not "on Tuesday".
    for (const text of ['Ilse Marrow said the ferries would not sail, Interfax quoted her as saying on Tuesday.', 'The ferries would not sail, Interfax quoted Ilse Marrow as saying in an interview.']) {
      const [late, ...others] = one(text);
      expect(others).toEqual([]);
      expect(late!.quote).toBe(text.startsWith('Ilse') ? 'the ferries would not sail' : 'The ferries would not sail');
      expect(late!.source.actor?.name).toBe('Ilse Marrow');
      expect(late!.channel?.actor.name).toBe('Interfax');
    }
    // A possessive "her" still starts a noun phrase.
    const spokesman = one('The ferries would not sail, Interfax quoted her spokesman as saying.')[0]!;
    expect(spokesman.source.text).toBe('her spokesman');
    expect(spokesman.channel?.actor.name).toBe('Interfax');
  });

  it('gives a quotation that goes on with a named speaker\'s words to that speaker, the agency reporting it as channel', () => {
    const text = 'Minister Sergej Lavrenkó said talks “will resume next week,” TASS news agency reported.';
    const [s, ...rest] = one(text, REGISTRY);
    expect(rest).toEqual([]);
    expect(s!.quote).toBe('talks “will resume next week,”');
    expect(s!.source.actor).toEqual({ known: false, name: 'Sergej Lavrenkó', kind: 'person' });
    expect(cueText(text, s!)).toBe('said');
    expect(s!.channel?.actor).toMatchObject({ known: true, name: 'TASS' });
    // The variants: "quoted him as saying", "according to", a correspondent, "the agency".
    const variants: [string, string | undefined][] = [
      ['Minister Sergej Lavrenkó said talks “will resume next week,” Interfax quoted him as saying.', 'Interfax'],
      ['Minister Sergej Lavrenkó said talks “will resume next week,” according to Tass.', 'TASS'],
      ['Minister Sergej Lavrenkó said that talks “will resume next week,” a Tass correspondent reported.', 'TASS'],
      // "the agency" is an outlet named as an agency before, and else no one (it may be a government's).
      ['Minister Sergej Lavrenkó said talks “will resume next week,” the agency said.', undefined],
      ['Interfax reported the ferries had sailed. Minister Sergej Lavrenkó said talks “will resume next week,” the agency said.', undefined],
      ['The Interfax news agency reported the ferries had sailed. Minister Sergej Lavrenkó said talks “will resume next week,” the agency said.', 'Interfax'],
      // A quotation that opens the content, after a colon, a comma or nothing.
      ['Minister Sergej Lavrenkó said: “talks will resume next week,” TASS news agency reported.', 'TASS'],
      ['Minister Sergej Lavrenkó said, “talks will resume next week,” TASS news agency reported.', 'TASS'],
      ['Minister Sergej Lavrenkó said “talks will resume next week,” TASS news agency reported.', 'TASS'],
    ];
    for (const [variant, channel] of variants) {
      const [v, ...others] = one(variant, REGISTRY).filter((s) => !s.quote.includes('ferries'));
      expect(others).toEqual([]);
      expect(['talks “will resume next week,”', 'that talks “will resume next week,”', '“talks will resume next week,”']).toContain(v!.quote);
      expect(v!.source.actor?.name).toBe('Sergej Lavrenkó');
      expect(v!.channel?.actor.name).toBe(channel);
    }
    // With no speaker before it, the agency is the speaker; a later person (not an agency) still
    // is the quotation's, and a colon hands the quotation on as before.
    for (const plain of ['“Talks will resume next week,” TASS reported.', 'Talks “will resume next week,” TASS reported.']) {
      const [p, ...others] = one(plain, REGISTRY);
      expect(others).toEqual([]);
      expect(p!.source.actor?.name).toBe('TASS');
      expect(p!.channel).toBeNull();
    }
    // "told reporters talks …": the lite model runs addressee and subject together; "reporters" is told.
    const told = one('It was a long day. The minister told reporters talks would resume next week.');
    expect(told.map((s) => s.quote)).toEqual(['talks would resume next week']);
    const person = one('The members said they would pay more “because the greens are better,” Mr. Lind said.');
    expect(person.find((s) => s.quote.includes('greens'))!.source.text).toBe('Mr. Lind');
  });

  it('reads a present tense in -s after a name ending the sentence as a cue ("…,” Tass reports"), as in a headline', () => {
    const lead = 'The foreign ministry met on Monday and it was a long day for all of them.\n\n';
    const headline = `${lead}Lavrenkó says talks “will resume next week,” TASS reports\n\nThe minister spoke in Vell.`;
    const [h, ...rest] = one(headline, REGISTRY);
    expect(rest).toEqual([]);
    expect(h!.quote).toBe('talks “will resume next week,”');
    expect(h!.source.actor?.name).toBe('Lavrenkó');
    expect(h!.channel?.actor.name).toBe('TASS');
    const plain = one(`${lead}“Talks will resume next week,” Interfax reports.`);
    expect(plain.map((s) => [s.quote, s.source.text, cueText(`${lead}“Talks will resume next week,” Interfax reports.`, s)])).toEqual([['“Talks will resume next week,”', 'Interfax', 'reports']]);
    // "…, records show" ending a content that runs from a cue before it is not part of it.
    const records = one('A trust called Harbour Friends gave 5,000 crowns to the pier board in May, campaign finance records show.');
    expect(records.length).toBeGreaterThan(0);
    expect(records.some((s) => s.quote.includes('records'))).toBe(false);
  });

  it('never gives an agency the claim of a speaker named before a quotation it reports', () => {
    const speakers = fc.constantFrom('Minister Sergej Lavrenkó', 'Harbour master Ilse Marrow', 'A spokesman for the ministry, Aurel Cojocaru,', 'Tomas Lind');
    const cues = fc.constantFrom('said', 'told reporters', 'told reporters that', 'said on Tuesday that', 'warned that');
    const contents = fc.constantFrom('talks “will resume next week,”', 'the ferries “would not sail before Friday,”', 'the army had “not fired at any target,”');
    const agencies = fc.constantFrom('TASS news agency', 'Interfax', 'the Vell news agency', 'a Tass correspondent', 'the Vell Herald');
    const verbs = fc.constantFrom('reported', 'said');
    fc.assert(
      fc.property(speakers, cues, contents, agencies, verbs, (speaker, cue, content, agency, verb) => {
        // The first sentence makes a text long enough to read as English.
        const text = `It was the first meeting of the two sides since the spring, and no other is planned. ${speaker} ${cue} ${content} ${agency} ${verb}.`;
        const all = one(text, REGISTRY);
        expect(all).toHaveLength(1);
        expect(all[0]!.quote.endsWith(content)).toBe(true);
        expect(all[0]!.quote).not.toContain(speaker.replace(/,$/, ''));
        expect(all[0]!.source.actor?.kind).toBe('person');
        expect(all[0]!.channel?.actor.kind).toBe('outlet');
      }),
      { numRuns: 200 },
    );
  });

  it('never makes "PRONOUN as saying/telling" the content of a cited or quoted speaker', () => {
    const names = fc.constantFrom('Aurel Cojocaru', 'Ilse Marrow', 'Tomas Lind', 'Maria Olsen');
    const agencies = fc.constantFrom('Tass', 'Interfax', 'Nordpress', 'the Vell news agency');
    const openings = fc.constantFrom('', 'VARNITSA — ', 'VELL, May 2 (Nordpress) — ', 'On Tuesday, ');
    const intros = fc.constantFrom('A spokesman for the ministry, NAME,', 'NAME', 'Harbour master NAME', 'NAME, who chairs the board,');
    const claims = fc.constantFrom('the ferries would not sail', 'the army “had not fired at any target” near the town', 'talks would resume within a week');
    const verbs = fc.constantFrom('cited', 'quoted');
    const pronouns = fc.constantFrom('him', 'her', 'them');
    const tails = fc.constantFrom('saying', 'telling reporters', 'telling the Vell Herald');
    fc.assert(
      fc.property(names, agencies, openings, intros, claims, verbs, pronouns, tails, (name, agency, opening, intro, claim, verb, pronoun, tail) => {
        const text = `${opening}${intro.replace('NAME', name)} said ${claim}, ${agency} ${verb} ${pronoun} as ${tail}.`;
        const all = one(text);
        expect(all.some((s) => / as (saying|telling)/.test(s.quote))).toBe(false);
        const found = all.find((s) => s.quote.includes(claim))!;
        expect(found.quote).toBe(claim);
        expect(found.source.actor?.name).toBe(name);
        expect(found.channel?.text).toBe(agency);
      }),
      { numRuns: 200 },
    );
  });

  it('proposes unknown sources as new actors with a guessed kind', () => {
    const text = 'The Defence Ministry said no units had moved. NATO said it was watching closely. Interfax reported that the border was closed. Norway said it would send no troops.';
    const kinds = one(text).map((s) => [s.source.actor?.name, s.source.actor?.kind]);
    expect(kinds).toEqual([
      ['Defence Ministry', 'government'],
      ['NATO', 'organisation'],
      ['Interfax', 'outlet'],
      ['Norway', 'country'],
    ]);
  });

  it('gives code point offsets whose quote is the stored text there, after emoji and flags', () => {
    const text = '🇪🇺 Brief 😞: “Every week we lose is a week of shelling 👍🏽,” said Tomas Lind, a monitor with the mission.';
    const [s] = one(text);
    expect(s!.quote).toBe('“Every week we lose is a week of shelling 👍🏽,”');
    expect(sliceCodePoints(text, s!.start, s!.end)).toBe(s!.quote);
    expect(sliceCodePoints(text, s!.source.span!.start, s!.source.span!.end)).toBe('Tomas Lind, a monitor with the mission');
  });

  it('reads quotation marks typed the wrong way round', () => {
    const text = 'The envoy said ”We will stay here until the convoy passes.” A monitor wrote “This is not the end.“';
    expect(one(text).map((s) => s.quote)).toEqual(['”We will stay here until the convoy passes.”', '“This is not the end.“']);
  });

  it('leaves short scare quotes alone and does not take quoted verbs for cues', () => {
    const text = 'The so-called “peace plan” was dropped. “I think we said enough,” the envoy said.';
    const all = one(text);
    expect(all).toHaveLength(1);
    expect(all[0]!.quote).toBe('“I think we said enough,”');
    expect(cueText(text, all[0]!)).toBe('said');
  });

  it('says why it makes no suggestions for text that is not English', () => {
    for (const text of ['Пресс-секретарь Кремля Дмитрий Пелков заявил, что переговоры продолжатся.', 'Der Sprecher sagte, die Gespräche würden fortgesetzt, und die Mission habe keine Informationen.']) {
      const result = extractAttributions(text, []);
      expect(result.suggestions).toEqual([]);
      expect(result.skipped).toMatch(/English/);
      expect(result.version).toBe(EXTRACTOR_VERSION);
    }
    expect(extractAttributions('', []).skipped).toMatch(/too few words/);
  });

  it('copes with text without punctuation, unbalanced and nested quotation marks, tables and lists', () => {
    const cases = [
      'the minister said the talks failed and the spokesman said the talks went on '.repeat(400),
      '“He said “we will “not” leave” and then “ it went on, the spokesman said. “Open quote never closed\n\nnext paragraph said he',
      '| Country | Minister said | Figure |\n|---|---|---|\n| A | 12 | 3 |\n\n- He said: one\n- She said: two\n* Tass reported\n1. according to\n',
      '" " " said " ” “ « » „ \'\' said, said that, according to, , , ,',
    ];
    for (const text of cases) {
      const result = extractAttributions(text, REGISTRY);
      for (const s of result.suggestions) expect(sliceCodePoints(text, s.start, s.end)).toBe(s.quote);
    }
  });

  it('never throws and keeps every offset inside the text on arbitrary input', () => {
    const pieces = fc.constantFrom('said', 'told', 'Tass', 'according to', 'he', 'the spokesman', 'Pelkov', '“', '”', '"', "''", ',', '.', ':', '\n', '\n\n', ' ', '\u00a0', '😀', 'é', '停', 'Dvořák', 'Ştefan', 'Песков', '𝐀', 'e\u0301', 'cited', 'as saying', 'was quoted by', '(', ')', '–', 'that', 'The', 'Mr.');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 120 }).map((p) => p.join(' ')), (text) => {
        const { suggestions } = extractAttributions(text, REGISTRY);
        const length = Array.from(text).length;
        for (const s of suggestions) {
          expect(0 <= s.start && s.start < s.end && s.end <= length).toBe(true);
          expect(sliceCodePoints(text, s.start, s.end)).toBe(s.quote);
          expect(s.confidence).toBeGreaterThan(0);
          expect(s.confidence).toBeLessThan(1);
          for (const f of s.fragments) expect(s.start <= f.start && f.end <= s.end).toBe(true);
          if (s.source.span) expect(sliceCodePoints(text, s.source.span.start, s.source.span.end)).toBe(s.source.text);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('does bounded work per character: eight times the text takes about eight times as long, never the square', () => {
    const units = [
      'the minister said the talks failed and “the spokesman said the talks went on ',
      '“He said, ” Tass cited ‘x’ as saying « according to ',
      'Kremlin spokesman Dmitry Pelkov said on Tuesday that Moscow had no information. “We will not leave,” he told Tass.\n\n',
    ];
    for (const unit of units) {
      const small = unit.repeat(Math.ceil(60_000 / unit.length));
      const large = small.repeat(8); // about 480 KB
      extractAttributions(small, []); // warm up the JIT
      const time = (text: string) => {
        const started = performance.now();
        extractAttributions(text, []);
        return performance.now() - started;
      };
      // The fastest of a few runs, so that another process on the machine does not decide the result.
      const smallMs = Math.min(time(small), time(small), time(small));
      const largeMs = Math.min(time(large), time(large));
      // Linear work gives a ratio near 8; quadratic work would give about 64.
      expect(largeMs / smallMs, `${smallMs.toFixed(0)} ms for 60 KB, ${largeMs.toFixed(0)} ms for 480 KB`).toBeLessThan(24);
      expect(largeMs).toBeLessThan(15_000);
    }
  }, 60_000);

  it('is deterministic', () => {
    const text = article('ceasefire-monitors');
    expect(JSON.stringify(extractAttributions(text, REGISTRY))).toBe(JSON.stringify(extractAttributions(text, REGISTRY)));
  });
});

describe('attribution extractor: more of what annotators mark (version 6)', () => {
  it('reads on past an abbreviation in parentheses, where wink ends the sentence', () => {
    const text = 'The harbour board met on Monday.\n\nSen. Ana Berg (D-Vt.) said she would publish the board’s accounts in May.';
    const [s, ...rest] = one(text);
    expect(rest).toEqual([]);
    expect(s!.quote).toBe('she would publish the board’s accounts in May');
    expect(s!.source.text).toBe('Sen. Ana Berg (D-Vt.)');
    expect(cueText(text, s!)).toBe('said');
  });
  it('takes "is expected to" and "was said to" as the whole clause, said by no one named', () => {
    const text = 'The night ferry is expected to sail again on Friday. But the harbour master was said to be furious with the council.';
    const found = one(text);
    expect(found.map((s) => [s.quote, s.source.span, cueText(text, s)])).toEqual([
      ['The night ferry is expected to sail again on Friday', null, 'is expected'],
      ['the harbour master was said to be furious with the council', null, 'was said'],
    ]);
    // Not a raising verb, or no infinitive: nothing.
    expect(one('The ferry was sold to a company in Varna. The pier was expected.')).toEqual([]);
  });
  it('gives "…, saying that …" to the sentence\'s subject when no attribution comes before it', () => {
    const text = 'The mayor took a swipe at the port authority on Tuesday, saying that the pier would close by June.';
    const [s, ...rest] = one(text);
    expect(rest).toEqual([]);
    expect(s!.quote).toBe('that the pier would close by June');
    expect(s!.source.text).toBe('The mayor');
    expect(cueText(text, s!)).toBe('saying');
    // What follows is no reported clause: nothing.
    expect(one('The mayor took a swipe at the port authority, saying goodbye to the crew.')).toEqual([]);
    // After an opening phrase and its comma.
    const opening = 'However, Berg held her fire on Olsen, saying he was “a decent man” after all.';
    const [o] = one(opening);
    expect([o!.source.text, o!.quote]).toEqual(['Berg', 'he was “a decent man” after all']);
  });
  it('reads a clause whose subject has a long appositive before ", her friend said"', () => {
    const text = 'Olsen, a mother of three and a project manager at the shipping firm, was also on her way to Varna, her friend said.';
    const [s, ...rest] = one(text);
    expect(rest).toEqual([]);
    expect(s!.quote).toBe('Olsen, a mother of three and a project manager at the shipping firm, was also on her way to Varna');
    expect(s!.source.text).toBe('her friend');
  });
  it('goes on past ", but that …" with what was said, and stops at ", but" followed by the writer\'s clause', () => {
    const [s] = one('The mayor said the pier would close in June, but that the ferries would keep sailing.');
    expect(s!.quote).toBe('the pier would close in June, but that the ferries would keep sailing');
    const [t] = one('The mayor said the pier would close in June, but the council has not voted.');
    expect(t!.quote).toBe('the pier would close in June');
  });
  it('takes the rest of the sentence after an attribution set off by commas as the content\'s second part', () => {
    const fragmentsOf = (text: string, s: Suggestion) => s.fragments.map((f) => sliceCodePoints(text, f.start, f.end));
    const according = 'At the heart of the dispute, according to Ana Berg, a former envoy, was the price of the land.';
    const [a, ...rest] = one(according);
    expect(rest).toEqual([]);
    expect(fragmentsOf(according, a!)).toEqual(['At the heart of the dispute', 'was the price of the land']);
    expect(a!.source.text).toBe('Ana Berg');

    const said = 'The talks were short, the ministry said, and ended without a date.';
    const [b] = one(said);
    expect(fragmentsOf(said, b!)).toEqual(['The talks were short', 'and ended without a date']);

    // "…, adding that …" is an attribution of its own.
    const adding = 'The pier will close, the mayor said, adding that the ferries would sail.';
    expect(one(adding).map((s) => fragmentsOf(adding, s))).toEqual([['The pier will close'], ['that the ferries would sail']]);
  });
  it('goes on past ", including …" but ends the content at another participle after a comma', () => {
    const [s] = one('The mayor said the port would be rebuilt, including the old fish market and the ferry pier.');
    expect(s!.quote).toBe('the port would be rebuilt, including the old fish market and the ferry pier');
    const [t] = one('The mayor said the port would be rebuilt, leading the council to cut its budget.');
    expect(t!.quote).toBe('the port would be rebuilt');
  });
  it('takes a stance towards one named person as content ("a third of the dockers supported Olsen")', () => {
    const text = 'In the harbour district, a third of the dockers supported Olsen.';
    const [s, ...rest] = one(text);
    expect(rest).toEqual([]);
    expect(s!.quote).toBe('Olsen');
    expect(cueText(text, s!)).toBe('supported');
    // One word that is no name is not.
    expect(one('In the harbour district, a third of the dockers supported it.')).toEqual([]);
  });
  it('knows more verbs of stance: "pointed to", "would vote for", "highlighted", "expressed"', () => {
    const cases: [string, string, string][] = [
      ['The harbour master pointed to the rising cost of fuel.', 'the rising cost of fuel', 'pointed to'],
      ['In the harbour district, 56 percent would vote for Ana Berg.', 'Ana Berg', 'vote for'],
      ['The dockers’ union highlighted the cost of the new ferry line.', 'the cost of the new ferry line', 'highlighted'],
      ['The mayor expressed concern that the pier would close.', 'concern that the pier would close', 'expressed'],
    ];
    for (const [text, quote, cue] of cases) {
      const [s, ...rest] = one(text);
      expect(rest, text).toEqual([]);
      expect([s!.quote, cueText(text, s!)]).toEqual([quote, cue]);
    }
  });

  it('reads a verb of stance ending the sentence after a comma as looking back: "…, the harbour master believes."', () => {
    const text = 'The ferry will lose money again this winter, the harbour master believes.';
    const [s, ...rest] = one(text);
    expect(rest).toEqual([]);
    expect(s!.quote).toBe('The ferry will lose money again this winter');
    expect(s!.source.text).toBe('the harbour master');
    // Not when more follows the cue.
    expect(one('The ferry will lose money again this winter, the harbour master believes, unless fares rise.')).toEqual([]);
    // "show" ending the sentence after a plural noun, which the lite model tags a noun.
    const records = 'The ferry lost money every winter, the harbour records show.';
    const [r] = one(records);
    expect([r!.quote, r!.source.text, cueText(records, r!)]).toEqual(['The ferry lost money every winter', 'the harbour records', 'show']);
  });
  it('takes a share of people as a speaker ("more than 4 in 10 said", "Six in 10 say"), ending the content before it', () => {
    const text = 'Most dockers said the pier should stay open, and more than 4 in 10 said the fares were too high.';
    expect(one(text).map((s) => [s.source.text, s.quote])).toEqual([
      ['Most dockers', 'the pier should stay open'],
      ['more than 4 in 10', 'the fares were too high'],
    ]);
    const [s] = one('Six in 10 say the ferry is late.');
    expect([s!.source.text, s!.quote]).toEqual(['Six in 10', 'the ferry is late']);
  });
  it('ends the object of a verb of stance before the writer\'s circumstances: a comma, "last week", "during …"', () => {
    const quotes = (text: string) => one(text).map((s) => s.quote);
    expect(quotes('The dockers’ union endorsed Ana Berg last week.')).toEqual(['Ana Berg']);
    expect(quotes('The mayor praised the harbour plan, which the council drafted in May.')).toEqual(['the harbour plan']);
    expect(quotes('The mayor praised the harbour plan during a visit to the port.')).toEqual(['the harbour plan']);
    // An infinitive or a clause stays whole.
    expect(quotes('The mayor wants to close the pier after the summer.')).toEqual(['to close the pier after the summer']);
  });
  it('takes the question of "Asked about …, X said" and "When asked by Y whether …," as content of its own', () => {
    const text = 'Asked about the fares, Berg said they would not rise.';
    expect(one(text).map((s) => [s.quote, s.source.span === null ? null : s.source.text, cueText(text, s)])).toEqual([
      ['the fares', null, 'Asked about'],
      ['they would not rise', 'Berg', 'said'],
    ]);
    const by = 'When asked by reporters whether the pier would close, the mayor said no decision had been made.';
    expect(one(by).map((s) => [s.quote, s.source.text])).toEqual([
      ['whether the pier would close', 'reporters'],
      ['no decision had been made', 'the mayor'],
    ]);
  });
  it('reads a progressive cue as the verb of its clause ("is telling voters that", "is calling for")', () => {
    const text = 'Ana Berg is telling voters at a harbour cafe that the fares will fall.';
    const [s, ...rest] = one(text);
    expect(rest).toEqual([]);
    expect([s!.source.text, cueText(text, s!), s!.quote]).toEqual(['Ana Berg', 'telling', 'that the fares will fall']);
    const call = 'The union is calling for a new pier.';
    const [c] = one(call);
    expect([c!.source.text, cueText(call, c!), c!.quote]).toEqual(['The union', 'calling for', 'a new pier']);
    // A passive is still no speaker's cue.
    expect(one('The new pier was announced on Tuesday.')).toEqual([]);
  });
  it('takes the agent of a passive cue of speech as the source and its subject as the content', () => {
    const text = 'The plan to close the pier was first reported by the Harbour Herald.';
    const [s, ...rest] = one(text);
    expect(rest).toEqual([]);
    expect([s!.quote, s!.source.text, cueText(text, s!)]).toEqual(['The plan to close the pier', 'the Harbour Herald', 'was first reported by']);
    // A verb of stance in the passive is not read so.
    expect(one('Ana Berg was endorsed by the dockers’ union on Monday.')).toEqual([]);
  });
  it('takes "the self-described harbour socialist" as a speaker, though the lite model tags "socialist" an adjective', () => {
    const text = 'The self-described harbour socialist said he would win the vote if turnout were high.';
    const [s, ...rest] = one(text);
    expect(rest).toEqual([]);
    expect([s!.source.text, s!.quote]).toEqual(['The self-described harbour socialist', 'he would win the vote if turnout were high']);
  });
});
