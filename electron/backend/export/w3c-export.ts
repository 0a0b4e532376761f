import type Database from 'better-sqlite3';
import { claimRows, linkRows, type ClaimRow, type LinkRow } from './claim-rows';
import type { AttentionTally } from './span-check';

const urn = (id: string) => `urn:uuid:${id}`;

/**
 * A claim as a W3C Web Annotation: the span (quote and code point position); bodies name the
 * actor (purpose identifying), the channel (describing, "reported via …"), tags and the note.
 */
export function claimAnnotation(c: ClaimRow): Record<string, unknown> {
  const body: Array<Record<string, unknown>> = [
    { type: 'TextualBody', purpose: 'identifying', value: c.actor, id: urn(c.actorId) },
  ];
  if (c.via && c.viaId) body.push({ type: 'TextualBody', purpose: 'describing', value: `reported via ${c.via}`, id: urn(c.viaId) });
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
      source: { id: urn(c.articleId), type: 'Text', title: c.articleTitle, ...(c.outlet ? { publisher: c.outlet } : {}) },
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
 * The project as one W3C AnnotationCollection (JSON-LD) with a single page of items, streamed
 * one annotation at a time. A claim whose span does not hold on its text is left out (its
 * selectors would point at other text), with the links that target it; `tally` counts them.
 */
export function* webAnnotations(db: Database.Database, articleIds: string[] | null, projectName: string, exportedAt: string, tally: AttentionTally): Generator<string> {
  yield `{\n  "@context": "http://www.w3.org/ns/anno.jsonld",\n  "type": "AnnotationCollection",\n  "label": ${JSON.stringify(projectName)},\n  "generated": ${JSON.stringify(exportedAt)},\n  "first": {\n    "type": "AnnotationPage",\n    "items": [`;
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
