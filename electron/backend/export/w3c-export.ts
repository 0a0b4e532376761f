import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { claimRows, linkRows, type ClaimRow, type LinkRow } from './claim-rows';
import type { AttentionTally } from './span-check';

const urn = (id: string) => `urn:uuid:${id}`;

/**
 * An actor as a body: a SpecificResource (which may carry a purpose) whose source is the actor,
 * named by its label. The body has no id of its own: one actor as one claim's actor and another's
 * channel is then one resource with one name, used by two bodies, rather than one node with two
 * values and two purposes (and an external resource may not carry a purpose: model 3.3.5).
 */
const actorBody = (purpose: 'identifying' | 'describing', id: string, name: string) => ({ type: 'SpecificResource', purpose, source: { id: urn(id), label: name } });

/**
 * A claim as a W3C Web Annotation: the span (quote and code point position); bodies name the
 * actor (purpose identifying), the channel it was reported via (describing), tags and the note.
 * The article's title and outlet are dcterms:title and dcterms:publisher (terms anno.jsonld
 * declares through its dcterms prefix; JSON-LD processors drop undeclared ones).
 */
export function claimAnnotation(c: ClaimRow): Record<string, unknown> {
  const body: Array<Record<string, unknown>> = [actorBody('identifying', c.actorId, c.actor)];
  if (c.via && c.viaId) body.push(actorBody('describing', c.viaId, c.via));
  for (const tag of c.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag });
  if (c.noteText) body.push({ type: 'TextualBody', purpose: 'commenting', value: c.noteText, format: 'text/plain' });
  return {
    id: urn(c.claimId),
    type: 'Annotation',
    motivation: 'classifying',
    created: c.createdAt,
    modified: c.updatedAt,
    body,
    target: {
      type: 'SpecificResource',
      source: { id: urn(c.articleId), type: 'Text', 'dcterms:title': c.articleTitle, ...(c.outlet ? { 'dcterms:publisher': c.outlet } : {}) },
      selector: [
        { type: 'TextQuoteSelector', exact: c.quote, prefix: c.prefix, suffix: c.suffix },
        // Positions count Unicode code points, as the Web Annotation model requires.
        { type: 'TextPositionSelector', start: c.start, end: c.end },
      ],
    },
  };
}

/** A link as an Annotation with motivation linking: the two claims are its targets. */
export function linkAnnotation(l: LinkRow): Record<string, unknown> {
  const body: Array<Record<string, unknown>> = [
    { type: 'TextualBody', purpose: 'classifying', value: l.kind },
    { type: 'TextualBody', purpose: 'assessing', value: l.status },
  ];
  if (l.rationaleText) body.push({ type: 'TextualBody', purpose: 'commenting', value: l.rationaleText, format: 'text/plain' });
  return {
    id: urn(l.linkId),
    type: 'Annotation',
    motivation: 'linking',
    created: l.createdAt,
    modified: l.updatedAt,
    ...(l.createdBy ? { creator: { type: 'Person', name: l.createdBy } } : {}),
    body,
    target: [urn(l.claimA), urn(l.claimB)],
  };
}

/**
 * The project as one W3C AnnotationCollection (JSON-LD) with a single page of items (each with
 * the id the model requires: fresh UUIDs, as an export is a snapshot), streamed
 * one annotation at a time. A claim whose span does not hold on its text is left out (its
 * selectors would point at other text), with the links that target it; `tally` counts them.
 */
export function* webAnnotations(db: Database.Database, articleIds: string[] | null, projectName: string, exportedAt: string, tally: AttentionTally): Generator<string> {
  const [collection, page] = [urn(randomUUID()), urn(randomUUID())];
  yield `{\n  "@context": "http://www.w3.org/ns/anno.jsonld",\n  "id": "${collection}",\n  "type": "AnnotationCollection",\n  "label": ${JSON.stringify(projectName)},\n  "generated": ${JSON.stringify(exportedAt)},\n  "first": {\n    "id": "${page}",\n    "type": "AnnotationPage",\n    "items": [`;
  let first = true;
  const item = (annotation: Record<string, unknown>) => {
    const chunk = `${first ? '' : ','}\n      ${JSON.stringify(annotation)}`;
    first = false;
    return chunk;
  };
  const written = new Set<string>();
  for (const claim of claimRows(db, articleIds)) {
    if (!claim.holds) {
      tally.claims++;
      continue;
    }
    written.add(claim.claimId);
    yield item(claimAnnotation(claim));
  }
  for (const link of linkRows(db, articleIds)) {
    if (!written.has(link.claimA) || !written.has(link.claimB)) {
      tally.links++;
      continue;
    }
    yield item(linkAnnotation(link));
  }
  yield '\n    ]\n  }\n}\n';
}
