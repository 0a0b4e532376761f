import { describe, expect, it } from 'vitest';
import { ActorResolver } from '../../shared/assist/attribution/resolve';
import { analyse } from '../../shared/assist/attribution/tokens';
import type { RegistryActor } from '../../shared/assist/attribution/types';

/**
 * Resolves source mentions in turn, as the extractor meets them in an article, each 100 UTF-16
 * units after the one before (well within the distance a bare title looks back), and returns the
 * actor's name for each (null for none).
 */
function resolveInTurn(mentions: readonly string[], registry: readonly RegistryActor[] = []): (string | null)[] {
  const resolver = new ActorResolver(registry);
  return mentions.map((mention, i) => resolver.resolve(analyse(mention).tokens, i * 100).actor?.name ?? null);
}

describe('ActorResolver', () => {
  it('keeps a name with letters beyond Latin-1 whole, and a later surname finds it', () => {
    expect(resolveInTurn(['Minister Ştefan Dumitrescu', 'Dumitrescu'])).toEqual(['Ştefan Dumitrescu', 'Ştefan Dumitrescu']);
    expect(resolveInTurn(['President Recep Erdoğan', 'Erdoğan'])).toEqual(['Recep Erdoğan', 'Recep Erdoğan']);
    expect(resolveInTurn(['envoy Łukasz Ilić', 'Ilić'])).toEqual(['Łukasz Ilić', 'Łukasz Ilić']);
    expect(resolveInTurn(['Karel Dvořák', 'Дмитрий Песков', 'Песков'])).toEqual(['Karel Dvořák', 'Дмитрий Песков', 'Дмитрий Песков']);
    expect(resolveInTurn(['Dvořák'], [{ id: 'a-dvorak', name: 'Karel Dvořák', aliases: [], kind: 'person' }])).toEqual(['Karel Dvořák']);
  });

  it('gives a bare title to the last person named with it', () => {
    expect(resolveInTurn(['Governor Ana Petrescu', 'Minister Ştefan Dumitrescu', 'the governor'])).toEqual(['Ana Petrescu', 'Ştefan Dumitrescu', 'Ana Petrescu']);
  });

  it('never pins a bare title on the last person when that person is known by another title', () => {
    expect(resolveInTurn(['Minister Stefan Dumitrescu', 'the regional governor'])).toEqual(['Stefan Dumitrescu', null]);
    expect(resolveInTurn(['Minister Ştefan Dumitrescu', 'Dumitrescu', 'the spokesman'])).toEqual(['Ştefan Dumitrescu', 'Ştefan Dumitrescu', null]);
    expect(resolveInTurn(['Karel Dvořák, the mayor', 'the governor'])).toEqual(['Karel Dvořák', null]);
  });

  it('gives a bare title to the last person named when no role of theirs is known', () => {
    expect(resolveInTurn(['Stefan Dumitrescu', 'the minister'])).toEqual(['Stefan Dumitrescu', 'Stefan Dumitrescu']);
    expect(resolveInTurn(['Дмитрий Песков', 'the spokesman'])).toEqual(['Дмитрий Песков', 'Дмитрий Песков']);
    // An honorific, a party or "former" is no role.
    expect(resolveInTurn(['Mr. Ilić', 'the president'])).toEqual(['Ilić', 'Ilić']);
    expect(resolveInTurn(['Democratic rival Łukasz Nowak', 'the nominee'])).toEqual(['Łukasz Nowak', 'Łukasz Nowak']);
  });

  it('compares roles as they are spelt out, and lets "the woman" be anyone', () => {
    expect(resolveInTurn(['Sen. Ana Petrescu', 'Minister Karel Dvořák', 'the senator'])).toEqual(['Ana Petrescu', 'Karel Dvořák', 'Ana Petrescu']);
    expect(resolveInTurn(['spokeswoman Ana Petrescu', 'Minister Karel Dvořák', 'the spokesperson'])).toEqual(['Ana Petrescu', 'Karel Dvořák', 'Ana Petrescu']);
    expect(resolveInTurn(['Mayor Ana Petrescu', 'the woman'])).toEqual(['Ana Petrescu', 'Ana Petrescu']);
    // "the former secretary of state" is a secretary, not a state.
    expect(resolveInTurn(['Secretary of State Ana Petrescu', 'Minister Karel Dvořák', 'the former secretary of state'])).toEqual(['Ana Petrescu', 'Karel Dvořák', 'Ana Petrescu']);
  });
});
