import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClaimRow, LinkRow } from '../../electron/backend/export/claim-rows';
import { SharedParts, claimAnnotation, linkAnnotation } from '../../electron/backend/export/w3c-export';

// Strings with what JSON escapes, and empty ones (which leave optional parts out).
const text = fc.oneof(fc.constant(''), fc.string({ maxLength: 6 }), fc.constantFrom('"', '\\', '\n', '\u0000', '😀', 'é'));
const id = fc.oneof(fc.uuid(), text);

const claim = fc.record({
  claimId: id, articleId: id, articleTitle: text, outlet: text, start: fc.nat(), end: fc.nat(), quote: text, prefix: text, suffix: text,
  actorId: id, actor: text, viaId: fc.option(id), via: fc.option(text), tags: fc.array(text, { maxLength: 3 }), noteText: text, createdAt: text, updatedAt: text,
});
const link = fc.record({
  linkId: id, kind: fc.constantFrom('contradicts' as const, 'corroborates' as const), status: fc.constantFrom('open' as const, 'confirmed' as const, 'dismissed' as const),
  claimA: id, claimB: id, rationaleText: text, createdBy: text, createdAt: text, updatedAt: text,
});

const urn = (x: string) => `urn:uuid:${x}`;
const actorBody = (purpose: string, actorId: string, name: string) => ({ type: 'SpecificResource', purpose, source: { id: urn(actorId), label: name } });
const textual = (purpose: string, value: string) => ({ type: 'TextualBody', purpose, value });

/** The annotation as the Web Annotation model has it: what its text must be, as JSON.stringify writes it. */
function claimObject(c: Omit<ClaimRow, 'rowid' | 'holds' | 'publishedAt' | 'claimedOn' | 'records'>): unknown {
  return {
    id: urn(c.claimId), type: 'Annotation', motivation: 'classifying', created: c.createdAt, modified: c.updatedAt,
    body: [
      actorBody('identifying', c.actorId, c.actor),
      ...(c.via && c.viaId ? [actorBody('describing', c.viaId, c.via)] : []),
      ...c.tags.map((tag) => textual('tagging', tag)),
      ...(c.noteText ? [{ ...textual('commenting', c.noteText), format: 'text/plain' }] : []),
    ],
    target: {
      type: 'SpecificResource',
      source: { id: urn(c.articleId), type: 'Text', 'dcterms:title': c.articleTitle, ...(c.outlet ? { 'dcterms:publisher': c.outlet } : {}) },
      selector: [{ type: 'TextQuoteSelector', exact: c.quote, prefix: c.prefix, suffix: c.suffix }, { type: 'TextPositionSelector', start: c.start, end: c.end }],
    },
  };
}

function linkObject(l: Pick<LinkRow, 'linkId' | 'kind' | 'status' | 'claimA' | 'claimB' | 'rationaleText' | 'createdBy' | 'createdAt' | 'updatedAt'>): unknown {
  return {
    id: urn(l.linkId), type: 'Annotation', motivation: 'linking', created: l.createdAt, modified: l.updatedAt,
    ...(l.createdBy ? { creator: { type: 'Person', name: l.createdBy } } : {}),
    body: [textual('classifying', l.kind), textual('assessing', l.status), ...(l.rationaleText ? [{ ...textual('commenting', l.rationaleText), format: 'text/plain' }] : [])],
    target: [urn(l.claimA), urn(l.claimB)],
  };
}

describe("W3C annotations' text", () => {
  it('is JSON.stringify of the annotation, for any values, with parts shared between claims (same actor, same article) made once', () => {
    fc.assert(
      fc.property(fc.array(claim, { minLength: 1, maxLength: 4 }), (claims) => {
        const shared = new SharedParts();
        // As in a project, an id names one article and one actor: their first values stand.
        const articles = new Map<string, { articleTitle: string; outlet: string }>();
        const actors = new Map<string, string>();
        const named = (actorId: string, name: string) => actors.get(actorId) ?? (actors.set(actorId, name), name);
        const consistent = claims.map((c) => {
          const article = articles.get(c.articleId) ?? (articles.set(c.articleId, c), c);
          const actor = named(c.actorId, c.actor);
          const via = c.viaId === null ? c.via : named(c.viaId, c.via ?? '');
          return { ...c, articleTitle: article.articleTitle, outlet: article.outlet, actor, via };
        });
        // Claims of one article come together, and share actors: each is written as if alone.
        for (const c of consistent.flatMap((c) => [c, { ...c, claimId: `${c.claimId}-2` }])) {
          const row = { ...c, rowid: 0, holds: true, publishedAt: null, claimedOn: null, records: null } as ClaimRow;
          const annotation = claimAnnotation(row, shared);
          expect(annotation).toBe(JSON.stringify(claimObject(c)));
        }
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  it('of a link is JSON.stringify of the annotation, for any values', () => {
    fc.assert(
      fc.property(link, (l) => {
        const row = { ...l, articleA: '', articleB: '', actorA: '', actorB: '' } as LinkRow;
        expect(linkAnnotation(row)).toBe(JSON.stringify(linkObject(l)));
      }),
      { numRuns: 300, seed: 18 },
    );
  });
});
