import { describe, expect, it } from 'vitest';
import { guessActorKind } from '../../shared/assist/actor-kind';

describe('guessActorKind', () => {
  it.each([
    ['Dmitry Pelkov', 'person', 'person'],
    ['Pelkov', 'person', 'person'],
    ['Nordpress', 'outlet', 'outlet'],
    ['Interfax', 'person', 'outlet'],
    ['Anadolu Agency', 'person', 'outlet'],
    ['Harbour Daily News', 'person', 'outlet'],
    ['Ministry of Defence', 'person', 'government'],
    ['the Kremlin', 'person', 'government'],
    ['Russia', 'person', 'country'],
    ['Côte d’Ivoire', 'person', 'person'],
    ['the United States', 'outlet', 'country'],
    ['Nordhafen Shipping GmbH', 'person', 'organisation'],
    ['Harbour Board', 'person', 'organisation'],
    ['NATO', 'person', 'organisation'],
    ['Defence Minister Ilya Varetsky', 'outlet', 'person'],
  ] as const)('%s (where the field usually holds a %s) → %s', (name, usual, kind) => {
    expect(guessActorKind(name, usual)).toBe(kind);
  });

  it('keeps the usual kind for an empty name', () => {
    expect(guessActorKind('  ', 'outlet')).toBe('outlet');
  });
});
